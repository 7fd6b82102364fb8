import Foundation
import Testing
import TuttiCore
import TuttiTestSupport

/// Hostile names and values never reach a terminal raw: tables and messages escape control
/// characters (a title change, a clear screen, an OSC 52 clipboard write, an OSC 8 link, a
/// cursor query, C1 controls, bidi overrides), while JSON, CSV and Markdown stay as
/// they were (they are data for programs and files).
@Suite struct TerminalSafetyTests {
    static let title = "\u{1B}]0;owned\u{07}"
    static let clipboard = "\u{1B}]52;c;aGk=\u{07}"
    static let link = "\u{1B}]8;;http://evil\u{1B}\\"
    static let query = "\u{1B}[6n\u{1B}[2J"
    static let c1 = "\u{9B}2J\u{9D}0;x\u{9C}\u{85}"
    static let bidi = "\u{202E}txt.exe"

    /// A CSV whose header and cells carry every kind of control sequence.
    func hostileFile() throws -> String {
        let header = ["id", "na\(Self.title)me", "label", "prediction", "gr\(Self.c1)oup"].map { CSVQuoting.quoted($0) }
        var lines = [header.joined(separator: ",")]
        let values = [Self.clipboard, Self.link, Self.query, Self.c1, Self.bidi]
        for row in 0..<40 {
            let cells = [String(row), values[row % 5], row % 3 == 0 ? "a\(Self.title)" : "b",
                         row % 4 == 0 ? "a\(Self.title)" : "b", values[row % 2]]
            lines.append(cells.map { CSVQuoting.quoted($0) }.joined(separator: ","))
        }
        // An exact duplicate of the first row, for `duplicates`.
        lines.append(lines[1].replacingOccurrences(of: "0,", with: "40,", options: .anchored))
        let path = NSTemporaryDirectory() + "tutti-hostile-\(UUID().uuidString).csv"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The scalars that must never be printed raw: C0 but line feed, DEL, C1, bidi controls.
    func rawControls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter {
            ($0 < 0x20 && $0 != 0x0A) || (0x7F...0x9F).contains($0) || (0x202A...0x202E).contains($0)
                || (0x2066...0x2069).contains($0)
        }
    }

    @Test func escapingIsReadableAndLeavesOrdinaryTextAlone() {
        #expect(TerminalText.escaped("plain text, ünïcode 日本 \\ back") == "plain text, ünïcode 日本 \\ back")
        #expect(TerminalText.escaped(Self.title) == "\\x1b]0;owned\\x07")
        #expect(TerminalText.escaped("a\tb\nc\u{7F}") == "a\\x09b\\x0ac\\x7f")
        #expect(TerminalText.escaped(Self.c1) == "\\u{9b}2J\\u{9d}0;x\\u{9c}\\u{85}")
        #expect(TerminalText.escaped(Self.bidi) == "\\u{202e}txt.exe")
        #expect(TerminalText.escapedLines("one\u{1B}\ntwo") == "one\\x1b\ntwo")
    }

    @Test func infoTableEscapesNamesAndValues() throws {
        let file = try hostileFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try CommandRunner.run(["info", file])
        #expect(outcome.status == 0)
        #expect(rawControls(outcome.stdout).isEmpty, "raw controls: \(rawControls(outcome.stdout))")
        #expect(outcome.stdout.contains("na\\x1b]0;owned\\x07me"))
        #expect(outcome.stdout.contains("gr\\u{9b}2J\\u{9d}0;x\\u{9c}\\u{85}oup"))
        // The table stays aligned: every row as wide as the header (escapes counted as shown).
        // The table ends at the blank line before the notes on roles.
        let table = outcome.stdout.components(separatedBy: "\n").dropFirst(2).prefix { !$0.isEmpty }
        #expect(table.count == 6)
    }

    @Test func infoJSONKeepsTheDataExact() throws {
        let file = try hostileFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try CommandRunner.run(["info", file, "--format", "json"])
        #expect(outcome.status == 0)
        let report = try JSONDecoder().decode(InfoCommandTests.Report.self, from: Data(outcome.stdout.utf8))
        #expect(report.columns.map(\.name).contains("na\(Self.title)me"))
        #expect(outcome.stdout.contains("na\\u001b]0;owned\\u0007me"), "JSON escapes C0 controls its own way")
    }

    @Test func slicesTableEscapesSliceValues() throws {
        let file = try hostileFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try CommandRunner.run(["slices", file, "--by", "gr\(Self.c1)oup"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(rawControls(outcome.stdout).isEmpty, "raw controls: \(rawControls(outcome.stdout))")
        #expect(outcome.stdout.contains("\\x1b]52;c;aGk=\\x07"))
        #expect(rawControls(outcome.stderr).isEmpty)
    }

    @Test func duplicatesTableEscapesLabels() throws {
        let file = try hostileFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try CommandRunner.run(["duplicates", file, "--exact", "--ignore", "id"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(rawControls(outcome.stdout).isEmpty, "raw controls: \(rawControls(outcome.stdout))")
        #expect(outcome.stdout.contains("\\x1b]0;owned\\x07"))
    }

    @Test func warningsAndErrorsEscapeWhatTheyQuote() throws {
        let path = NSTemporaryDirectory() + "tutti-hostile-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let name = "x\(Self.clipboard)\(Self.c1)"
        try Data("\(name),\(name),b\n1,2,3\n".utf8).write(to: URL(fileURLWithPath: path))
        let warned = try CommandRunner.run(["info", path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("warning"))
        #expect(rawControls(warned.stderr).isEmpty, "raw controls: \(rawControls(warned.stderr))")
        #expect(warned.stderr.contains("x\\x1b]52;c;aGk=\\x07\\u{9b}2J"))

        let failed = try CommandRunner.run(["count", path, "--where", "\(Self.title)\(Self.bidi) == 1"])
        #expect(failed.status != 0)
        #expect(rawControls(failed.stderr).isEmpty, "raw controls: \(rawControls(failed.stderr))")
        #expect(failed.stderr.contains("\\x1b]0;owned\\x07") || failed.stderr.contains("\\u{202e}"))
    }
}
