import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The confusion pane with group columns: one matrix per group of the first.
@Suite struct ConfusionPaneGroupTests {
    static let state = try! Explorer.reduce(ExplorerState(dataset: adult, roles: adultRoles), .setGroupColumns(["split"])).0

    /// The test split's label × prediction counts.
    static func testCounts() throws -> ConfusionCounts {
        let test = try FilterExpression("split == \"test\"", dataset: adult).evaluate(adult)
        return ConfusionCounts(labels: try ColumnBinning(dataset: adult, column: "label", bins: 12),
                               predictions: try ColumnBinning(dataset: adult, column: "prediction", bins: 12),
                               filter: test, selection: nil)
    }

    @Test func sideBySideWhenWideEnough() throws {
        let pane = ConfusionPane()
        let lines = render(pane, paneContext(Self.state), width: 80, height: 8).lines
        #expect(pane.title == "Confusion: label × prediction by split")
        #expect(lines[0].hasPrefix("split == \"train\" · 32,561"))
        #expect(lines[0].contains("split == \"test\" · 16,281"))
        #expect(lines[1].components(separatedBy: "label ╲ pred").count == 3)
        let counts = try Self.testCounts()
        let (correct, wrong) = (NumberFormatting.grouped(counts.filtered[0][0]), NumberFormatting.grouped(counts.filtered[0][1]))
        #expect(lines[2].hasSuffix(correct + String(repeating: " ", count: 11 - wrong.count) + wrong))
    }

    @Test func stackedWhenNarrowScrollingToTheCursorsGroup() throws {
        let pane = ConfusionPane()
        let context = paneContext(Self.state)
        let stacked = render(pane, context, width: 40, height: 14).lines
        #expect(stacked[0].hasPrefix("split == \"train\""))
        #expect(stacked[7].hasPrefix("split == \"test\""))
        let short = render(pane, context, width: 40, height: 7).lines
        #expect(short[0].hasPrefix("split == \"train\"") && !short.joined().contains("split == \"test\""))
        // Right from the last prediction moves into the next group, which scrolls into view.
        _ = pane.handle(.right, context: context)
        _ = pane.handle(.right, context: context)
        #expect(pane.group == 1 && pane.cursor == (label: 0, prediction: 0))
        #expect(render(pane, context, width: 40, height: 7).lines[0].hasPrefix("split == \"test\""))
        _ = pane.handle(.up, context: context)
        #expect(pane.group == 0 && pane.cursor == (label: 1, prediction: 0))
    }

    @Test func enterSelectsTheCellWithinItsGroup() throws {
        let pane = ConfusionPane()
        let context = paneContext(Self.state)
        _ = render(pane, context, width: 80, height: 8)
        for input in [PaneInput.right, .right, .down] { _ = pane.handle(input, context: context) }
        guard case .dispatch(.select(let rows, .confusionCell(let predicates))) = pane.handle(.enter, context: context).first else {
            Issue.record("enter did not select a cell")
            return
        }
        #expect(SliceReport.expression(predicates) == "split == \"test\" and label == 1 and prediction == 0")
        #expect(try FilterExpression(SliceReport.expression(predicates), dataset: adult).evaluate(adult) == rows)
        #expect(rows.count == (try Self.testCounts()).filtered[1][0])
        let selected = try Explorer.reduce(Self.state, .select(rows, .confusionCell(predicates))).0
        let lines = render(pane, paneContext(selected), width: 80, height: 8).lines
        let mark = "●" + NumberFormatting.grouped(rows.count)
        #expect(lines[0].hasSuffix("16,281 · " + mark) && lines[0].components(separatedBy: "●").count == 2)
        #expect(lines[5].contains(mark))
    }
}
