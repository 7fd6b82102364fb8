import Testing
@testable import TuttiCore

@Suite struct ExplorerTests {
    func fresh() -> Explorer { Explorer(state: ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult))) }

    @Test func filterAndSelectionAreSeparate() throws {
        var explorer = fresh()
        let change = try explorer.apply(.setFilter("sex == \"Female\""))
        #expect(change == .filter)
        #expect(explorer.state.filteredCount == 16_192)
        let old = try ColumnBinning(dataset: adult, column: "age", bins: 20)
        let rows = old.rows(in: 10...19)
        try explorer.apply(.select(rows, .brush(column: "age", range: old.range(of: 10...19))))
        // The selection keeps rows outside the filter; panes count the visible part.
        #expect(explorer.state.selection?.rows.count == rows.count)
        #expect(explorer.state.selectedCount == rows.intersectionCount(explorer.state.filter.rows))
        #expect(explorer.state.filteredCount == 16_192)
    }

    @Test func undoAndRedoCoverEveryChange() throws {
        var explorer = fresh()
        try explorer.apply(.setFilter("age > 50"))
        try explorer.apply(.toggleRow(3))
        try explorer.apply(.setGroupColumns(["sex"]))
        try explorer.apply(.setRole(.label, "income"))
        #expect(explorer.undo() == .roles)
        #expect(explorer.state.roles[.label] == "label")
        #expect(explorer.undo() == .groups)
        #expect(explorer.undo() == .selection)
        #expect(explorer.state.selection == nil)
        #expect(explorer.undo() == .filter)
        #expect(explorer.state.filter.isEmpty)
        #expect(explorer.undo().isEmpty)
        #expect(explorer.redo() == .filter)
        #expect(explorer.redo() == .selection)
        #expect(explorer.state.selection?.rows.members == [3])
        // A new action clears what could be redone.
        try explorer.apply(.clearSelection)
        #expect(explorer.redo().isEmpty)
    }

    @Test func badActionsLeaveTheStateAsItWas() {
        var explorer = fresh()
        #expect(throws: ExpressionError.self) { try explorer.apply(.setFilter("agee > 3")) }
        #expect(throws: TuttiError.self) { try explorer.apply(.setGroupColumns(["sexx"])) }
        #expect(explorer.state.filter.isEmpty)
        #expect(!explorer.canUndo)
    }

    @Test func noOpActionsAreNotRecorded() throws {
        var explorer = fresh()
        #expect(try explorer.apply(.clearSelection).isEmpty)
        #expect(try explorer.apply(.setFilter("")).isEmpty)
        #expect(!explorer.canUndo)
    }

    @Test func filterToSelectionWritesAnExpressionForTheSameRows() throws {
        var explorer = fresh()
        try explorer.apply(.setFilter("split == \"test\""))
        let binning = try ColumnBinning(dataset: adult, column: "age", bins: 15)
        let range = binning.range(of: 2...4)
        try explorer.apply(.select(binning.rows(in: 2...4), .brush(column: "age", range: range)))
        let expected = explorer.state.selectedCount
        try explorer.apply(.filterToSelection)
        #expect(explorer.state.selection == nil)
        #expect(explorer.state.filteredCount == expected)
        let text = explorer.state.filter.expression
        #expect(text.hasPrefix("(split == \"test\") and (age >= "))
        let reparsed = try FilterExpression(text, dataset: adult).evaluate(adult)
        #expect(reparsed == explorer.state.filter.rows)
    }

    @Test func handPickedRowsBecomeARowListFilter() throws {
        var explorer = fresh()
        try explorer.apply(.toggleRow(5))
        try explorer.apply(.toggleRow(9))
        try explorer.apply(.filterToSelection)
        #expect(explorer.state.filter.rows.members == [5, 9])
        #expect(!explorer.state.filter.isExpression)
        #expect(explorer.state.filter.expression == "2 picked rows")
    }

    @Test(arguments: [
        ("sex", ["Female"], "sex in (\"Female\")"),
        ("in", ["x"], "`in` in (\"x\")"),
        ("hours per week", ["a\"b"], "`hours per week` in (\"a\\\"b\")"),
    ])
    func selectionExpressionsQuoteNames(column: String, values: [String], expected: String) {
        #expect(SelectionExpression.text(for: .brush(column: column, range: .values(values)), dataset: adult) == expected)
    }

    @Test func booleanBrushesUseBooleanLiterals() throws {
        let data = try load("flag,n\ntrue,1\nfalse,2\ntrue,3\n").dataset
        let text = try #require(SelectionExpression.text(for: .brush(column: "flag", range: .values(["true"])), dataset: data))
        #expect(text == "flag in (true)")
        #expect(try FilterExpression(text, dataset: data).evaluate(data).members == [0, 2])
    }

    @Test func categoricalBrushIncludingOtherSelectsTheSameRows() throws {
        let binning = try ColumnBinning(dataset: adult, column: "native_country", bins: 4)
        let bins = 2...(binning.binCount - 1)
        let text = try #require(SelectionExpression.text(for: .brush(column: "native_country", range: binning.range(of: bins)), dataset: adult))
        #expect(try FilterExpression(text, dataset: adult).evaluate(adult) == binning.rows(in: bins))
    }
}
