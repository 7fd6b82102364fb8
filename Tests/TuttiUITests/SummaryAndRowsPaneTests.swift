import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

@Suite struct SummaryAndRowsPaneTests {
    let state = ExplorerState(dataset: adult, roles: adultRoles)

    @Test func summaryListsColumnsWithRolesAndSparklines() {
        let canvas = render(SummaryPane(), paneContext(state), width: 110, height: 24)
        #expect(canvas.lines[0].contains("column"))
        #expect(canvas.lines[0].contains("distinct"))
        let workclass = canvas.lines.first { $0.contains("workclass") } ?? ""
        #expect(workclass.contains(" cat "))
        #expect(workclass.contains("5.7%"))
        let score = canvas.lines.first { $0.contains("score") && $0.contains("float") } ?? ""
        #expect(score.components(separatedBy: "score").count == 3, "the score column has the score role: \(score)")
        #expect(count(["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], in: canvas) > 20)
    }

    @Test func summaryEnterOpensAHistogram() {
        var pane = SummaryPane()
        let context = paneContext(state)
        _ = render(&pane, context)
        let commands = pane.send(.enter, context: context)
        guard case .openHistogram("age") = commands.first else {
            Issue.record("expected openHistogram(age), got \(commands)")
            return
        }
    }

    @Test func rowsShowsTheFilteredRowsAndMarksSelected() throws {
        var filtered = try Explorer.reduce(state, .select(RowSet(rowCount: adult.rowCount, rows: [1]), .rows)).0
        filtered = try Explorer.reduce(filtered, .toggleRow(2)).0
        var pane = RowsPane()
        let canvas = render(&pane, paneContext(filtered), width: 120, height: 10)
        #expect(canvas.lines[0].contains("age"))
        #expect(canvas.lines[1].contains("39"))
        #expect(canvas.lines[2].hasPrefix("●"))
        #expect(canvas.lines[3].hasPrefix("●"))
        #expect(!canvas.lines[1].hasPrefix("●"))
    }

    @Test func rowsSortAndScroll() {
        var pane = RowsPane()
        let context = paneContext(state)
        _ = render(&pane, context, width: 100, height: 10)
        _ = pane.send(.action(.sort), context: context)
        let sorted = render(&pane, context, width: 100, height: 10)
        #expect(sorted.lines[0].contains("age↑"))
        #expect(sorted.lines[1].contains(" 17"))
        _ = pane.send(.end, context: context)
        let bottom = render(&pane, context, width: 100, height: 10)
        #expect(bottom.lines.last?.contains(" 90") == true)
    }

    @Test func rowsSpaceTogglesAndEnterShowsTheRow() {
        var pane = RowsPane()
        let context = paneContext(state)
        _ = render(&pane, context)
        guard case .dispatch(.toggleRow(0)) = pane.send(.space, context: context).first else {
            Issue.record("space did not toggle row 0")
            return
        }
        guard case .showRow(1) = pane.send(.enter, context: context).first else {
            Issue.record("enter did not show row 1")
            return
        }
    }
}

@Suite struct ConfusionPaneTests {
    @Test func rendersTheMatrixAndSelectsACell() throws {
        let state = ExplorerState(dataset: adult, roles: adultRoles)
        var pane = ConfusionPane()
        let context = paneContext(state)
        let canvas = render(&pane, context, width: 60, height: 8)
        #expect(canvas.lines[0].contains("label ╲ pred"))
        #expect(canvas.lines[1].contains("35,341"))
        _ = pane.send(.down, context: context)
        let commands = pane.send(.enter, context: context)
        guard case .dispatch(.select(let rows, .confusionCell(let predicates))) = commands.first else {
            Issue.record("enter did not select a cell: \(commands)")
            return
        }
        #expect(predicates.map(\.value) == ["1", "0"])
        let selected = try Explorer.reduce(state, .select(rows, .confusionCell(predicates))).0
        let after = render(&pane, paneContext(selected), width: 60, height: 8)
        #expect(after.text.contains("●"))
    }

    @Test func explainsMissingRoles() throws {
        let data = try DatasetLoader.load(bytes: Array("a,b\n1,2\n".utf8), name: "t.csv").dataset
        let canvas = render(ConfusionPane(), paneContext(ExplorerState(dataset: data, roles: ColumnRoles())), width: 60, height: 6)
        #expect(canvas.text.contains("--label and --prediction"))
    }
}

@Suite struct SlicesPaneTests {
    @Test func findsSortsAndSelectsSlices() throws {
        let state = ExplorerState(dataset: adult, roles: adultRoles)
        var pane = SlicesPane()
        let context = paneContext(state)
        let diverse = render(&pane, context, width: 140, height: 14)
        #expect(diverse.lines[0].contains(" · diverse ("))
        _ = pane.send(.action(.toggleDiverse), context: context)
        let canvas = render(&pane, context, width: 140, height: 14)
        #expect(canvas.lines[0].hasPrefix("10 slices · sorted by error ↓"))
        #expect(canvas.lines[0].contains(" · all (d: diverse)"))
        #expect(pane.title == "Slices: found by SliceLine")
        let errors = canvas.lines.dropFirst(2).compactMap { line -> Double? in
            let fields = line.split(separator: " ")
            return fields.count > 2 ? Double(fields[2]) : nil
        }
        #expect(errors.count == 10)
        #expect(errors == errors.sorted(by: >))
        _ = pane.send(.action(.sort), context: context)
        #expect(render(&pane, context, width: 140, height: 14).lines[0].contains("sorted by accuracy"))
        guard case .dispatch(.select(let rows, .slice(let predicates))) = pane.send(.enter, context: context).first else {
            Issue.record("enter did not select a slice")
            return
        }
        #expect(try FilterExpression(SliceReport.expression(predicates), dataset: adult).evaluate(adult) == rows)
        let selected = try Explorer.reduce(state, .select(rows, .slice(predicates))).0
        let after = render(&pane, paneContext(selected), width: 140, height: 14)
        #expect(after.lines[2].contains(NumberFormatting.grouped(rows.count)))
    }

    @Test func groupColumnsMakeGroupedSlices() throws {
        let state = try Explorer.reduce(ExplorerState(dataset: adult, roles: adultRoles), .setGroupColumns(["sex"])).0
        var pane = SlicesPane()
        let canvas = render(&pane, paneContext(state), width: 120, height: 16)
        #expect(pane.title == "Slices: groups")
        #expect(canvas.text.contains("sex == \"Male\""))
        #expect(canvas.text.contains("sex == \"Female\""))
    }
}

@Suite struct SummaryGroupKeyTests {
    @Test func bTogglesAGroupColumn() {
        var pane = SummaryPane()
        let context = paneContext(ExplorerState(dataset: adult, roles: adultRoles))
        _ = render(&pane, context)
        guard case .dispatch(.setGroupColumns(["age"])) = pane.send(.action(.groupBy), context: context).first else {
            Issue.record("b did not group by age")
            return
        }
    }
}

@Suite struct DuplicatesPaneTests {
    @Test func listsClustersComparesAPairAndSelectsACluster() throws {
        let state = ExplorerState(dataset: adult, roles: adultRoles)
        var pane = DuplicatesPane()
        let context = paneContext(state)
        let list = render(&pane, context, width: 120, height: 12)
        #expect(list.lines[0] == "exact 49 (+52 rows) · conflicts 5 · leaks 23")
        #expect(list.lines[2].contains("exact"))
        // The conflicts come after the 49 exact clusters: compare the first conflict's pair.
        for _ in 0..<49 { _ = pane.send(.down, context: context) }
        _ = pane.send(.enter, context: context)
        let viewer = render(&pane, context, width: 120, height: 12)
        #expect(viewer.lines[0].hasPrefix("conflict cluster of 2"))
        // The differing cells come first and are marked.
        #expect(viewer.lines[2].contains("≠"))
        #expect(viewer.lines[2].hasPrefix("income") || viewer.lines[2].hasPrefix("label"))
        guard case .dispatch(.select(let rows, .duplicateCluster(kind: "conflict", index: 49))) = pane.send(.space, context: context).first else {
            Issue.record("space did not select the cluster")
            return
        }
        #expect(rows.count == 2)
    }
}
