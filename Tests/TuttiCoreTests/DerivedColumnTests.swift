import Foundation
import Testing
@testable import TuttiCore

@Suite struct DerivedColumnTests {
    static func table() throws -> Dataset {
        try load("""
        label,prediction,score,text,created_at
        1,1,0.9,hello world,2016-01-01T10:00:00Z
        0,1,0.6,hi,2017-03-05
        1,0,0.2,,2018-07-01T23:00:00Z
        0,0,,a longer text here,2019-12-31
        """).dataset
    }

    @Test func derivedColumnsAreTypedLikeAnyColumn() throws {
        let data = try Self.table().adding([
            DerivedColumn(name: "correct", expression: "label == prediction"),
            DerivedColumn(name: "margin", expression: "abs(score - 0.5)"),
            DerivedColumn(name: "length", expression: "len(text)"),
            DerivedColumn(name: "year", expression: "year(created_at)"),
            DerivedColumn(name: "late", expression: "if(score > 0.5, created_at, null)"),
            DerivedColumn(name: "rounded", expression: "round(score * 10)"),
            DerivedColumn(name: "loud", expression: "lower(text)"),
        ])
        #expect(data.column(named: "correct")?.kind == .boolean)
        #expect(cells(data, "correct") == ["true", "false", "false", "true"])
        #expect(data.column(named: "margin")?.kind == .float)
        #expect(cells(data, "margin") == ["0.4", "0.09999999999999998", "0.3", nil])
        #expect(data.column(named: "length")?.kind == .integer)
        #expect(cells(data, "length") == ["11", "2", nil, "18"])
        #expect(cells(data, "year") == ["2016", "2017", "2018", "2019"])
        #expect(data.column(named: "late")?.kind == .datetime)
        #expect(cells(data, "late") == ["2016-01-01T10:00:00Z", "2017-03-05", nil, nil])
        #expect(cells(data, "rounded") == ["9", "6", "2", nil])
        #expect(data.derivedColumns.map(\.name) == ["correct", "margin", "length", "year", "late", "rounded", "loud"])
    }

    @Test func ifChoosesStringsIntoACategoricalOrTextColumn() throws {
        let data = try Self.table().adding([
            DerivedColumn(name: "verdict", expression: #"if(label == prediction, "right", "wrong")"#),
            DerivedColumn(name: "sure", expression: #"if(score > 0.5, text, null)"#),
            DerivedColumn(name: "kind", expression: #"if(score is null, "none", lower(text))"#),
        ])
        #expect(data.column(named: "verdict")?.kind == .categorical)
        #expect(cells(data, "verdict") == ["right", "wrong", "wrong", "right"])
        #expect(cells(data, "sure") == ["hello world", "hi", nil, nil])
        #expect(cells(data, "kind") == ["hello world", "hi", nil, "none"])
        #expect(try FilterExpression(#"if(score > 0.5, "high", "low") == "low""#, dataset: data).evaluate(data).members == [2, 3])
        #expect(try FilterExpression(#"len(if(label == 1, text, "x")) > 2"#, dataset: data).evaluate(data).members == [0])
        let error = try #require(throws: TuttiError.self) {
            try data.adding(DerivedColumn(name: "m", expression: #"if(label == 1, "a", 2)"#))
        }
        #expect("\(error)".contains("numbers, strings, times or conditions"))
    }

    @Test func derivedColumnsWorkInFiltersSlicesAndExports() throws {
        let data = try Self.table().adding([DerivedColumn(name: "correct", expression: "label == prediction"),
                                            DerivedColumn(name: "margin", expression: "abs(score - 0.5)")])
        #expect(try FilterExpression("not correct and margin > 0.2", dataset: data).evaluate(data).members == [2])
        let all = RowSet(rowCount: data.rowCount, allSet: true)
        let feature = try SliceFeature(dataset: data, column: "correct", binning: .equalWidth(4), rows: all)
        #expect(feature.rows(of: 1).members == [0, 3])
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("out.csv").path
        _ = try RowExporter(dataset: data).export(to: path)
        let reloaded = try DatasetLoader.load(path).dataset
        #expect(cells(reloaded, "correct") == cells(data, "correct"))
        #expect(cells(reloaded, "margin") == cells(data, "margin"))
    }

    @Test func errorsPointAtTheExpression() throws {
        let data = try Self.table()
        let error = try #require(throws: TuttiError.self) {
            try data.adding(DerivedColumn(name: "m", expression: "abs(scor - 0.5)"))
        }
        #expect("\(error)".contains("unknown column 'scor'") && "\(error)".contains("    ^^^^"))
        #expect(throws: TuttiError.self) { try data.adding(DerivedColumn(name: "score", expression: "1")) }
        #expect(throws: TuttiError.self) { try DerivedColumn(parsing: "no equals sign") }
        #expect(try DerivedColumn(parsing: " ok = a == b") == DerivedColumn(name: "ok", expression: " a == b"))
    }

    @Test func aViewRecordsDerivationsAndTheDataComputesThemAgain() throws {
        let data = try Self.table().adding([DerivedColumn(name: "correct", expression: "label == prediction")])
        var explorer = Explorer(state: ExplorerState(dataset: data, roles: ColumnRoles.infer(from: data)))
        _ = try explorer.apply(.setFilter("correct"))
        let document = ViewDocument(state: explorer.state, datasetPath: "x.csv", layout: .pane(ViewPane(kind: .summary)),
                                    focus: nil, theme: nil)
        let decoded = try JSONDecoder().decode(ViewDocument.self, from: try JSONEncoder().encode(document))
        #expect(decoded.derivedColumns == [DerivedColumn(name: "correct", expression: "label == prediction")])
        let again = try Self.table().adding(decoded.derivedColumns ?? [])
        let restored = try decoded.restore(on: again, roles: ColumnRoles.infer(from: again))
        #expect(restored.explorer.state.filteredCount == 2)
    }

    @Test func summariesHaveRobustStatisticsAndFollowRows() throws {
        let values = (1...100).map { Double($0) }
        let data = Dataset(source: "t", rowCount: 100, columns: [
            Column(name: "x", data: .float(values), validity: RowSet(rowCount: 100, allSet: true)),
        ])
        let summary = ColumnSummary.summarize(data.columns[0], role: nil)
        #expect(summary.median == 50.5)
        #expect(summary.p5 == 5.95)
        #expect(abs(summary.p95! - 95.05) < 1e-9)
        #expect(abs(summary.std! - 29.011491975882016) < 1e-9)
        let firstTen = RowSet(rowCount: 100, rows: 0..<10)
        let filtered = ColumnSummary.summarize(data.columns[0], role: nil, rows: firstTen)
        #expect(filtered.max == 10 && filtered.median == 5.5 && filtered.missing == 0)
    }
}

@Suite struct DeriveActionTests {
    @Test func theReducerAddsADerivedColumnAndUndoRemovesIt() throws {
        let data = try DerivedColumnTests.table()
        var explorer = Explorer(state: ExplorerState(dataset: data, roles: ColumnRoles.infer(from: data)))
        _ = try explorer.apply(.setFilter("label == 1"))
        let change = try explorer.apply(.derive(DerivedColumn(name: "correct", expression: "label == prediction")))
        #expect(change == .columns)
        #expect(explorer.state.dataset.column(named: "correct")?.kind == .boolean)
        #expect(explorer.state.filteredCount == 2)
        _ = try explorer.apply(.setFilter("correct"))
        #expect(explorer.state.filteredCount == 2)
        explorer.undo()
        #expect(explorer.undo().contains(.columns))
        #expect(explorer.state.dataset.column(named: "correct") == nil)
        #expect(throws: TuttiError.self) { try explorer.apply(.derive(DerivedColumn(name: "x", expression: "nope +"))) }
    }
}

@Suite struct DerivedColumnReportTests {
    @Test func reportsListDerivedColumnsWithTheirExpressions() throws {
        let data = try DerivedColumnTests.table().adding([DerivedColumn(name: "margin", expression: "abs(score - 0.5)")])
        let state = ExplorerState(dataset: data, roles: ColumnRoles.infer(from: data))
        let section = DatasetSection.make(state: state, datasetName: "t.csv")
        guard case .list(let facts) = section.blocks[0] else { Issue.record("no facts"); return }
        #expect(facts.contains { $0 == [.plain("Derived column "), .code("margin"), .plain(" = "), .code("abs(score - 0.5)")] })
    }
}
