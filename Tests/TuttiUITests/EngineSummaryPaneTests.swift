import Testing
import TuttiCore
import TuttiTerminal
import TuttiTestSupport
@testable import TuttiUI

/// The summary pane of a sample of a table in an engine shows the engine's figures of the whole
/// table, and of its rows passing the filter, asked once per expression.
@Suite struct EngineSummaryPaneTests {
    @Test func figuresAreTheWholeTables() throws {
        let engine = EngineHistogramPaneTests.Engine()
        let ws = EngineHistogramPaneTests.workspace(engine)
        let canvas = EngineHistogramPaneTests.settle(ws)
        #expect(canvas.lines.contains { $0.contains("Summary · table of 48,842") }, "\(canvas.lines.prefix(3))")
        let whole = try MemorySource(dataset: adult, roles: adultRoles).summaries(where: "", topCount: 5)
        let sample = ColumnSummary.compute(adult.firstRows(3000), roles: adultRoles, rows: nil, topCount: 5)
        var compared = 0
        for (table, part) in zip(whole, sample) where table.distinct != part.distinct {
            let line = canvas.lines.first { $0.hasPrefix("│ \(table.name) ") } ?? ""
            guard !line.isEmpty else { continue }
            #expect(line.contains(" \(NumberFormatting.grouped(table.distinct)) "), "\(table.name): \(line)")
            compared += 1
        }
        #expect(compared > 0)

        ws.apply(.dispatch(.setFilter("age > 50")))
        let filtered = EngineHistogramPaneTests.settle(ws)
        let count = try MemorySource(dataset: adult, roles: adultRoles).rowCount(where: "age > 50")
        #expect(filtered.lines.contains { $0.contains("\(NumberFormatting.grouped(count)) of 48,842 rows") },
                "\(filtered.lines.suffix(6))")
        #expect(engine.summaryQuestions.withLock { $0 } == ["", "age > 50"])
    }
}

/// The confusion pane of a sample of a table in an engine counts its matrix of the whole table
/// in the engine: one table of label bins × prediction bins per expression; split by group, one
/// per group of the sample's split, within the group's conditions.
@Suite struct EngineConfusionPaneTests {
    @Test func cellsAreTheWholeTables() throws {
        let engine = EngineHistogramPaneTests.Engine()
        let ws = EngineHistogramPaneTests.workspace(engine)
        ws.apply(.showPane(.confusion))
        let canvas = EngineHistogramPaneTests.settle(ws)
        let pane = try #require(ws.panes.first { $0.value.kind == .confusion }?.value)
        #expect(pane.title.hasSuffix("· table of 48,842"), "\(pane.title)")
        // Every cell of the whole table: the label × prediction counts of all 48,842 rows.
        let label = try #require(adultRoles[.label]), prediction = try #require(adultRoles[.prediction])
        let groups = try MemorySource(dataset: adult, roles: adultRoles).groupCounts(by: [label, prediction], where: "")
        let shown = canvas.lines.joined(separator: "\n")
        for group in groups where group.count > 999 {
            #expect(shown.contains(NumberFormatting.grouped(group.count)), "\(group.values): \(group.count) in\n\(shown)")
        }
    }

    @Test func aSplitByGroupCountsEachGroupsMatrixOfTheWholeTable() throws {
        let engine = EngineHistogramPaneTests.Engine()
        let ws = EngineHistogramPaneTests.workspace(engine)
        ws.apply(.showPane(.confusion))
        ws.apply(.dispatch(.setGroupColumns(["sex"])))
        ws.apply(.dispatch(.setFilter("age > 30")))
        let canvas = EngineHistogramPaneTests.settle(ws)
        let pane = try #require(ws.panes.first { $0.value.kind == .confusion }?.value)
        #expect(pane.title.contains("by sex") && pane.title.hasSuffix("· table of 48,842"), "\(pane.title)")
        let label = try #require(adultRoles[.label]), prediction = try #require(adultRoles[.prediction])
        let whole = MemorySource(dataset: adult, roles: adultRoles)
        let shown = canvas.lines.joined(separator: "\n")
        for sex in ["Male", "Female"] {
            let scope = "age > 30 and sex == \"\(sex)\""
            // The heading gives the group's rows of the whole table under the filter …
            #expect(shown.contains("sex == \"\(sex)\" · \(NumberFormatting.grouped(try whole.rowCount(where: scope)))"),
                    "\(sex) in\n\(shown)")
            // … and the matrix its cells.
            for group in try whole.groupCounts(by: [label, prediction], where: scope) where group.count > 999 {
                #expect(shown.contains(NumberFormatting.grouped(group.count)), "\(sex) \(group.values): \(group.count) in\n\(shown)")
            }
        }
        // Every group's matrix came from one question per expression.
        #expect(engine.groupQuestions.withLock { $0 } == ["age > 30"])
    }

    @Test func aMovedThresholdShowsTheSamplesMatrix() throws {
        let engine = EngineHistogramPaneTests.Engine()
        let ws = EngineHistogramPaneTests.workspace(engine)
        ws.apply(.showPane(.confusion))
        EngineHistogramPaneTests.settle(ws)
        let sample = ws.state.dataset
        ws.apply(.dispatch(.setThreshold(try ScoreThreshold(value: 0.3, dataset: sample, roles: ws.state.roles))))
        EngineHistogramPaneTests.settle(ws)
        let pane = try #require(ws.panes.first { $0.value.kind == .confusion }?.value)
        // The engine's table holds the predictions as loaded, not those the threshold makes.
        #expect(pane.title.hasSuffix("· sample 3,000"), "\(pane.title)")
    }

    @Test func workForAMatrixNoLongerWantedIsStopped() throws {
        var figures = EngineFigures(tableRows: TableRowCount(exact: 48_842, estimate: nil), sampleRows: 3000)
        figures.brushTables = { _, _, _, _ in [] }
        let sample = adult.firstRows(3000)
        let state = ExplorerState(dataset: sample, roles: adultRoles)
        var context = paneContext(state)
        figures.filter = ""
        context.engine = figures
        var pane = ConfusionPane()
        // Laid out without running its work: the engine's count of the matrix is under way.
        let started = pane.update(.layout(width: 80, height: 20), context: context).compactMap { command -> JobHandle? in
            if case .start(let job) = command { return job.handle }
            return nil
        }
        #expect(started.count == 1)
        let filtered = try Explorer.reduce(state, .setFilter("age > 30")).0
        context = paneContext(filtered)
        figures.filter = "age > 30"
        context.engine = figures
        let next = pane.update(.layout(width: 80, height: 20), context: context)
        #expect(next.contains { if case .stop(let handle) = $0 { handle === started[0] } else { false } })
        #expect(next.contains { if case .start = $0 { true } else { false } })
    }
}

