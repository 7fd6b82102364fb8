import Foundation

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
        // The server this starts must not inherit a pipe we read to its end.
        run(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
             "env PS1='$ ' bash --norc --noprofile -i"], output: false)
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

    /// Runs tmux with `arguments` and returns what it printed (if `output`). Spawned with
    /// posix_spawn and a clean signal mask: threads of a test process block most signals,
    /// and a tmux server that inherits that mask never notices its panes exit.
    @discardableResult
    private func run(_ arguments: [String], output: Bool = true) -> String {
        guard let path = Self.path else { return "" }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return "" }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path, "-L", socket] + arguments).map { strdup($0) } + [nil]
        let variables: [String] = ["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
        let environment = variables.map { strdup($0) } + [nil]
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environment) == 0
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        (argv + environment).forEach { free($0) }
        close(ends[1])
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while spawned {
            let count = read(ends[0], &chunk, chunk.count)
            if count > 0 {
                bytes += chunk[0..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(ends[0])
        if spawned {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
