import Foundation
import Testing
import TuttiTestSupport

/// The comparison pane and the score threshold in a real terminal, on the two-model fixture:
/// `8` shows the agreement matrix with the counts of the file's text, Enter on the "A wrong, B
/// right" cell selects those rows in every pane; `t` then → moves the threshold of the default
/// model and the status line follows; Esc puts the predictions back.
@Suite(.serialized) struct ComparisonThresholdEndToEndTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TuttiCoreTests/Fixtures/two_models.csv").path

    /// The rows where hgb is wrong and lr right, and where hgb is right at score ≥ `cut`, from the text.
    static func counts(cut: Double) throws -> (onlyB: Int, accuracy: String) {
        let lines = try String(contentsOfFile: fixture, encoding: .utf8).split(separator: "\n").dropFirst()
        var onlyB = 0, right = 0
        for line in lines {
            let f = line.split(separator: ",").map(String.init)
            if f[3] != f[2] && f[5] == f[2] { onlyB += 1 }
            if (Double(f[4])! >= cut ? "1" : "0") == f[2] { right += 1 }
        }
        return (onlyB, String(format: "%.1f%%", Double(right) / Double(lines.count) * 100))
    }

    @Test func theAgreementCellSelectsAndTheThresholdMovesTheStatus() throws {
        let session = try TmuxSession(width: 130, height: 40)
        try session.run("\(TmuxSession.shellQuoted(CommandRunner.executable)) \(TmuxSession.shellQuoted(Self.fixture))")
        #expect(session.waitFor("400 filtered"), "\(session.screen())")
        try session.keys("8", "z")
        #expect(session.waitFor("Comparison: hgb (A) vs lr (B)"), "\(session.screen())")
        #expect(session.waitFor("SliceLine on hgb wrong, lr right"), "\(session.screen())")
        let expected = try Self.counts(cut: 0.55)
        try session.keys("j", "Enter")
        #expect(session.waitForStatus { $0.contains(" \(expected.onlyB) selected") }, "\(session.statusLine)")
        #expect(session.screen().contains("●\(expected.onlyB) \(expected.onlyB) ("), "\(session.screen())")
        try session.keys("t")
        #expect(session.waitForStatus { $0.contains("threshold score_hgb ≥ 0.5:") }, "\(session.statusLine)")
        for _ in 0..<5 { try session.keys("Right") }
        #expect(session.waitForStatus { $0.contains("threshold score_hgb ≥ 0.55: accuracy \(expected.accuracy)") },
                "\(session.statusLine) vs \(expected.accuracy)")
        try session.keys("Escape")
        #expect(session.waitForStatus { !$0.contains("threshold") }, "\(session.statusLine)")
        try session.keys("q")
    }
}
