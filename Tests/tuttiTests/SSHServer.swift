import Foundation
import Glibc
import TuttiTestSupport

/// A throwaway OpenSSH server for one test: its own host key, client key, configuration and
/// log in a folder, listening on a free loopback port (127.0.0.1 only), and a client script
/// that logs in to it as the current user. `stop()` ends the server and every session it runs.
final class SSHServer {
    /// Why no server could be started (OpenSSH missing, or sshd refused to run).
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// The folder holding the keys, the configuration and the log.
    let folder: String
    /// The loopback port the server listens on.
    private(set) var port = 0
    /// A shell script that runs `ssh -tt` to the server with the remote command as its
    /// arguments; it first writes its process id (which ssh keeps, by `exec`) to `clientPIDFile`.
    var clientScript: String { folder + "/connect.sh" }
    /// Where the client script writes the ssh client's process id.
    var clientPIDFile: String { folder + "/ssh.pid" }
    /// What sshd logged (it runs with `-e`, so its messages land here).
    var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    private var pid: pid_t = 0
    private var logFile: String { folder + "/sshd.log" }

    /// Where OpenSSH's programs are, or nil when one is missing.
    private static let programs: (server: String, client: String, keygen: String)? = {
        func find(_ candidates: [String]) -> String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }
        guard let server = find(["/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd"]),
              let client = find(["/usr/bin/ssh", "/usr/local/bin/ssh"]),
              let keygen = find(["/usr/bin/ssh-keygen", "/usr/local/bin/ssh-keygen"]) else { return nil }
        return (server, client, keygen)
    }()

    /// Makes the keys and the configuration in `folder` and starts sshd; throws `Unavailable`
    /// when OpenSSH is not installed or sshd does not come up.
    init(folder: String) throws {
        self.folder = folder
        guard let programs = Self.programs else {
            throw Unavailable(description: "OpenSSH is not installed (Debian: openssh-server, openssh-client; .ci/run installs them)")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for key in ["host_key", "client_key"] {
            let made = try ChildProcess.run(programs.keygen, ["-q", "-t", "ed25519", "-N", "", "-C", "tutti-test", "-f", folder + "/" + key])
            guard made.status == 0 else { throw Unavailable(description: "ssh-keygen failed: \(made.errorOutput)") }
        }
        try FileManager.default.copyItem(atPath: folder + "/client_key.pub", toPath: folder + "/authorized_keys")
        // sshd refuses to start without its privilege separation directory.
        if !FileManager.default.fileExists(atPath: "/run/sshd") {
            do {
                try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o755])
            } catch {
                throw Unavailable(description: "sshd needs /run/sshd, which could not be made: \(error)")
            }
        }
        guard let user = getpwuid(geteuid()).map({ String(cString: $0.pointee.pw_name) }) else {
            throw Unavailable(description: "the current user has no name")
        }
        // A port found free may be taken before sshd binds it; then try another.
        for _ in 1...5 {
            port = try Self.freeLoopbackPort()
            try configuration(user: user).write(toFile: folder + "/sshd_config", atomically: true, encoding: .utf8)
            let started = try ChildProcess.shell(
                "\(ChildProcess.shellQuoted(programs.server)) -D -e -f \(ChildProcess.shellQuoted(folder + "/sshd_config")) " +
                "</dev/null >\(ChildProcess.shellQuoted(logFile)) 2>&1 & echo $!")
            guard let child = pid_t(started.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw Unavailable(description: "sshd could not be started: \(started.errorOutput)")
            }
            pid = child
            if waitUntilListening() { break }
            stop()
            if !log.contains("Address already in use") {
                throw Unavailable(description: "sshd did not start: \(log)")
            }
        }
        guard log.contains("Server listening") else { throw Unavailable(description: "sshd found no free port: \(log)") }
        let client = [programs.client, "-F", "/dev/null", "-tt", "-p", String(port), "-i", folder + "/client_key",
                      "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                      "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                      "\(user)@127.0.0.1"].map(ChildProcess.shellQuoted).joined(separator: " ")
        let script = "#!/bin/sh\necho $$ > \(ChildProcess.shellQuoted(clientPIDFile))\nexec \(client) \"$@\"\n"
        try script.write(toFile: clientScript, atomically: true, encoding: .utf8)
        chmod(clientScript, 0o755)
    }

    deinit { stop() }

    /// The ssh client's process id, once the client script has started.
    func clientPID() -> pid_t? {
        (try? String(contentsOfFile: clientPIDFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Ends the server and, with it, every session it runs (and what runs in them).
    func stop() {
        guard pid > 0 else { return }
        let sessions = ProcessTable.descendants(of: pid)
        kill(pid, SIGTERM)
        for session in sessions { kill(session, SIGKILL) }
        for _ in 0..<50 where ProcessTable.isAlive(pid) { usleep(100_000) }
        if ProcessTable.isAlive(pid) { kill(pid, SIGKILL) }
        pid = 0
    }

    /// Key-only logins for `user` on 127.0.0.1, with everything in `folder`; no PAM, no
    /// system files read or written.
    private func configuration(user: String) -> String {
        """
        ListenAddress 127.0.0.1
        Port \(port)
        HostKey \(folder)/host_key
        PidFile none
        AuthorizedKeysFile \(folder)/authorized_keys
        StrictModes no
        UsePAM no
        PermitRootLogin prohibit-password
        AllowUsers \(user)
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        X11Forwarding no
        AllowTcpForwarding no
        PrintMotd no
        PrintLastLog no
        LogLevel VERBOSE

        """
    }

    /// Waits up to 15 seconds for sshd to say it listens; false when it ended or stayed quiet.
    private func waitUntilListening() -> Bool {
        for _ in 0..<150 {
            if log.contains("Server listening on 127.0.0.1 port \(port)") { return true }
            if !ProcessTable.isAlive(pid) { return false }
            usleep(100_000)
        }
        return false
    }

    /// A TCP port on 127.0.0.1 that nothing listens on now (the kernel picks it).
    private static func freeLoopbackPort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Unavailable(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw Unavailable(description: "no free loopback port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
