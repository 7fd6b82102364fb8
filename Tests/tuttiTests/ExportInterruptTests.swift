import Foundation
import Testing
import TuttiTestSupport

/// A big export stopped half-way never leaves a partial file where the output should be.
@Suite(.serialized) struct ExportInterruptTests {
    /// A CSV of `rows` rows and ten columns (about 60 bytes a row).
    func bigFile(in folder: String, rows: Int) throws -> String {
        var text = "id,a,b,c,d,e,f,g,h,name\n"
        text.reserveCapacity(rows * 64)
        for row in 0..<rows {
            text += "\(row),\(row % 97),\(Double(row) / 7),\(row % 13),\(row * 3),\(row % 2 == 0),\(row % 1000),\(row % 7),\(row % 5),name\(row % 5000)\n"
        }
        let path = folder + "/big.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: ["KILL", "TERM"])
    func killedHalfWayLeavesNoPartialFile(signal: String) throws {
        let folder = NSTemporaryDirectory() + "tutti-interrupt-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = try bigFile(in: folder, rows: 600_000)
        let output = folder + "/out.jsonl.gz"
        // Start the export, wait until its temporary file has data, then send the signal.
        let script = """
        \(ChildProcess.shellQuoted(CommandRunner.executable)) export \(ChildProcess.shellQuoted(input)) -o \(ChildProcess.shellQuoted(output)) &
        pid=$!
        for i in $(seq 1 600); do
            if [ -n "$(find \(ChildProcess.shellQuoted(folder)) -name '.out.jsonl.gz.tmp-*' -size +0 2>/dev/null)" ]; then echo writing; break; fi
            sleep 0.01
        done
        kill -\(signal) $pid
        wait $pid
        echo "status=$?"
        """
        let outcome = try ChildProcess.shell(script)
        #expect(outcome.output.contains("writing"), "the export never started writing: \(outcome.output)")
        #expect(outcome.output.contains("status=") && !outcome.output.contains("status=0"),
                "the export finished before it could be stopped: \(outcome.output)")
        #expect(!FileManager.default.fileExists(atPath: output), "a partial file is at the target")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".out.jsonl.gz.tmp-") }
        if signal == "TERM" {
            #expect(left.isEmpty, "SIGTERM cancels the export, which deletes its temporary file: \(left)")
        }
    }
}
