import Foundation
import Testing
@testable import TuttiCore

/// The score threshold: the prediction column re-derived at the cut (score ≥ cut → the positive
/// class), an expression filter and derived columns evaluated again on it, put back when cleared,
/// saved in views (older views without it still read) and named in reports.
@Suite struct ScoreThresholdTests {
    static func state() -> ExplorerState { ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult)) }

    /// The threshold `value` on Adult's score.
    static func cut(_ value: Double) throws -> ScoreThreshold {
        try ScoreThreshold(value: value, dataset: adult, roles: ColumnRoles.infer(from: adult))
    }

    /// The predictions at `cut`, computed from the score column directly.
    static func expected(at cut: Double) -> [Int64] {
        guard case .float(let scores) = adult.column(named: "score")!.data else { return [] }
        return scores.map { $0 >= cut ? 1 : 0 }
    }

    @Test func thePredictionsAreReDerivedAtTheCutAndPutBack() throws {
        let (next, change) = try Explorer.reduce(Self.state(), .setThreshold(try Self.cut(0.3)))
        #expect(change.contains(.threshold))
        let prediction = try #require(next.dataset.column(named: "prediction"))
        #expect(prediction.data == .integer(Self.expected(at: 0.3)))
        #expect(next.threshold?.positive == "1" && next.threshold?.negative == "0" && next.threshold?.score == "score")
        #expect(next.loadedDataset.column(named: "prediction") == adult.column(named: "prediction"))
        let (cleared, _) = try Explorer.reduce(next, .setThreshold(nil))
        #expect(cleared.threshold == nil)
        #expect(cleared.dataset.column(named: "prediction") == adult.column(named: "prediction"))
    }

    @Test func aFilterAndADerivedColumnFollowTheCut() throws {
        var explorer = Explorer(state: Self.state())
        try explorer.apply(.derive(DerivedColumn(name: "correct", expression: "label == prediction")))
        try explorer.apply(.setFilter("label != prediction"))
        try explorer.apply(.setThreshold(try Self.cut(0.2)))
        let labels = adult.column(named: "label")!, predictions = Self.expected(at: 0.2)
        let right = (0..<adult.rowCount).map { labels.number(at: $0) == Double(predictions[$0]) }
        #expect(explorer.state.filteredCount == right.filter { !$0 }.count)
        let correct = try #require(explorer.state.dataset.column(named: "correct"))
        #expect(correct.data == .boolean(right))
        #expect(explorer.state.dataset.derivedColumns.map(\.name) == ["correct"])
    }

    @Test func previewsAreNotUndoneOneByOne() throws {
        var explorer = Explorer(state: Self.state())
        try explorer.apply(.previewThreshold(try Self.cut(0.4)))
        try explorer.apply(.previewThreshold(try Self.cut(0.45)))
        #expect(!explorer.canUndo && explorer.state.threshold?.value == 0.45)
        // Moved from the one in force, on the re-derived data: the same as made afresh.
        let moved = try explorer.state.threshold!.at(0.3, in: explorer.state.dataset)
        #expect(try Explorer.reduce(explorer.state, .setThreshold(moved)).0.dataset.column(named: "prediction")
                == (try Explorer.reduce(Self.state(), .setThreshold(try Self.cut(0.3)))).0.dataset.column(named: "prediction"))
    }

    @Test func stepsStayOnTheGridAndInTheRange() throws {
        let threshold = try ScoreThreshold(value: 0.5, dataset: adult, roles: ColumnRoles.infer(from: adult))
        #expect(threshold.step == 0.01 && threshold.startingValue == 0.5)
        #expect(threshold.moved(by: 3) == 0.53 && threshold.moved(by: -10) == 0.4 && threshold.moved(by: 80) == 1)
        let confusion = threshold.confusion(within: RowSet(rowCount: adult.rowCount, allSet: true))
        #expect(confusion.truePositives + confusion.falsePositives == threshold.predictedPositive.count)
    }

    @Test func aTaskWithoutAScoreOrWithManyClassesHasNoThreshold() throws {
        var roles = ColumnRoles.infer(from: adult)
        roles.clear(.score)
        #expect(throws: TuttiError.self) { try ScoreThreshold(value: 0.5, dataset: adult, roles: roles) }
        var many = ColumnRoles.infer(from: adult)
        try many.assign(.label, to: "relationship", in: adult)
        try many.assign(.prediction, to: "marital_status", in: adult)
        #expect(throws: TuttiError.self) { try ScoreThreshold(value: 0.5, dataset: adult, roles: many) }
    }

    @Test func viewsSaveTheThresholdAndOlderViewsStillRead() throws {
        let state = try Explorer.reduce(Self.state(), .setThreshold(try Self.cut(0.35))).0
        let view = ViewDocument(state: state, datasetPath: "adult.csv", layout: .pane(ViewPane(kind: .confusion)), focus: 0, theme: nil)
        #expect(view.threshold == 0.35)
        #expect(view.dataset.fingerprint == DatasetFingerprint.of(adult))
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("v.json").path
        try view.write(to: path, overwrite: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"threshold\" : 0.35"))
        let restored = try ViewDocument.read(path: path).restore(on: adult, roles: ColumnRoles.infer(from: adult))
        #expect(restored.warnings.isEmpty)
        #expect(restored.explorer.state.threshold?.value == 0.35)
        #expect(restored.explorer.state.dataset.column(named: "prediction")?.data == .integer(Self.expected(at: 0.35)))
        var old = view
        old.threshold = nil
        let oldPath = folder.url.appendingPathComponent("old.json").path
        try old.write(to: oldPath, overwrite: false)
        #expect(!(try String(contentsOfFile: oldPath, encoding: .utf8).contains("threshold")))
        #expect(try ViewDocument.read(path: oldPath).restore(on: adult, roles: ColumnRoles.infer(from: adult)).explorer.state.threshold == nil)
    }

    @Test func reportsSayTheThreshold() throws {
        let state = try Explorer.reduce(Self.state(), .setThreshold(try Self.cut(0.35))).0
        let report = try ReportBuilder.build(ReportInput(state: state, datasetName: "adult.csv",
                                                         panes: [ViewPane(kind: .confusion)]))
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("re-derived at the score threshold 0.35"))
        #expect(markdown.contains("`score >= 0.35`"))
    }
}

/// The comparison pane's report section on the two-model fixture.
@Suite struct ComparisonSectionTests {
    @Test func theSectionHasTheAgreementAndTheGroupDeltas() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/two_models.csv").path
        let dataset = try DatasetLoader.load(path).dataset
        let state = try Explorer.reduce(ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset)),
                                        .setGroupColumns(["region"])).0
        let section = ComparisonSection.make(state: state, settings: PaneSettings(models: ["lr=prediction_lr", "hgb=prediction_hgb"]))
        let tables = section.blocks.compactMap { block -> ReportTable? in if case .table(let table) = block { table } else { nil } }
        #expect(tables.count == 3)
        #expect(tables[1].headers == ["", "hgb right", "hgb wrong"])
        #expect(tables[2].rows.first?.last == "region == \"south\"")
    }
}
