import Foundation
import TuttiTestSupport

/// A private tmux server with one window, driven like a person would: type keys, read the
/// screen, ask tmux about the terminal modes the program set.
final class Tmux {
    static var isAvailable: Bool { path != nil }
    private static let path = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    private let socket = "tutti-test-\(getpid())-\(UUID().uuidString.prefix(8))"

    /// Starts a `width` × `height` window running an interactive shell with job control.
    init(width: Int = 100, height: Int = 30) {
        run(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
             "env PS1='$ ' bash --norc --noprofile -i"])
        run("set-option", "-g", "remain-on-exit", "on")
    }

    deinit {
        run("kill-server")
        unlink("/tmp/tmux-\(getuid())/\(socket)")
    }

    /// Types a command line and Enter.
    func type(_ line: String) { run("send-keys", "-l", line); run("send-keys", "Enter") }

    /// Sends tmux key names (`Up`, `C-z`, `BTab`, …).
    func keys(_ names: String...) { run(["send-keys"] + names) }

    /// Sends bytes as they are.
    func literal(_ text: String) { run("send-keys", "-l", text) }

    /// Pastes text as a terminal does with bracketed paste on.
    func paste(_ text: String) {
        run("set-buffer", text)
        run("paste-buffer", "-p")
    }

    func resize(width: Int, height: Int) { run("resize-window", "-x", "\(width)", "-y", "\(height)") }

    /// The screen as text (with `escapes`, with the attributes as SGR sequences).
    func screen(escapes: Bool = false) -> String { run(escapes ? ["capture-pane", "-p", "-e"] : ["capture-pane", "-p"]) }

    /// A tmux format about the pane, e.g. `#{alternate_on}`.
    func query(_ format: String) -> String {
        run("display-message", "-p", format).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pane's modes: alternate screen, cursor shown, mouse reporting (SGR and button events).
    var modes: String { query("alt=#{alternate_on} cursor=#{cursor_flag} sgr=#{mouse_sgr_flag} button=#{mouse_button_flag}") }

    /// Waits until the screen satisfies `condition`; false after `timeout`.
    @discardableResult
    func waitFor(timeout: Duration = .seconds(20), _ condition: (String) -> Bool) -> Bool {
        let clock = ContinuousClock(), deadline = clock.now + timeout
        while clock.now < deadline {
            if condition(screen()) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition(screen())
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(20)) -> Bool { waitFor(timeout: timeout) { $0.contains(text) } }

    /// Waits until the pane's modes are `expected`.
    @discardableResult
    func waitForModes(_ expected: String, timeout: Duration = .seconds(10)) -> Bool {
        let clock = ContinuousClock(), deadline = clock.now + timeout
        while clock.now < deadline && modes != expected { Thread.sleep(forTimeInterval: 0.05) }
        return modes == expected
    }

    @discardableResult
    private func run(_ arguments: String...) -> String { run(arguments) }

    /// Runs tmux on this test's private server and returns what it printed.
    @discardableResult
    private func run(_ arguments: [String]) -> String {
        guard let path = Self.path else { return "" }
        let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        return (try? ChildProcess.run(path, ["-L", socket] + arguments, environment: environment).output) ?? ""
    }
}
