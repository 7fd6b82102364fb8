import Foundation
import Glibc
import Testing
import TuttiTestSupport

/// tutti as users run it: in a terminal (tmux) through `ssh -tt` to a real sshd on this
/// machine. Skipped only when OpenSSH is not installed or sshd cannot start.
@Suite(.serialized) struct SSHEndToEndTests {
    let tutti = CommandRunner.executable

    /// A fresh folder whose unique path marks everything the test starts.
    func makeFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "tutti-ssh-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        return folder
    }

    /// A started sshd in `folder`, or the test cancelled (skipped) when there can be none.
    func startServer(in folder: String) throws -> SSHServer {
        do {
            return try SSHServer(folder: folder + "/sshd")
        } catch let unavailable as SSHServer.Unavailable {
            try Test.cancel("no sshd for the SSH end-to-end test: \(unavailable)")
        }
    }

    /// The command line, typed into the tmux shell, that runs tutti with `arguments` on the
    /// far side of an `ssh -tt` link, in `folder/out`. The remote shell knows nothing of the
    /// build folder or the test's locale, so paths are absolute and the environment is set.
    func overSSH(_ server: SSHServer, folder: String, _ arguments: [String]) -> String {
        let q = ChildProcess.shellQuoted
        let remote = "cd \(q(folder + "/out")) && exec env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 " +
            "XDG_CONFIG_HOME=\(q(folder + "/config")) " + ([tutti] + arguments).map(q).joined(separator: " ")
        return "\(q(server.clientScript)) \(q(remote))"
    }

    @Test func brushAndExportOverSSH() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try startServer(in: folder)
        defer { server.stop() }
        let session = try TmuxSession(width: 160, height: 44)
        try session.run(overSSH(server, folder: folder, ["demo"]))
        try #require(session.waitFor("48,842 filtered", timeout: 90),
                     "the explorer did not open over ssh:\n\(session.screen())\nsshd:\n\(server.log)")

        // Brush the top bins of the first histogram, commit, and export with x.
        let selected = try session.brushTopBinsOfTheFirstHistogram()
        try session.keys("x")
        #expect(session.waitFor("export to:"))
        try session.keys("C-u")
        try session.type("brushed.csv")
        try session.keys("Enter")
        #expect(session.waitFor("exported \(selected) selected rows", timeout: 30), "\(session.screen())")

        // The brush as an expression, then quit: ssh ends cleanly.
        try session.keys("f")
        #expect(session.waitFor("filter: "))
        let status = session.statusLine
        let expression = try #require(status.range(of: "filter: ").map { String(status[$0.upperBound...]).trimmingCharacters(in: .whitespaces) })
        let client = try #require(server.clientPID())
        try session.keys("q")
        #expect(waitUntil(timeout: 30) { !ProcessTable.isAlive(client) }, "ssh did not end after q:\n\(session.screen())")
        try session.run("echo ssh-exit=$?")
        #expect(session.waitFor("ssh-exit=0", timeout: 30), "\(session.screen())")

        // The file written over the link holds what `tutti export --where` writes for that range.
        try CommandRunner.expectSameAsHeadlessExport(folder + "/out/brushed.csv", expression: expression, folder: folder, what: "the export over ssh")
    }

    @Test func aDroppedLinkMidExportLeavesNoProcessAndNoFile() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try startServer(in: folder)
        defer { server.stop() }
        let input = try ExportInterruptTests().bigFile(in: folder, rows: 600_000)
        defer {
            for left in ProcessTable.running("tutti", withArgumentContaining: folder) { kill(left.pid, SIGKILL) }
        }
        let session = try TmuxSession(width: 160, height: 44)
        try session.run(overSSH(server, folder: folder, [input]))
        try #require(session.waitFor("600,000 filtered", timeout: 180),
                     "the explorer did not open over ssh:\n\(session.screen())\nsshd:\n\(server.log)")
        #expect(ProcessTable.running("tutti", withArgumentContaining: folder).count == 1)

        // Export every row, gzipped (slow enough to catch half-way).
        try session.keys("x")
        #expect(session.waitFor("export to:"))
        try session.keys("C-u")
        try session.type("big.jsonl.gz")
        try session.keys("Enter")
        let target = folder + "/out"
        func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [] }
        let writing = waitUntil(timeout: 60) {
            entries().contains { name in
                name.hasPrefix(".big.jsonl.gz.tmp-") &&
                    ((try? FileManager.default.attributesOfItem(atPath: target + "/" + name)[.size] as? Int) ?? 0) > 0
            }
        }
        try #require(writing, "the export never started writing: \(entries())\n\(session.screen())")
        try #require(!entries().contains("big.jsonl.gz"), "the export finished before the link could be dropped")

        // Drop the link: the ssh client dies at once, as on a lost connection.
        let client = try #require(server.clientPID())
        kill(client, SIGKILL)

        waitUntil(timeout: 10) {
            ProcessTable.running("tutti", withArgumentContaining: folder).isEmpty && entries().isEmpty
        }
        let left = ProcessTable.running("tutti", withArgumentContaining: folder)
        #expect(left.isEmpty, "tutti still runs after the link dropped: \(left.map(\.pid))\nsshd:\n\(server.log)")
        #expect(entries().isEmpty, "the dropped link left files in the target folder: \(entries())")
    }

}
