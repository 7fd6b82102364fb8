import Foundation
import TuttiTestSupport

/// A real terminal for end-to-end tests: a tmux session running a shell, driven with
/// send-keys and read with capture-pane.
final class TmuxSession {
    let name: String
    private static let counter = Counter()

    /// Starts a shell in a new detached session of `width` × `height` cells.
    init(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        name = "tutti-e2e-\(getpid())-\(Self.counter.next())"
        var env = ["PS1": "PROMPT$ ", "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { $1 }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuoted($0.value))" }.joined(separator: " ")
        let start = ["new-session", "-d", "-x", String(width), "-y", String(height), "-s", name,
                     "env -i PATH=/usr/bin:/bin \(exports) bash --norc --noprofile"]
        // The tests' server exits when its last session closes; a session started in that
        // moment meets a dying server ("server exited unexpectedly"), so try again.
        for attempt in 1... {
            do {
                try Self.tmux(start)
                break
            } catch where attempt < 5 {
                usleep(200_000)
            }
        }
        guard waitFor("PROMPT$") else { throw TmuxError("the shell did not start") }
    }

    deinit { _ = try? Self.tmux(["kill-session", "-t", name]) }

    /// Types a command line and presses Enter.
    func run(_ command: String) throws {
        try type(command)
        try keys("Enter")
    }

    /// Types text literally.
    func type(_ text: String) throws { try Self.tmux(["send-keys", "-t", name, "-l", text]) }

    /// Presses keys by tmux name (Enter, Tab, S-Right, C-c, …).
    func keys(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }

    /// The screen as text (with `escapes`, the colours and attributes as escape sequences).
    func screen(escapes: Bool = false) -> String {
        (try? Self.tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))) ?? ""
    }

    /// tmux's newest paste buffer (where `set-clipboard on` puts what a program copies).
    func pasteBuffer() -> String { (try? Self.tmux(["show-buffer"])) ?? "" }

    /// Sets a tmux option for every session of the tests' server.
    func setGlobalOption(_ name: String, _ value: String) throws { try Self.tmux(["set-option", "-g", name, value]) }

    /// The screen's lines.
    var lines: [String] { screen().components(separatedBy: "\n") }

    /// Waits until the screen satisfies `condition` (up to `timeout` seconds).
    @discardableResult
    func waitUntil(timeout: Double = 15, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(screen()) { return true }
            usleep(100_000)
        }
        return condition(screen())
    }

    /// Waits until the screen stops changing (the same in two looks 300 ms apart), so that
    /// every key sent so far has been handled.
    /// The explorer's status line (the last line that counts filtered rows), or "".
    var statusLine: String { lines.last { $0.contains("filtered") } ?? "" }

    /// In the explorer: Tab to the first histogram, brush its last three bins, commit with Enter
    /// and wait for the screen to settle; returns the status line's selected count as shown, or
    /// throws when nothing becomes selected.
    func brushTopBinsOfTheFirstHistogram() throws -> String {
        try keys("Tab")
        try keys("End")
        try keys("S-Left", "S-Left", "S-Left")
        try keys("Enter")
        guard waitUntil({ !(($0.components(separatedBy: "\n").last { $0.contains("filtered") }) ?? " 0 selected").contains(" 0 selected") })
        else { throw TmuxError("the brush selected nothing:\n\(screen())") }
        waitForStableScreen()
        return statusLine.firstMatch(of: /([\d,]+) selected/).map { String($0.1) } ?? "?"
    }

    func waitForStableScreen(timeout: Double = 15) {
        var previous = screen()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            usleep(300_000)
            let now = screen()
            if now == previous { return }
            previous = now
        }
    }

    /// Waits until `text` is on screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) -> Bool { waitUntil(timeout: timeout) { $0.contains(text) } }

    /// Resizes the window.
    func resize(width: Int, height: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The process id of the program running in the pane's shell (the shell's child).
    func foregroundProcess(named program: String) -> Int32? {
        guard let shell = try? Self.tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines),
              let output = try? Self.shell("pgrep -P \(shell) -f \(program)") else { return nil }
        return output.split(separator: "\n").first.flatMap { Int32($0) }
    }

    /// Runs tmux on the tests' own server; throws when it fails.
    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let outcome = try ChildProcess.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments)
        guard outcome.status == 0 else { throw TmuxError("tmux \(arguments.joined(separator: " ")): \(outcome.errorOutput)") }
        return outcome.output
    }

    /// Runs a shell command line and returns what it printed; throws when it fails.
    @discardableResult
    static func shell(_ command: String) throws -> String {
        let outcome = try ChildProcess.shell(command)
        guard outcome.status == 0 else { throw TmuxError("failed: \(command)") }
        return outcome.output
    }

    static func shellQuoted(_ text: String) -> String { ChildProcess.shellQuoted(text) }

    /// One tmux server for this test process, apart from any the user runs.
    private static let socket = "tutti-e2e-\(getpid())"

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
