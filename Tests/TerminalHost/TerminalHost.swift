import Glibc
import TuttiTerminal

/// A tiny program on the real backend, for the tmux tests of `TuttiTerminalTests`: it shows its
/// pid, size and capabilities, a colour swatch, wide characters and a log of the events it
/// receives. q quits (and prints "host done" once the terminal is restored), Ctrl-Z suspends,
/// m / M turn mouse reporting off / on, w wakes the loop from another thread, t sets the window
/// title with a control sequence, c crashes.
@main
enum TerminalHost {
    static func main() throws {
        let terminal = try CursesTerminal()
        var log: [String] = []
        render(terminal, log)
        loop: while true {
            guard let event = terminal.nextEvent(timeout: nil) else { continue }
            log.append(describe(event))
            if case .key(let key) = event {
                switch key {
                case .character("q"): break loop
                case .ctrl("z"): terminal.suspend()
                case .character("m"): terminal.setMouseReporting(false)
                case .character("M"): terminal.setMouseReporting(true)
                case .character("t"): terminal.writeControlSequence("\u{1B}]2;tutti-title\u{07}")
                case .character("c"):
                    var message = Array("before the crash\n".utf8)
                    _ = write(STDERR_FILENO, &message, message.count)
                    fatalError("host crash")
                case .character("w"):
                    let waker = terminal.waker
                    Task.detached {
                        try? await Task.sleep(for: .milliseconds(50))
                        waker.wake()
                    }
                default:
                    break
                }
            }
            render(terminal, log)
        }
        terminal.shutdown()
        print("host done")
    }

    private static func render(_ terminal: CursesTerminal, _ log: [String]) {
        let (width, height) = terminal.size
        let capabilities = terminal.capabilities
        var canvas = Canvas(width: width, height: height)
        canvas.text("host pid=\(getpid()) size=\(width)x\(height) colors=\(capabilities.colors) "
                    + "usesColor=\(capabilities.usesColor) unicode=\(capabilities.unicode)", x: 0, y: 0)
        canvas.text("swatch", x: 0, y: 1, style: CellStyle(foreground: .indexed(196), background: .indexed(21), attributes: .bold))
        canvas.text("wide 中文 end", x: 10, y: 1, style: CellStyle(attributes: .underline))
        for (row, line) in log.suffix(max(0, height - 4)).enumerated() { canvas.text(line, x: 0, y: 3 + row) }
        canvas.text("ready", x: 0, y: height - 1, style: CellStyle(attributes: .reverse))
        terminal.draw(canvas)
    }

    private static func describe(_ event: TerminalEvent) -> String {
        switch event {
        case .key(let key): "key \(key)"
        case .mouse(let mouse): "mouse \(mouse.button) \(mouse.action) \(mouse.x),\(mouse.y)"
        case .paste(let text): "paste \(text.debugDescription)"
        case .resize(let width, let height): "resize \(width)x\(height)"
        case .wake: "wake"
        }
    }
}
