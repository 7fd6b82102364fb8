import Foundation
import CSpawn
import Glibc

/// Runs a program to its end for a test, with nothing of the test process leaking into it.
///
/// Foundation's `Process` is not used: on Linux it watches its children through a socket
/// that a grandchild (a tmux server) inherits, and it waits forever when the test process
/// runs without a standard input (as CI does). Here every child gets exactly three file
/// descriptors (its standard input from `input` or /dev/null, its output and error from
/// pipes we read), a clean signal mask and default signal handlers: test threads block
/// most signals, and a tmux server that inherited that mask never notices its panes exit.
public enum ChildProcess {
    /// What a finished child printed and how it ended.
    public struct Outcome: Sendable {
        /// The exit status, or 128 + the signal number when a signal ended it.
        public let status: Int32
        public let stdout: [UInt8]
        public let stderr: [UInt8]

        /// Standard output as text.
        public var output: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as text.
        public var errorOutput: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// A failure to start the program.
    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `path` with `arguments` (not including the program name) and `environment`
    /// (`nil`: the test process's), feeding it `input`, and waits for it to end.
    public static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                           input: [UInt8]? = nil) throws -> Outcome {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1], inPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, input == nil || pipe(&inPipe) == 0 else {
            throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))")
        }
        for index in 0..<2 {
            outPipe[index] = aboveStandardDescriptors(outPipe[index])
            errPipe[index] = aboveStandardDescriptors(errPipe[index])
            if input != nil { inPipe[index] = aboveStandardDescriptors(inPipe[index]) }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        cspawn_add_close_from(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let variables = (environment ?? currentEnvironment()).map { "\($0.key)=\($0.value)" }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        signal(SIGPIPE, SIG_IGN)  // a child that stops reading its input must not end the test
        var pid = pid_t()
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        if input != nil { close(inPipe[0]) }
        guard result == 0 else {
            close(outPipe[0]); close(errPipe[0])
            if input != nil { close(inPipe[1]) }
            throw SpawnError(description: "\(path): \(String(cString: strerror(result)))")
        }

        let (stdout, stderr) = pump(input: input.map { ($0, inPipe[1]) }, out: outPipe[0], err: errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return Outcome(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, stdout: stdout, stderr: stderr)
    }

    /// Runs a shell command line with /bin/sh.
    public static func shell(_ command: String, environment: [String: String]? = nil) throws -> Outcome {
        try run("/bin/sh", ["-c", command], environment: environment)
    }

    /// Quotes `text` as one word for the shell.
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Writes `input` and reads both outputs at once until they close, so that neither side
    /// blocks on a full pipe.
    private static func pump(input: ([UInt8], Int32)?, out: Int32, err: Int32) -> ([UInt8], [UInt8]) {
        var collected: [Int32: [UInt8]] = [out: [], err: []]
        var open: Set<Int32> = [out, err]
        var pending = input?.0[...] ?? []
        var writer = input?.1 ?? -1
        if writer >= 0 && pending.isEmpty { close(writer); writer = -1 }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty || writer >= 0 {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if writer >= 0 { fds.append(pollfd(fd: writer, events: Int16(POLLOUT), revents: 0)) }
            guard poll(&fds, nfds_t(fds.count), -1) >= 0 else {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == writer {
                    let written = pending.withUnsafeBytes { write(writer, $0.baseAddress, min($0.count, 65_536)) }
                    if written > 0 { pending = pending.dropFirst(written) }
                    if written < 0 && errno != EINTR && errno != EAGAIN { pending = [] }
                    if pending.isEmpty { close(writer); writer = -1 }
                } else {
                    let count = read(entry.fd, &buffer, buffer.count)
                    if count > 0 {
                        collected[entry.fd, default: []] += buffer[0..<count]
                    } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                        close(entry.fd)
                        open.remove(entry.fd)
                    }
                }
            }
        }
        return (collected[out] ?? [], collected[err] ?? [])
    }

    /// `fd` moved to 3 or above, where the child's dup2 onto 0–2 cannot clobber it (a test
    /// process started without a standard input hands out 0 to the first pipe it makes).
    private static func aboveStandardDescriptors(_ fd: Int32) -> Int32 {
        guard fd >= 0 && fd < 3 else { return fd }
        let moved = fcntl(fd, F_DUPFD, 3)
        guard moved >= 0 else { return fd }
        close(fd)
        return moved
    }

    private static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
