import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// The Falcon tables PostgreSQL builds (several views per GROUP BY) equal those counted in memory,
/// missing values, filters and bins made on a sample included.
@Suite struct BrushTableEquivalenceTests {
    private let adult = AdultFixture.dataset

    @Test(arguments: ["", "split == \"test\" and workclass != \"Private\""])
    func adultTablesMatchMemory(_ filter: String) throws {
        let brushed = try ColumnBinning(dataset: adult, column: "age", bins: 20)
        let views = try ["hours_per_week", "workclass", "sex", "score"].map { try ColumnBinning(dataset: adult, column: $0, bins: 12) }
        let sql = try PostgresTables.source("adult").brushTables(brushed: brushed, views: views, where: filter)
        let memory = try PostgresTables.memory(adult).brushTables(brushed: brushed, views: views, where: filter)
        #expect(sql == memory)
        #expect(sql.first?.selectedTotal(bins: 0...19) ?? 0 > 0)
    }

    @Test(arguments: ["age", "workclass", "hours_per_week"])
    func theGroupsOfASplitCountedTogetherMatchMemory(_ column: String) throws {
        // The groups of a split made on a sample: numbers in bins, categories with missing values.
        let sample = adult.firstRows(2000)
        let split = try GroupSplit(dataset: sample, column: column, filter: RowSet(rowCount: sample.rowCount, allSet: true))
        let groups = split.groups.map { SliceReport.expression($0.predicates) }
        #expect(groups.count > 2)
        let labels = try ColumnBinning(dataset: sample, column: "label", bins: 12)
        let predictions = try ColumnBinning(dataset: sample, column: "prediction", bins: 12)
        for filter in ["", "sex == \"Female\""] {
            let sql = try PostgresTables.source("adult").groupedTables(groups: groups, brushed: labels, view: predictions, where: filter)
            let memory = try PostgresTables.memory(adult).groupedTables(groups: groups, brushed: labels, view: predictions,
                                                                         where: filter)
            #expect(sql == memory, "\(column) under '\(filter)'")
        }
    }

    @Test func nullTablesMatchMemory() throws {
        // The quoted column as categories (a text column has no bins), its values quoted into CASE.
        let odd = PostgresTables.nulls.columns[5]
        let categories = Column(name: odd.name, data: .categorical(codes: [0, 4, 1, 2, 4, 0, 3], dictionary: StringTable(
            ["x'; DROP TABLE nulls; --", "\"", "a\"b", "é"])), validity: odd.validity)
        let data = Dataset(source: "nulls", rowCount: 7, columns: Array(PostgresTables.nulls.columns.prefix(5)) + [categories])
        let brushed = try ColumnBinning(dataset: data, column: "f", bins: 4)
        let views = try ["x", "b", "it's \"odd\""].map { try ColumnBinning(dataset: data, column: $0, bins: 3) }
        let sql = try PostgresTables.source("nulls").brushTables(brushed: brushed, views: views, where: "x != 3")
        let memory = try PostgresTables.memory(data).brushTables(brushed: brushed, views: views, where: "x != 3")
        #expect(sql == memory)
    }

    @Test func binsOfASampleCountEveryRowOfTheTable() throws {
        // Bins made on the first 500 rows; the engine counts all of them, the rest in the end bins.
        let sample = Dataset(source: "sample", rowCount: 500, columns: ["age", "capital_gain"].map { name in
            let column = adult.column(named: name)!
            return Column(name: name, data: .float((0..<500).map { column.number(at: $0) ?? 0 }),
                          validity: RowSet(rowCount: 500, rows: (0..<500).filter(column.isPresent)))
        })
        let brushed = try ColumnBinning(dataset: sample, column: "age", bins: 10)
        let view = try ColumnBinning(dataset: sample, column: "capital_gain", bins: 8)
        let tables = try PostgresTables.source("adult").brushTables(brushed: brushed, views: [view], where: "")
        let ages = try PostgresTables.source("adult").rowCount(where: "age is not null")
        #expect(tables[0].selectedTotal(bins: 0...(brushed.binCount - 1)) == ages)
        #expect(tables[0].selectedCounts(bins: 0...(brushed.binCount - 1)).reduce(0, +) == ages)
    }
}
