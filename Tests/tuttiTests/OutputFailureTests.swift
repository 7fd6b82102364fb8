import Foundation
import Testing
import TuttiTestSupport

/// A full disk or a reader that went away ends a command with status 1, never a crash.
@Suite struct OutputFailureTests {
    let tutti = ChildProcess.shellQuoted(CommandRunner.executable)

    @Test(arguments: ["info --demo", "info --demo --format json", "slices --demo --by sex", "count --demo", "--help"])
    func fullStandardOutputIsAnError(command: String) throws {
        let outcome = try ChildProcess.shell("\(tutti) \(command) > /dev/full")
        #expect(outcome.status == 1)
        #expect(outcome.errorOutput.contains("cannot write to standard output: no space left on device"))
    }

    @Test func fullStandardErrorIsNoCrash() throws {
        // A warning (a duplicate column name) that cannot be written, and an error that cannot.
        let path = NSTemporaryDirectory() + "tutti-full-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("a,a\n1,2\n".utf8).write(to: URL(fileURLWithPath: path))
        let warned = try ChildProcess.shell("\(tutti) info \(ChildProcess.shellQuoted(path)) 2> /dev/full")
        #expect(warned.status == 0)
        #expect(warned.output.contains("2 columns"))
        let failed = try ChildProcess.shell("\(tutti) info /nonexistent/file.csv 2> /dev/full")
        #expect(failed.status == 1)
        let both = try ChildProcess.shell("\(tutti) info --demo > /dev/full 2> /dev/full")
        #expect(both.status == 1)
    }

    @Test(arguments: ["info --demo", "duplicates --demo --exact --format json", "--help"])
    func closedPipeWithSIGPIPEIgnoredEndsQuietly(command: String) throws {
        // Standard output is a pipe whose reader closed before tutti writes, and SIGPIPE is
        // ignored (as under Python or Node): every write fails with EPIPE.
        let folder = NSTemporaryDirectory() + "tutti-pipe-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = ChildProcess.shellQuoted(folder + "/fifo")
        let script = """
        trap '' PIPE
        mkfifo \(fifo)
        exec 4<>\(fifo)
        exec 5>\(fifo)
        exec 4<&-
        \(tutti) \(command) >&5
        echo "status=$?" >&2
        """
        let outcome = try ChildProcess.shell(script)
        #expect(outcome.errorOutput.hasSuffix("status=1\n"), "\(outcome.errorOutput)")
        #expect(outcome.errorOutput == "status=1\n", "EPIPE ends the command without a message")
    }

    @Test func readerClosingEarlyWithSIGPIPEIgnoredEndsQuietly() throws {
        // A big output (100,000 duplicate rows listed as CSV, about 600 KB, more than a pipe
        // holds) read a little, then the reader quits.
        let path = NSTemporaryDirectory() + "tutti-dups-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(("x,y\n" + String(repeating: "1,2\n", count: 100_000)).utf8).write(to: URL(fileURLWithPath: path))
        let script = """
        trap '' PIPE
        { \(tutti) duplicates \(ChildProcess.shellQuoted(path)) --exact --format csv; echo "status=$?" >&2; } | head -c 100 > /dev/null
        """
        let outcome = try ChildProcess.shell(script)
        #expect(outcome.errorOutput == "status=1\n", "EPIPE ends the command with 1 and without a message")
    }
}
