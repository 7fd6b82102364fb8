import Testing
import Dispatch
@testable import TuttiTerminal

@Suite struct RecordingTerminalTests {
    @Test func replaysTheScriptThenTimesOut() {
        let terminal = RecordingTerminal(events: [.key(.character("a")), .paste("p")])
        #expect(terminal.nextEvent(timeout: nil) == .key(.character("a")))
        terminal.enqueue(.key(.ctrl("c")))
        #expect(terminal.remainingEvents == [.paste("p"), .key(.ctrl("c"))])
        #expect(terminal.nextEvent(timeout: .milliseconds(10)) == .paste("p"))
        #expect(terminal.nextEvent(timeout: nil) == .key(.ctrl("c")))
        #expect(terminal.nextEvent(timeout: nil) == nil)
    }

    @Test func scriptedResizeChangesTheSize() {
        let terminal = RecordingTerminal(width: 80, height: 24, events: [.resize(width: 40, height: 10)])
        #expect(terminal.size == (80, 24))
        #expect(terminal.nextEvent(timeout: nil) == .resize(width: 40, height: 10))
        #expect(terminal.size == (40, 10))
    }

    @Test func recordsWhatTheUIDid() {
        let terminal = RecordingTerminal(width: 4, height: 1, capabilities: TerminalCapabilities(colors: 8, unicode: false))
        var canvas = Canvas(width: 4, height: 1)
        canvas.text("one", x: 0, y: 0)
        terminal.draw(canvas)
        canvas.text("two", x: 0, y: 0)
        terminal.draw(canvas)
        terminal.setMouseReporting(false)
        terminal.writeControlSequence("\u{1B}]52;c;aGk=\u{07}")
        terminal.suspend()
        terminal.shutdown()
        #expect(terminal.drawnCanvases.map(\.text) == ["one", "two"])
        #expect(terminal.lastCanvas?.lines == ["two"])
        #expect(!terminal.mouseReporting)
        #expect(terminal.controlSequences == ["\u{1B}]52;c;aGk=\u{07}"])
        #expect(terminal.suspendCount == 1)
        #expect(terminal.isShutDown)
        #expect(terminal.capabilities.colors == 8 && !terminal.capabilities.unicode)
    }

    @Test func wakeFromAnotherThreadComesFirstAndOnce() async {
        let terminal = RecordingTerminal(events: [.key(.character("x"))])
        let waker = terminal.waker
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                waker.wake()
                waker.wake()
                continuation.resume()
            }
        }
        #expect(terminal.nextEvent(timeout: nil) == .wake)
        #expect(terminal.nextEvent(timeout: nil) == .key(.character("x")))
        terminal.wake()
        #expect(terminal.nextEvent(timeout: nil) == .wake)
        #expect(terminal.nextEvent(timeout: nil) == nil)
    }

    @Test func usableThroughTheProtocol() {
        let terminal: any Terminal = RecordingTerminal(width: 3, height: 2)
        #expect(terminal.size.width == 3 && terminal.size.height == 2)
        #expect(terminal.capabilities.usesColor)
    }
}
