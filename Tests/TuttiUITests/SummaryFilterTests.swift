import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The summary pane under a filter: every figure of the filtered rows, the whole data's beside
/// it where it differs, and sparklines drawing the filtered rows over the whole data's shape.
@Suite struct SummaryFilterTests {
    @Test func figuresAreOfTheFilteredRowsWithTheWholeDataBesideThem() throws {
        var pane = SummaryPane()
        let canvas = render(&pane, paneContext(try adultState(filter: "age > 80")), width: 110, height: 30)
        #expect(summaryLine("age", in: canvas).contains("81–90 (all 17–90)"), "\(canvas.text)")
        // Shares of the top value, filtered and whole (67% of all rows are Male).
        #expect(summaryLine("sex", in: canvas).contains("all 67%)"), "\(canvas.text)")
        // The cursor column's statistics under the table.
        let details = canvas.lines.suffix(2).joined(separator: " ")
        #expect(details.contains("age · "), "\(details)")
        #expect(details.contains(" of 48,842 rows"), "\(details)")
        #expect(details.contains("(all 38.64)"), "\(details)")
        #expect(details.contains("median "), "\(details)")
        #expect(details.contains("p95 90"), "\(details)")
    }

    @Test func withoutAFilterNothingIsComparedAndTheDetailsShowTheRobustStatistics() throws {
        var pane = SummaryPane()
        let canvas = render(&pane, paneContext(ExplorerState(dataset: adult, roles: adultRoles)), width: 110, height: 30)
        #expect(!canvas.text.contains("(all"))
        #expect(summaryLine("age", in: canvas).contains("17–90"))
        #expect(summaryLine("sex", in: canvas).contains("Male (32,650)"))
        let details = canvas.lines.suffix(2).joined(separator: " ")
        #expect(details.contains("mean 38.64") && details.contains("median 37") && details.contains("std "), "\(details)")
    }

    @Test func aNewFilterIsCountedAgain() throws {
        var pane = SummaryPane()
        _ = render(&pane, paneContext(try adultState(filter: "age > 80")), width: 110, height: 30)
        let canvas = render(&pane, paneContext(try adultState(filter: "age < 20")), width: 110, height: 30)
        #expect(summaryLine("age", in: canvas).contains("17–19 (all 17–90)"), "\(canvas.text)")
        let cleared = render(&pane, paneContext(ExplorerState(dataset: adult, roles: adultRoles)), width: 110, height: 30)
        #expect(!cleared.text.contains("(all"))
    }

    @Test func theSparklineDrawsTheFilteredRowsOverTheWholeShapeInASecondTone() throws {
        var pane = SummaryPane()
        let context = paneContext(try adultState(filter: "age > 80"), focused: false)
        let canvas = render(&pane, context, width: 110, height: 30)
        let y = try #require(canvas.lines.firstIndex { $0.dropFirst().hasPrefix("age ") })
        let levels = Set(Glyphs.unicode.sparkline)
        let bars = (0..<canvas.width).map { canvas[$0, y] }.filter { $0.character.map(levels.contains) ?? false }
        let filtered = bars.filter { $0.style == Theme.fallback[.bar] }
        let whole = bars.filter { $0.style == Theme.fallback[.muted] }
        #expect(!filtered.isEmpty && !whole.isEmpty, "age: \(canvas.lines[y])")
        // Ages above 80 sit at the right end: the filtered tone comes after every whole-data cell.
        let xs = (0..<canvas.width).filter { levels.contains(canvas[$0, y].character ?? " ") }
        let firstFiltered = try #require(xs.first { canvas[$0, y].style == Theme.fallback[.bar] })
        #expect(xs.filter { canvas[$0, y].style == Theme.fallback[.muted] }.allSatisfy { $0 < firstFiltered })
    }

    @Test func derivedColumnsAppearAndLeaveWithUndo() throws {
        var explorer = Explorer(state: ExplorerState(dataset: adult, roles: adultRoles))
        try explorer.apply(.setFilter("age > 80"))
        var pane = SummaryPane()
        _ = render(&pane, paneContext(explorer.state), width: 110, height: 30)
        try explorer.apply(.derive(DerivedColumn(name: "margin", expression: "abs(score - 0.5)")))
        let canvas = render(&pane, paneContext(explorer.state), width: 110, height: 40)
        #expect(summaryLine("margin", in: canvas).contains("float"), "\(canvas.text)")
        #expect(summaryLine("age", in: canvas).contains("81–90 (all 17–90)"))
        explorer.undo()
        let undone = render(&pane, paneContext(explorer.state), width: 110, height: 40)
        #expect(summaryLine("margin", in: undone).isEmpty)
    }
}
