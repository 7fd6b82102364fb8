import Synchronization
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The confusion pane's regression view of a sample of a table in an engine shows the whole
/// table's cells, metrics and residuals once the engine counted them, filtered and selected.
@Suite struct EngineRegressionPaneTests {
    /// The 400 rows of `ConfusionRegressionTests` as the engine's table, in memory.
    private static let table = ConfusionRegressionTests.state.dataset

    /// The table as an engine, noting the filters of the regression figures asked.
    final class Engine: Sendable {
        let asked = Mutex<[String]>([])
        private var source: MemorySource { MemorySource(dataset: table, roles: ColumnRoles.infer(from: table)) }

        var rows: EngineRows {
            var rows = EngineRows(estimatedRows: table.rowCount, count: { [self] filter, _ in try source.rowCount(where: filter) },
                                  brushTables: { [self] brushed, views, filter, _ in
                                      try source.brushTables(brushed: brushed, views: views, where: filter)
                                  }, export: { _, _, _, _, _ in throw TuttiError("not exported in this test") })
            rows.regressionFigures = { [self] label, prediction, center, bins, filter, _ in
                asked.withLock { $0.append(filter) }
                return try source.regressionFigures(label: label, prediction: prediction, center: center, bins: bins,
                                                    where: filter)
            }
            return rows
        }
    }

    /// The explorer on the first 100 rows, a sample of the 400, with the confusion pane.
    private static func workspace(_ engine: EngineRows) -> TestWorkspace {
        let sample = table.firstRows(100)
        var workspace = Workspace(dataset: Dataset(source: "regression", rowCount: sample.rowCount, columns: sample.columns),
                                  roles: ColumnRoles.infer(from: sample), theme: .fallback, glyphs: .unicode)
        workspace.engine = engine
        let ws = TestWorkspace(workspace)
        ws.apply(.showPane(.confusion))
        return ws
    }

    private static func settle(_ ws: TestWorkspace) -> [String] {
        var canvas = ws.frame(width: 160, height: 120)
        for _ in 0..<4 { canvas = ws.frame(width: 160, height: 120) }
        return canvas.lines
    }

    @Test func metricsAndTitleAreTheWholeTablesFilteredAndSelected() throws {
        let engine = Engine()
        let ws = Self.workspace(engine.rows)
        var lines = Self.settle(ws)
        let pane = try #require(ws.panes.first { $0.value.kind == PaneKind.confusion }?.value)
        #expect(pane.title.hasSuffix("· table of 400"), "\(pane.title)")
        #expect(lines.contains { $0.contains(ConfusionRegressionTests.reference(Array(0..<400))) }, "\(lines)")

        ws.apply(.dispatch(.setFilter("city == \"a\"")))
        // The sample's rows for the selection; the engine counts its conditions.
        let sample = ws.state.dataset
        let under100 = try FilterExpression("label < 100", dataset: sample).evaluate(sample)
        ws.apply(.dispatch(.select(under100, .slice([SlicePredicate(column: "label", op: "<", value: "100")]))))
        lines = Self.settle(ws)
        let even = Array(stride(from: 0, to: 400, by: 2))
        #expect(lines.contains { $0.contains(ConfusionRegressionTests.reference(even)) }, "\(lines)")
        let selected = even.filter { (2 * $0) % 200 < 100 }
        #expect(lines.contains { $0.contains("● " + ConfusionRegressionTests.reference(selected)) }, "\(lines)")
        #expect(engine.asked.withLock { $0 }.contains("city == \"a\""))
    }

    @Test func aSelectionOfPickedRowsShowsTheSamplesFigures() throws {
        let engine = Engine()
        let ws = Self.workspace(engine.rows)
        var lines = Self.settle(ws)
        #expect(lines.contains { $0.contains(ConfusionRegressionTests.reference(Array(0..<400))) })
        ws.apply(.dispatch(.select(RowSet(rowCount: 100, rows: [1, 2, 3]), .rows)))
        lines = Self.settle(ws)
        let pane = try #require(ws.panes.first { $0.value.kind == PaneKind.confusion }?.value)
        #expect(pane.title.hasSuffix("· sample 100"), "\(pane.title)")
        #expect(lines.contains { $0.contains(ConfusionRegressionTests.reference(Array(0..<100))) }, "\(lines)")
        #expect(lines.contains { $0.contains("● " + ConfusionRegressionTests.reference([1, 2, 3])) }, "\(lines)")
    }
}

