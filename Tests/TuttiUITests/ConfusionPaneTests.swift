import Foundation
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
        var pane = ConfusionPane()
        let lines = render(&pane, paneContext(Self.state), width: 80, height: 8).lines
        #expect(pane.title == "Confusion: label × prediction by split")
        #expect(lines[0].hasPrefix("split == \"train\" · 32,561"))
        #expect(lines[0].contains("split == \"test\" · 16,281"))
        #expect(lines[1].components(separatedBy: "label ╲ pred").count == 3)
        let counts = try Self.testCounts()
        let (correct, wrong) = (NumberFormatting.grouped(counts.filtered[0][0]), NumberFormatting.grouped(counts.filtered[0][1]))
        #expect(lines[2].hasSuffix(correct + String(repeating: " ", count: 11 - wrong.count) + wrong))
    }

    @Test func stackedWhenNarrowScrollingToTheCursorsGroup() throws {
        var pane = ConfusionPane()
        let context = paneContext(Self.state)
        let stacked = render(&pane, context, width: 40, height: 14).lines
        #expect(stacked[0].hasPrefix("split == \"train\""))
        #expect(stacked[7].hasPrefix("split == \"test\""))
        let short = render(&pane, context, width: 40, height: 7).lines
        #expect(short[0].hasPrefix("split == \"train\"") && !short.joined().contains("split == \"test\""))
        // Right from the last prediction moves into the next group, which scrolls into view.
        _ = pane.send(.right, context: context)
        _ = pane.send(.right, context: context)
        #expect(pane.group == 1 && pane.cursor == (label: 0, prediction: 0))
        #expect(render(&pane, context, width: 40, height: 7).lines[0].hasPrefix("split == \"test\""))
        _ = pane.send(.up, context: context)
        #expect(pane.group == 0 && pane.cursor == (label: 1, prediction: 0))
    }

    @Test func enterSelectsTheCellWithinItsGroup() throws {
        var pane = ConfusionPane()
        let context = paneContext(Self.state)
        _ = render(&pane, context, width: 80, height: 8)
        for input in [PaneInput.right, .right, .down] { _ = pane.send(input, context: context) }
        guard case .dispatch(.select(let rows, .confusionCell(let predicates))) = pane.send(.enter, context: context).first else {
            Issue.record("enter did not select a cell")
            return
        }
        #expect(SliceReport.expression(predicates) == "split == \"test\" and label == 1 and prediction == 0")
        #expect(try FilterExpression(SliceReport.expression(predicates), dataset: adult).evaluate(adult) == rows)
        #expect(rows.count == (try Self.testCounts()).filtered[1][0])
        let selected = try Explorer.reduce(Self.state, .select(rows, .confusionCell(predicates))).0
        let lines = render(&pane, paneContext(selected), width: 80, height: 8).lines
        let mark = "●" + NumberFormatting.grouped(rows.count)
        #expect(lines[0].hasSuffix("16,281 · " + mark) && lines[0].components(separatedBy: "●").count == 2)
        #expect(lines[5].contains(mark))
    }
}

/// The confusion pane with ten classes: a matrix larger than the pane scrolls both ways with the
/// cursor, marks what it leaves out, cuts long names with `…`, and shows row percentages on `%`.
@Suite struct ConfusionPaneScrollTests {
    /// Rows with `label` and `prediction` from `names` (class `i` named `names[i]`): cell (i, j)
    /// holds 1,000 + i rows on the diagonal and 100 + 10 i + j elsewhere.
    static func classes(_ names: [String]) throws -> ExplorerState {
        var csv = "label,prediction\n"
        for (i, label) in names.enumerated() {
            for (j, prediction) in names.enumerated() {
                csv += String(repeating: "\(label),\(prediction)\n", count: i == j ? 1_000 + i : 100 + 10 * i + j)
            }
        }
        let data = try DatasetLoader.load(bytes: Array(csv.utf8), name: "classes.csv").dataset
        return ExplorerState(dataset: data, roles: ColumnRoles.infer(from: data))
    }

    static let digits = (0..<10).map(String.init)

    /// The text of the canvas cells drawn in the cursor's style.
    static func cursorText(_ canvas: Canvas) -> String {
        let cursor = Theme.fallback[.cursor]
        return String(canvas.cells.filter { $0.style == cursor }.compactMap(\.character)).trimmingCharacters(in: .whitespaces)
    }

    @Test func scrollsRightAndDownWithTheCursorAndSelectsTheCellInView() throws {
        let state = try Self.classes(Self.digits)
        var pane = ConfusionPane()
        let context = paneContext(state)
        // 40 columns show the label names and two predictions; 12 lines five labels.
        let first = render(&pane, context, width: 40, height: 12)
        #expect(first.lines[0].hasPrefix("label ╲ pred ") && first[33, 0].character == "1" && first.lines[0].hasSuffix(" ›"))
        #expect(!first.lines[0].contains("‹") && !first.lines[0].contains("2"))
        #expect(first.lines[1].hasPrefix("0 ") && first.lines[9].hasPrefix("4 ") && first[12, 10].character == "↓")
        #expect(Self.cursorText(first) == "1,000")

        for _ in 0..<9 { _ = pane.send(.right, context: context) }
        for _ in 0..<7 { _ = pane.send(.down, context: context) }
        let scrolled = render(&pane, context, width: 40, height: 12)
        // Predictions 8 and 9, labels 3 to 7: marks on the left and above and below.
        #expect(scrolled.lines[0].hasPrefix("label ╲ pred‹") && scrolled.lines[0].hasSuffix("8          9"))
        #expect(scrolled[12, 1].character == "↑" && scrolled[12, 10].character == "↓")
        #expect(scrolled.lines[1].hasPrefix("3") && scrolled.lines[9].hasPrefix("7"))
        #expect(pane.viewport == ConfusionViewport(firstLabel: 3, firstPrediction: 8))
        #expect(Self.cursorText(scrolled) == "179")
        #expect(scrolled.lines[9].hasSuffix("178        179"))

        guard case .dispatch(.select(let rows, .confusionCell(let predicates))) = pane.send(.enter, context: context).first else {
            Issue.record("enter did not select a cell")
            return
        }
        #expect(rows.count == 179)
        #expect(SliceReport.expression(predicates) == "label == 7 and prediction == 9")

        // Back to the left: the view follows as far as the cursor goes, and no farther.
        for _ in 0..<8 { _ = pane.send(.left, context: context) }
        let back = render(&pane, context, width: 40, height: 12)
        #expect(back.lines[0].hasPrefix("label ╲ pred‹") && back[22, 0].character == "1" && back[33, 0].character == "2")
        #expect(Self.cursorText(back) == "171")
        _ = pane.send(.left, context: context)
        let start = render(&pane, context, width: 40, height: 12)
        #expect(!start.lines[0].contains("‹") && start[22, 0].character == "0" && Self.cursorText(start) == "170")
    }

    @Test func aWidePaneShowsTheWholeMatrixWithoutMarks() throws {
        var pane = ConfusionPane()
        let canvas = render(&pane, paneContext(try Self.classes(Self.digits)), width: 160, height: 24)
        let text = canvas.lines.joined(separator: "\n")
        #expect(canvas.lines[0].hasSuffix("8          9") && canvas.lines[19].hasPrefix("9 "))
        #expect(!text.contains("›") && !text.contains("‹") && !text.contains("↑") && !text.contains("↓"))
        #expect(canvas.lines[19].hasSuffix("1,009"))
    }

    @Test func longClassNamesAreCutWithAnEllipsis() throws {
        let names = ["cat", "dog", "pickup truck with trailer", "container ship", "bird", "deer", "frog", "horse",
                     "airplane", "automobile"]
        var pane = ConfusionPane()
        let context = paneContext(try Self.classes(names))
        // Prediction names take at most 14 cells; label names up to a third of the pane.
        let wide = render(&pane, context, width: 160, height: 24).lines
        #expect(wide[0].contains("pickup truck …") && !wide[0].contains("trailer") && wide[0].contains("container ship"))
        #expect(wide.contains { $0.hasPrefix("pickup truck with trailer ") })
        let narrow = render(&pane, context, width: 60, height: 24).lines
        let label = try #require(narrow.first { $0.hasPrefix("pickup") })
        #expect(label.hasPrefix("pickup truck with … ") && !label.contains("trailer"))
    }

    @Test func rowPercentagesSumToAHundredAndAreSavedInTheView() throws {
        let state = try Self.classes(Self.digits)
        var pane = ConfusionPane()
        let context = paneContext(state)
        #expect(KeyBindings.footer(for: pane).contains(KeyHint("%", "show row % (recall)")))
        _ = pane.send(.action(.toggleRowPercentages), context: context)
        #expect(pane.rowPercentages && pane.title == "Confusion (row %): label × prediction")
        #expect(KeyBindings.footer(for: pane).contains(KeyHint("%", "show counts")))
        let lines = render(&pane, context, width: 160, height: 24).lines
        for label in 0..<10 {
            let cells = lines[1 + 2 * label].split(separator: " ").dropFirst()
            let shares = cells.compactMap { Double($0.dropLast()) }
            #expect(cells.allSatisfy { $0.hasSuffix("%") } && shares.count == 10)
            #expect(abs(shares.reduce(0, +) - 100) < 0.5)
        }
        // Row 3: 1,003 of 2,215 rows on the diagonal; the count below.
        #expect(lines[7].contains("45.3%") && lines[8].contains("1,003"))

        let saved = try JSONEncoder().encode(PaneRegistry.view(of: pane))
        #expect(String(decoding: saved, as: UTF8.self).contains("\"rowPercentages\":true"))
        let restored = try #require(PaneRegistry.make(try JSONDecoder().decode(ViewPane.self, from: saved)) as? ConfusionPane)
        #expect(restored.rowPercentages)
        _ = pane.send(.action(.toggleRowPercentages), context: context)
        #expect(PaneRegistry.view(of: pane).settings == PaneSettings())
    }
}
