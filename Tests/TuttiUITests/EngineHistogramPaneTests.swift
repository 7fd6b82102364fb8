import Synchronization
import Testing
import TuttiCore
import TuttiTerminal
import TuttiTestSupport
@testable import TuttiUI

/// Histograms of a sample of a table in an engine draw the engine's counts of the whole table
/// (bins made on the sample), asked once per bins and expression; a brush builds one Falcon table
/// per linked histogram when it starts, and its steps read them without asking again.
@Suite struct EngineHistogramPaneTests {
    /// The whole Adult table as an engine (in memory), counting the questions it gets.
    final class Engine: Sendable {
        let binQuestions = Mutex<[String]>([])
        let brushQuestions = Mutex<[[String]]>([])
        let summaryQuestions = Mutex<[String]>([])
        let groupQuestions = Mutex<[String]>([])
        private var source: MemorySource { MemorySource(dataset: adult, roles: adultRoles) }

        var rows: EngineRows {
            var rows = EngineRows(estimatedRows: adult.rowCount, count: { [self] filter, _ in
                try source.rowCount(where: filter)
            }, brushTables: { [self] brushed, views, filter, _ in
                brushQuestions.withLock { $0.append(views.map(\.column)) }
                return try source.brushTables(brushed: brushed, views: views, where: filter)
            }, export: { _, _, _, _, _ in throw TuttiError("not exported in this test") })
            rows.binCounts = { [self] binning, filter, _ in
                binQuestions.withLock { $0.append(binning.column + "|" + filter) }
                return try source.binCounts(of: binning, where: filter)
            }
            rows.groupedTables = { [self] groups, brushed, view, filter, _ in
                groupQuestions.withLock { $0.append(filter) }
                return try source.groupedTables(groups: groups, brushed: brushed, view: view, where: filter)
            }
            rows.summaries = { [self] filter, topCount, _ in
                summaryQuestions.withLock { $0.append(filter) }
                return try source.summaries(where: filter, topCount: topCount)
            }
            return rows
        }
    }

    private static let size = (width: 200, height: 44)

    /// The explorer on the first 3,000 rows of the Adult data, a sample of `engine`'s table.
    static func workspace(_ engine: Engine) -> TestWorkspace {
        let sample = adult.firstRows(3000)
        var workspace = Workspace(dataset: Dataset(source: "adult", rowCount: sample.rowCount, columns: sample.columns),
                                  roles: adultRoles, theme: .fallback, glyphs: .unicode)
        workspace.engine = engine.rows
        let ws = TestWorkspace(workspace)
        settle(ws)
        return ws
    }

    private func workspace(_ engine: Engine) -> TestWorkspace { Self.workspace(engine) }

    /// Frames until the engine's answers are in.
    @discardableResult
    static func settle(_ ws: TestWorkspace) -> Canvas {
        var canvas = ws.frame(width: Self.size.width, height: Self.size.height)
        for _ in 0..<3 { canvas = ws.frame(width: Self.size.width, height: Self.size.height) }
        return canvas
    }

    @discardableResult
    private func settle(_ ws: TestWorkspace) -> Canvas { Self.settle(ws) }

    private func histograms(_ ws: TestWorkspace) -> [(id: PaneID, pane: any Pane)] {
        ws.panes.filter { $0.value.kind == .histogram }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The first line of pane `id` as the last frame drew it (its counts).
    private func header(_ ws: TestWorkspace, _ id: PaneID) -> String {
        var canvas = Canvas(width: 120, height: 20)
        ws.panes[id]?.render(into: &canvas, context: ws.workspace.context(for: id))
        return canvas.lines.first ?? ""
    }

    /// Rows of the whole table whose value of `binning`'s column falls in a bin (missing left out).
    private func placed(_ binning: ColumnBinning, rows: [Int]) -> Int {
        let column = adult.column(named: binning.column)!, placement = BinPlacement(binning)
        return rows.filter { placement.bin(of: column, at: $0).map { $0 < binning.binCount } ?? false }.count
    }

    @Test func histogramsDrawTheWholeTableOnce() throws {
        let engine = Engine()
        let ws = workspace(engine)
        settle(ws)
        let shown = histograms(ws)
        #expect(!shown.isEmpty)
        let memory = MemorySource(dataset: adult, roles: adultRoles)
        for (id, pane) in shown {
            #expect(pane.title.hasSuffix("· table of 48,842"), "\(pane.title)")
            let binning = try #require(pane.brushBinning)
            let counts = try memory.binCounts(of: binning, where: "")
            let header = "\(NumberFormatting.grouped(counts.dropLast().reduce(0, +))) rows"
            #expect(self.header(ws, id).hasPrefix(header), "\(binning.column): \(self.header(ws, id)) is not \(header)")
            // More rows than the sample holds: the numbers are the table's.
            #expect(counts.reduce(0, +) > 3000)
        }
        let asked = engine.binQuestions.withLock { $0 }
        #expect(asked.count == shown.count, "\(asked)")
        settle(ws)
        ws.apply(.event(.resize(width: Self.size.width, height: Self.size.height)))
        settle(ws)
        #expect(engine.binQuestions.withLock { $0 } == asked, "a redraw asked the engine again")
    }

    @Test func aTitleSaysSampleUntilTheEngineAnswers() throws {
        let engine = Engine()
        var workspace = Workspace(dataset: adult.firstRows(3000), roles: adultRoles, theme: .fallback, glyphs: .unicode)
        var rows = engine.rows
        rows.binCounts = { _, _, _ in throw TuttiError("the engine is down") }
        workspace.engine = rows
        let ws = TestWorkspace(workspace)
        settle(ws)
        for (_, pane) in histograms(ws) { #expect(pane.title.hasSuffix("· sample 3,000"), "\(pane.title)") }
    }

    @Test func aBrushStepsThroughFalconTablesOfEveryLinkedHistogram() throws {
        let engine = Engine()
        let ws = workspace(engine)
        let shown = histograms(ws)
        try #require(shown.count >= 2)
        while !(ws.panes[ws.focus]?.kind == .histogram && ws.panes[ws.focus]?.brushBinning.map({
            if case .numeric = $0.scheme { true } else { false }
        }) == true) {
            ws.apply(.cycleFocus(1))
        }
        let brushed = ws.focus
        ws.apply(.send(.extendRight))
        ws.apply(.send(.extendRight))
        settle(ws)
        let tablesAsked = engine.brushQuestions.withLock { $0 }
        #expect(tablesAsked.count == 1)
        #expect(tablesAsked.first?.count == shown.count, "one table per linked histogram and the brushed one's own")
        let binsAsked = engine.binQuestions.withLock { $0 }
        for step in 0..<3 {
            if step > 0 { ws.apply(.send(.extendRight)) }
            settle(ws)
            let brush = try #require(ws.brush?.bins)
            let inBrush = (0..<adult.rowCount).filter { row in
                BinPlacement(brush.binning).bin(of: adult.column(named: brush.binning.column)!, at: row)
                    .map(brush.range.contains) ?? false
            }
            for (id, pane) in shown where id != brushed {
                let binning = try #require(pane.brushBinning)
                let rows = NumberFormatting.grouped(placed(binning, rows: Array(0..<adult.rowCount)))
                let selected = NumberFormatting.grouped(placed(binning, rows: inBrush))
                #expect(header(ws, id).hasPrefix("\(rows) rows · \(selected) selected"),
                        "\(binning.column): \(header(ws, id)) at step \(step), not \(rows) rows · \(selected) selected")
            }
        }
        // The steps read the tables: nothing more was asked.
        #expect(engine.brushQuestions.withLock { $0.count } == 1)
        #expect(engine.binQuestions.withLock { $0 } == binsAsked)
    }
}
