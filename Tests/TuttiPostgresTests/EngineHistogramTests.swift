import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// The explorer's histograms over a table in PostgreSQL: bins made on a sample smaller than the
/// table, counts made by the engine over every row — the counts the whole Adult file gives in
/// memory — and brush steps read from the Falcon tables of each linked view, equal to what the
/// engine counts under the filter and the brush's expression.
@Suite struct EngineHistogramTests {
    private let adult = AdultFixture.dataset
    private let columns = ["age", "hours_per_week", "workclass", "sex", "score", "education_num"]

    /// The explorer's sample: the first 3,000 rows the engine gives.
    private func sample() throws -> Dataset {
        try PostgresTables.source("adult").sample(limit: 3000, work: WorkContext()).dataset
    }

    @Test(arguments: ["", "split == \"test\" and workclass != \"Private\"", "capital_gain > 0 or age is null"])
    func binCountsOfTheWholeTableMatchMemory(_ filter: String) throws {
        let sample = try sample()
        #expect(sample.rowCount == 3000)
        let engine = try PostgresTables.source("adult"), memory = PostgresTables.memory(adult)
        for name in columns {
            let binning = try ColumnBinning(dataset: sample, column: name, bins: 16)
            let counts = try engine.binCounts(of: binning, where: filter)
            #expect(counts == (try memory.binCounts(of: binning, where: filter)), "\(name) under \(filter)")
            // Every row of the table is counted, not only the sample's (values the sample never
            // saw have no bin when the sample's values fit without an "other" bin).
            let total = try memory.rowCount(where: filter)
            if case .numeric = binning.scheme { #expect(counts.reduce(0, +) == total, "\(name)") }
            #expect(counts.reduce(0, +) <= total && counts.reduce(0, +) > 0, "\(name)")
        }
        let brushed = try ColumnBinning(dataset: sample, column: "age", bins: 10)
        let views = try columns.dropFirst().map { try ColumnBinning(dataset: sample, column: $0, bins: 8) }
        #expect(try engine.brushTables(brushed: brushed, views: views, where: filter)
                == memory.brushTables(brushed: brushed, views: views, where: filter))
    }

    @Test func binsMadeOnTheWholeTableCountAsTheHistogramPane() throws {
        let memory = PostgresTables.memory(adult), engine = try PostgresTables.source("adult")
        let filter = "sex == \"Female\""
        let rows = try memory.rows(where: filter)
        for name in columns {
            let binning = try ColumnBinning(dataset: adult, column: name, bins: 20)
            #expect(try engine.binCounts(of: binning, where: filter) == HistogramCounts(binning, filter: rows, selection: nil).filtered,
                    "\(name)")
        }
    }

    @Test(arguments: ["", "sex == \"Female\" and age > 40"])
    func confusionCellsOfTheEngineMatchMemory(_ filter: String) throws {
        let memory = PostgresTables.memory(adult), engine = try PostgresTables.source("adult")
        let roles = ColumnRoles.infer(from: adult)
        let labels = try ColumnBinning(dataset: adult, column: try #require(roles[.label]), bins: 12)
        let predictions = try ColumnBinning(dataset: adult, column: try #require(roles[.prediction]), bins: 12)
        let table = try #require(try engine.brushTables(brushed: labels, views: [predictions], where: filter).first)
        let cells = ConfusionCounts(labels: labels, predictions: predictions, filter: try memory.rows(where: filter), selection: nil)
        #expect((0...labels.binCount).map { table.viewCounts(brushedBin: $0) } == cells.filtered)
    }

    @Test func brushStepsEqualTheEngineCountOfTheBrushExpression() throws {
        let sample = try sample()
        let engine = try PostgresTables.source("adult")
        let filter = "split == \"test\""
        // Bins of the whole table's range, so that the brush's expression covers the same rows
        // as its bins (a sample's end bins also hold the values beyond it).
        let brushed = try ColumnBinning(dataset: adult, column: "age", bins: 12)
        let views = try ["hours_per_week", "workclass", "sex", "score"].map { try ColumnBinning(dataset: sample, column: $0, bins: 10) }
        let tables = try engine.brushTables(brushed: brushed, views: views, where: filter)
        for range in [0...2, 3...3, 4...9, 0...(brushed.binCount - 1)] {
            guard let expression = SelectionExpression.text(for: .brush(column: "age", range: brushed.range(of: range)),
                                                            dataset: adult) else {
                Issue.record("no expression for the brush")
                return
            }
            for (index, view) in views.enumerated() {
                let stepped = tables[index].selectedCounts(bins: range)
                let counted = try engine.binCounts(of: view, where: "(\(filter)) and (\(expression))")
                #expect(stepped == counted, "\(view.column) for \(expression)")
            }
            #expect(tables[0].selectedTotal(bins: range) == (try engine.rowCount(where: "(\(filter)) and (\(expression))")))
        }
    }
}
