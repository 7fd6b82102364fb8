import Foundation
import Testing
import TuttiCore
import TuttiTerminal
import TuttiUI

/// The whole interface in process, driven only through `App` and a `RecordingTerminal`: key
/// presses in, frames out. Nothing here reaches into the workspace or a pane, so these tests
/// hold whatever shape the UI's insides take.
final class AppDriver {
    let terminal: RecordingTerminal
    private let app: App

    /// The app on the Adult data in a `width` × `height` terminal, its first frame drawn; with
    /// `engine`, as a sample of the table that engine holds.
    init(width: Int = 100, height: Int = 30, engine: EngineRows? = nil) {
        terminal = RecordingTerminal(width: width, height: height)
        // One name whichever copy of the Adult data the tests found (the shared CSV or the bundled
        // gzip), so frames and snapshots do not depend on where the repository was cloned.
        let data = Dataset(source: "adult_scored.csv", rowCount: adult.rowCount, columns: adult.columns)
        var workspace = Workspace(dataset: data, roles: adultRoles, theme: .fallback, glyphs: .unicode)
        workspace.engine = engine
        app = App(terminal: terminal, workspace: workspace)
        app.start()
    }

    /// The last frame drawn.
    var frame: Canvas { terminal.lastCanvas ?? Canvas(width: 0, height: 0) }

    /// The last frame's lines, trailing spaces removed.
    var lines: [String] { frame.lines }

    /// The status line (the second to last).
    var status: String { lines[lines.count - 2] }

    /// The footer line (the last).
    var footer: String { lines[lines.count - 1] }

    /// Handles `events` one by one as the terminal delivers them, each followed by its frame.
    func send(_ events: TerminalEvent...) {
        for event in events {
            terminal.enqueue(event)
            while !terminal.remainingEvents.isEmpty { app.step() }
        }
    }

    /// Presses keys: characters as they are, or named keys with modifiers.
    func press(_ keys: KeyEvent...) {
        for key in keys { send(.key(key)) }
    }

    /// Types `text`, one key a character.
    func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    /// Draws frames until no background work runs after one (work a frame starts is waited
    /// for too): polls the app's state, so the result does not depend on the machine's speed.
    func settle(timeout: Duration = .seconds(600)) {
        let clock = ContinuousClock(), deadline = clock.now + timeout
        app.step()
        while app.isBusy {
            guard clock.now < deadline else {
                Issue.record("background work still running after \(timeout):\n\(frame.text)")
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
            if !app.isBusy { app.step() }
        }
    }

    /// Whether the app asked to quit.
    var wantsQuit: Bool { app.wantsQuit }
}

extension KeyEvent {
    static let tab = KeyEvent(.tab)
    static let escape = KeyEvent(.escape)
    static let enter = KeyEvent(.enter)
    static let shiftRight = KeyEvent(.right, modifiers: .shift)
    static let shiftLeft = KeyEvent(.left, modifiers: .shift)
}
