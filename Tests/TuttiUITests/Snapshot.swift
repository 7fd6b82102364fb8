import Foundation
import Testing
import TuttiTerminal

/// Whole-canvas snapshots: every line of a frame as text, compared with a file checked in
/// under Tests/TuttiUITests/Snapshots. `TUTTI_RECORD_SNAPSHOTS=1 swift test --filter Snapshot`
/// writes the files afresh instead of comparing (then review them with `git diff`).
enum Snapshot {
    /// The folder of the checked-in snapshots.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Whether this run records snapshots instead of comparing them.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["TUTTI_RECORD_SNAPSHOTS"] == "1" }

    /// Compares `canvas` with the snapshot `name` (or records it); a mismatch is a test issue
    /// that shows the first lines that differ.
    static func check(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name + ".txt")
        let actual = canvas.lines
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try (actual.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            let problem = "no snapshot \(file.path); record it with TUTTI_RECORD_SNAPSHOTS=1 swift test --filter Snapshot"
            Issue.record("\(problem)\n\(canvas.text)", sourceLocation: sourceLocation)
            return
        }
        let expected = text.hasSuffix("\n") ? text.dropLast().components(separatedBy: "\n") : text.components(separatedBy: "\n")
        if let difference = difference(expected: expected, actual: actual) {
            Issue.record("snapshot \(name) differs (TUTTI_RECORD_SNAPSHOTS=1 re-records it):\n\(difference)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The first `limit` lines that differ, each as the line number and both versions; nil
    /// when the two are the same.
    static func difference(expected: [String], actual: [String], limit: Int = 5) -> String? {
        var report: [String] = []
        if expected.count != actual.count { report.append("expected \(expected.count) lines, got \(actual.count)") }
        var shown = 0
        for index in 0..<max(expected.count, actual.count) where shown < limit {
            let old = index < expected.count ? expected[index] : nil
            let new = index < actual.count ? actual[index] : nil
            guard old != new else { continue }
            shown += 1
            report.append("line \(index + 1):")
            report.append("  expected │\(old ?? "(no line)")")
            report.append("  actual   │\(new ?? "(no line)")")
        }
        return report.isEmpty ? nil : report.joined(separator: "\n")
    }
}
