import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The per-class metrics under the confusion matrix: counted from the matrix, they equal Core's
/// (`PerClassMetrics` of the evaluator's counts) on the filtered rows, and they show only where
/// the pane has room.
@Suite struct ConfusionClassScoresTests {
    @Test func theTableUnderTheMatrixEqualsCoresPerClassMetrics() throws {
        let state = try Explorer.reduce(ExplorerState(dataset: adult, roles: adultRoles), .setFilter("sex == \"Female\"")).0
        var pane = ConfusionPane()
        let lines = render(&pane, paneContext(state), width: 70, height: 16).lines
        let evaluator = try SliceEvaluator(dataset: adult, roles: adultRoles)
        let metrics = evaluator.metrics(of: state.filter.rows, filteredCount: state.filteredCount)
        let classes = try #require(evaluator.classes)
        let reference = try #require(PerClassMetrics(metrics: metrics, classes: classes))
        let header = try #require(lines.firstIndex { $0.hasPrefix("class") })
        #expect(lines[header].hasSuffix("precision     recall         F1    support"))
        for (offset, scores) in reference.classes.enumerated() {
            let line = lines[header + 1 + offset]
            #expect(line.hasPrefix(scores.name + " "))
            let expected = [scores.precision, scores.recall, scores.f1].map(NumberFormatting.metric) + [NumberFormatting.grouped(scores.support)]
            #expect(line.split(separator: " ").dropFirst().map(String.init) == expected, "\(line)")
        }
        let weighted = try #require(lines.first { $0.hasPrefix("weighted avg") })
        let average = try #require(reference.weighted)
        #expect(weighted.split(separator: " ").dropFirst(2).prefix(3).map(String.init)
                == [average.precision, average.recall, average.f1].map { NumberFormatting.metric($0) })
        // Too low for the table: the matrix alone.
        #expect(!render(&pane, paneContext(state), width: 70, height: 6).text.contains("precision"))
    }
}
