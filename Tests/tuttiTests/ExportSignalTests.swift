import Foundation
import Testing
import TuttiTestSupport

/// An export started with `x` in the explorer and cut short by a hang-up or SIGTERM leaves no
/// temporary file; `--force` over a read-only file keeps it read-only.
@Suite(.serialized) struct ExportSignalTests {
    @Test(arguments: ["HUP", "TERM"])
    func explorerExportStoppedBySignalLeavesNoTemporaryFile(signal: String) throws {
        let folder = NSTemporaryDirectory() + "tutti-e2e-signal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = try ExportInterruptTests().bigFile(in: folder, rows: 600_000)
        let session = try TmuxSession(width: 140, height: 40)
        try session.run("cd \(TmuxSession.shellQuoted(folder)) && \(TmuxSession.shellQuoted(CommandRunner.executable)) big.csv")
        #expect(session.waitFor("600,000 filtered", timeout: 60), "\(session.screen())")
        let pid = try #require(session.foregroundProcess(named: "tutti"))

        try session.keys("x")
        #expect(session.waitFor("export to:"))
        try session.keys("C-u")
        try session.type("out.jsonl.gz")
        try session.keys("Enter")
        // Wait until the temporary file has data, then send the signal.
        let started = waitUntil(timeout: 60) { !temporaryFiles(in: folder).isEmpty && temporaryBytes(in: folder) > 0 }
        #expect(started, "the export never started writing: \(session.screen())")
        _ = try TmuxSession.shell("kill -\(signal) \(pid)")
        #expect(waitUntil(timeout: 15) { kill(pid, 0) != 0 }, "tutti is still running")
        #expect(session.waitFor("PROMPT$"))
        #expect(temporaryFiles(in: folder).isEmpty, "a temporary file was left behind")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.jsonl.gz"), "a partial file is at the target")
        #expect(FileManager.default.fileExists(atPath: input), "the input is untouched")
    }

    @Test func forceOverAReadOnlyFileKeepsItReadOnly() throws {
        let folder = NSTemporaryDirectory() + "tutti-mode-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/out.csv"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: output))
        #expect(chmod(output, 0o444) == 0)
        let refused = try CommandRunner.run(["export", "--demo", "-o", output])
        #expect(refused.status == 1)
        let replaced = try CommandRunner.run(["export", "--demo", "-o", output, "--force"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        var status = stat()
        #expect(stat(output, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o444, "mode \(String(status.st_mode & 0o777, radix: 8))")
        #expect(status.st_size > 1_000_000)

        // A group-writable file stays group-writable, whatever the umask.
        #expect(chmod(output, 0o664) == 0)
        let again = try ChildProcess.shell("umask 077 && \(ChildProcess.shellQuoted(CommandRunner.executable)) export --demo -o \(ChildProcess.shellQuoted(output)) --force")
        #expect(again.status == 0, "\(again.errorOutput)")
        #expect(stat(output, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o664, "mode \(String(status.st_mode & 0o777, radix: 8))")
        #expect(temporaryFiles(in: folder).isEmpty)
    }

    func temporaryFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".tmp-") }
    }

    func temporaryBytes(in folder: String) -> Int {
        temporaryFiles(in: folder).reduce(0) { total, name in
            let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? nil
            return total + (size ?? 0)
        }
    }

}
