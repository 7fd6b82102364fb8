import Foundation
import Testing
import TuttiCore
import TuttiTerminal
import TuttiTestSupport
@testable import TuttiUI

/// The live score threshold on the Adult data: `t` then ←/→ re-derives the predictions, and the
/// confusion matrix shows exactly the counts taken from the file's text at that cut; Enter keeps
/// it (one undo step), Esc puts back what was there.
@Suite(.serialized) struct ThresholdTests {
    /// (label, score) of every row, read from the file's text without tutti.
    static let rows: [(label: Int, score: Double)] = {
        let text = AdultFixture.path.hasSuffix(".gz") ? try! TmuxSession.shell("gzip -dc \(TmuxSession.shellQuoted(AdultFixture.path))")
                                                        : try! String(contentsOfFile: AdultFixture.path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let label = header.firstIndex(of: "label")!, score = header.firstIndex(of: "score")!
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (Int(fields[label])!, Double(fields[score])!)
        }
    }()

    /// True negatives, false positives, false negatives, true positives at `cut`.
    static func counts(at cut: Double) -> [Int] {
        var counts = [0, 0, 0, 0]
        for row in rows { counts[row.label * 2 + (row.score >= cut ? 1 : 0)] += 1 }
        return counts
    }

    /// The confusion pane's two count lines (label 0, label 1) in a frame with it maximized.
    static func confusionLines(_ ws: TestWorkspace) -> [String] {
        let lines = ws.frame(width: 120, height: 40).lines
        guard let header = lines.firstIndex(where: { $0.contains("label ╲ pred") }) else { return [] }
        return [lines[header + 1], lines[header + 3]]
    }

    static func expectCounts(_ ws: TestWorkspace, at cut: Double) {
        let expected = counts(at: cut).map(NumberFormatting.grouped)
        let lines = confusionLines(ws)
        #expect(lines.count == 2)
        guard lines.count == 2 else { return }
        #expect(lines[0].contains(" \(expected[0]) ") && lines[0].contains(" \(expected[1]) "), "\(lines[0]) vs \(expected)")
        #expect(lines[1].contains(" \(expected[2]) ") && lines[1].contains(" \(expected[3]) "), "\(lines[1]) vs \(expected)")
    }

    static func key(_ key: Key, shift: Bool = false) -> WorkspaceAction {
        .event(.key(KeyEvent(key, modifiers: shift ? .shift : [])))
    }

    @Test func movingTheThresholdChangesTheConfusionCountsExactly() throws {
        let ws = TestWorkspace()
        ws.apply(.showPane(.confusion))
        ws.apply(.toggleMaximized)
        _ = ws.frame(width: 120, height: 40)
        ws.apply(Self.key(.character("t")))
        #expect(ws.thresholdEditor != nil && ws.state.threshold?.value == 0.5)
        Self.expectCounts(ws, at: 0.5)
        for _ in 0..<3 { ws.apply(Self.key(.right)) }
        #expect(ws.state.threshold?.value == 0.53)
        Self.expectCounts(ws, at: 0.53)
        ws.apply(Self.key(.left, shift: true))
        #expect(ws.state.threshold?.value == 0.43)
        Self.expectCounts(ws, at: 0.43)
        let status = ws.frame(width: 120, height: 40).lines[38]
        let c = Self.counts(at: 0.43)
        let accuracy = NumberFormatting.percent(Double(c[0] + c[3]) / Double(c.reduce(0, +)))
        #expect(status.contains("threshold score ≥ 0.43: accuracy \(accuracy)"), "\(status)")
        // Enter keeps it as one change: undo goes back to the predictions as loaded.
        ws.apply(Self.key(.enter))
        #expect(ws.thresholdEditor == nil && ws.state.threshold?.value == 0.43)
        ws.apply(.undo)
        #expect(ws.state.threshold == nil)
        #expect(ws.state.dataset.column(named: "prediction") == adult.column(named: "prediction"))
        ws.apply(.redo)
        #expect(ws.state.threshold?.value == 0.43)
    }

    @Test func escapePutsBackTheThresholdInForce() throws {
        let ws = TestWorkspace()
        _ = ws.frame(width: 120, height: 40)
        ws.apply(Self.key(.character("t")))
        ws.apply(Self.key(.right, shift: true))
        #expect(ws.state.threshold?.value == 0.6)
        ws.apply(Self.key(.escape))
        #expect(ws.thresholdEditor == nil && ws.state.threshold == nil)
        #expect(ws.state.dataset.column(named: "prediction") == adult.column(named: "prediction"))
        #expect(!ws.workspace.explorer.canUndo)
    }

    @Test func withoutAScoreItSaysWhatIsMissing() {
        var roles = adultRoles
        roles.clear(.score)
        let ws = TestWorkspace(Workspace(dataset: adult, roles: roles, theme: .fallback, glyphs: .unicode))
        ws.apply(Self.key(.character("t")))
        #expect(ws.thresholdEditor == nil)
        #expect(ws.message?.text.contains("a threshold needs label, prediction and score columns") == true)
    }
}
