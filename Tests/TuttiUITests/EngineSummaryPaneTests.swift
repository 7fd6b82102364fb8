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
