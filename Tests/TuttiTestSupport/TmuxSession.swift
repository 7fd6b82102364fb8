import Foundation

/// A real terminal for end-to-end tests: a tmux session running an interactive shell with job
/// control, driven like a person would (type, press keys, paste) and read with capture-pane and
/// tmux's view of the terminal modes the program set.
public final class TmuxSession {
    /// Whether tmux is installed.
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// The session's name on the tests' tmux server.
    public let name: String
    private static let counter = Counter()
    private static let path = "/usr/bin/tmux"

    /// Starts a shell in a new detached session of `width` × `height` cells, with `environment`
    /// added to a clean one (TERM xterm-256color, a UTF-8 locale, the prompt `PROMPT$ `).
    public init(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        name = "tutti-e2e-\(getpid())-\(Self.counter.next())"
        var env = ["PS1": "PROMPT$ ", "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { $1 }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuoted($0.value))" }.joined(separator: " ")
        let start = ["new-session", "-d", "-x", String(width), "-y", String(height), "-s", name,
                     "env -i PATH=/usr/bin:/bin \(exports) bash --norc --noprofile -i"]
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
    public func run(_ command: String) throws {
        try type(command)
        try keys("Enter")
    }

    /// Types text literally (bytes as they are, escape sequences included).
    public func type(_ text: String) throws { try Self.tmux(["send-keys", "-t", name, "-l", text]) }

    /// Presses keys by tmux name (Enter, Tab, S-Right, C-c, BTab, M-x, …).
    public func keys(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }

    /// Pastes text as a terminal does when the program turned bracketed paste on.
    public func paste(_ text: String) throws {
        try Self.tmux(["set-buffer", text])
        try Self.tmux(["paste-buffer", "-p", "-t", name])
    }

    /// The screen as text (with `escapes`, the colours and attributes as escape sequences).
    public func screen(escapes: Bool = false) -> String {
        (try? Self.tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))) ?? ""
    }

    /// The screen's lines.
    public var lines: [String] { screen().components(separatedBy: "\n") }

    /// tmux's newest paste buffer (where `set-clipboard on` puts what a program copies).
    public func pasteBuffer() -> String { (try? Self.tmux(["show-buffer"])) ?? "" }

    /// Sets a tmux option for every session of the tests' server.
    public func setGlobalOption(_ name: String, _ value: String) throws { try Self.tmux(["set-option", "-g", name, value]) }

    /// A tmux format about the pane, e.g. `#{alternate_on}`.
    public func query(_ format: String) -> String {
        ((try? Self.tmux(["display-message", "-p", "-t", name, format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pane's modes: alternate screen, cursor shown, mouse reporting (SGR and button events).
    public var modes: String { query("alt=#{alternate_on} cursor=#{cursor_flag} sgr=#{mouse_sgr_flag} button=#{mouse_button_flag}") }

    /// Waits until the screen satisfies `condition` (up to `timeout` seconds).
    @discardableResult
    public func waitUntil(timeout: Double = 20, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(screen()) { return true }
            usleep(50_000)
        }
        return condition(screen())
    }

    /// Waits until `text` is on screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 20) -> Bool { waitUntil(timeout: timeout) { $0.contains(text) } }

    /// Waits until the pane's modes are `expected`.
    @discardableResult
    public func waitForModes(_ expected: String, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && modes != expected { usleep(50_000) }
        return modes == expected
    }

    /// Waits until the screen stops changing (the same in two looks 300 ms apart), so that
    /// every key sent so far has been handled.
    public func waitForStableScreen(timeout: Double = 15) {
        var previous = screen()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            usleep(300_000)
            let now = screen()
            if now == previous { return }
            previous = now
        }
    }

    /// Resizes the window.
    public func resize(width: Int, height: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The process id of the program running in the pane's shell (the shell's child).
    public func foregroundProcess(named program: String) -> Int32? {
        guard let shell = try? Self.tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines),
              let output = try? Self.shell("pgrep -P \(shell) -f \(program)") else { return nil }
        return output.split(separator: "\n").first.flatMap { Int32($0) }
    }

    /// Runs tmux on the tests' own server; throws when it fails.
    @discardableResult
    public static func tmux(_ arguments: [String]) throws -> String {
        let outcome = try ChildProcess.run(path, ["-L", socket, "-f", "/dev/null"] + arguments)
        guard outcome.status == 0 else { throw TmuxError("tmux \(arguments.joined(separator: " ")): \(outcome.errorOutput)") }
        return outcome.output
    }

    /// Runs a shell command line and returns what it printed; throws when it fails.
    @discardableResult
    public static func shell(_ command: String) throws -> String {
        let outcome = try ChildProcess.shell(command)
        guard outcome.status == 0 else { throw TmuxError("failed: \(command)") }
        return outcome.output
    }

    /// Quotes `text` as one word for the shell.
    public static func shellQuoted(_ text: String) -> String { ChildProcess.shellQuoted(text) }

    /// One tmux server for this test process, apart from any the user runs.
    private static let socket = "tutti-e2e-\(getpid())"

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }
}

/// A tmux step that failed.
public struct TmuxError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
