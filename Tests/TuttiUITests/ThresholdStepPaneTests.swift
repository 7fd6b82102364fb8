import Foundation
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// Panes that follow a threshold step from the rows it flips alone (the confusion matrix with its
/// per-class metrics, whole and per group; a histogram of the predictions) draw exactly what a
/// pane made afresh on the same state draws, step after step, under a filter and a selection.
@Suite struct ThresholdStepPaneTests {
    /// Adult under `age >= 30` with every third row selected, the threshold at 0.5 on ordered scores.
    static func state(groups: [String] = []) throws -> ExplorerState {
        var state = try adultState(filter: "age >= 30")
        let selected = RowSet(rowCount: adult.rowCount, rows: stride(from: 0, to: adult.rowCount, by: 3))
        state = try Explorer.reduce(state, .select(selected, .rows)).0
        state = try Explorer.reduce(state, .setGroupColumns(groups)).0
        let threshold = try ScoreThreshold(value: 0.5, dataset: adult, roles: adultRoles).ordered(in: adult)
        return try Explorer.reduce(state, .previewThreshold(threshold)).0
    }

    /// Steps of the cut: small and large, up and down, to both ends and back.
    static let steps = [1, 1, 1, -5, 20, -3, -40, 2, 100, -100, -100, 60, 1, -1]

    /// Moves the threshold of `state` through `steps`, rendering `pane` at each cut and comparing
    /// it with a fresh pane made by `fresh`.
    static func expectSameAsFresh<P: Pane>(_ pane: P, _ fresh: () -> P, state start: ExplorerState, width: Int, height: Int) throws {
        var pane = pane, state = start
        _ = render(&pane, paneContext(state), width: width, height: height)
        for steps in Self.steps {
            let old = try #require(state.threshold)
            let next = try old.at(old.moved(by: steps), in: state.dataset)
            #expect(next.flips(since: old) != nil)
            state = try Explorer.reduce(state, .previewThreshold(next)).0
            let followed = render(&pane, paneContext(state), width: width, height: height).lines
            #expect(followed == render(fresh(), paneContext(state), width: width, height: height).lines, "cut \(next.value)")
        }
    }

    @Test func theConfusionMatrixAndItsMetricsFollowStepsExactly() throws {
        try Self.expectSameAsFresh(ConfusionPane(), { ConfusionPane() }, state: try Self.state(), width: 90, height: 30)
    }

    @Test func theMatricesOfGroupsFollowStepsExactly() throws {
        try Self.expectSameAsFresh(ConfusionPane(), { ConfusionPane() }, state: try Self.state(groups: ["sex"]), width: 120, height: 30)
    }

    @Test func theSummaryOfThePredictionsFollowsSteps() throws {
        // The prediction column's figures, whole and filtered, are its new values' after a step
        // (they were kept from the load before).
        try Self.expectSameAsFresh(SummaryPane(), { SummaryPane() }, state: try Self.state(), width: 110, height: 30)
        var pane = SummaryPane()
        let unfiltered = try Explorer.reduce(try Self.state(), .setFilter("")).0
        let before = summaryLine("prediction", in: render(&pane, paneContext(unfiltered), width: 110, height: 30))
        let old = try #require(unfiltered.threshold)
        let moved = try Explorer.reduce(unfiltered, .previewThreshold(try old.at(old.moved(by: 5_000), in: unfiltered.dataset))).0
        let after = summaryLine("prediction", in: render(&pane, paneContext(moved), width: 110, height: 30))
        #expect(before != after, "\(after)")
    }

    @Test func aHistogramOfThePredictionsFollowsStepsExactly() throws {
        try Self.expectSameAsFresh(HistogramPane(column: "prediction"), { HistogramPane(column: "prediction") },
                                   state: try Self.state(), width: 60, height: 12)
    }
}
