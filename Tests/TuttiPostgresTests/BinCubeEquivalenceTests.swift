import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// The brush cube PostgreSQL counts in one scan (`GROUPING SETS`) gives exactly the Falcon tables
/// the per-brush queries give, for a brush on any of its histograms — bins made on a sample,
/// values the sample never saw, missing values and filters included — and is not asked for when
/// it could pass its cap.
@Suite struct BinCubeEquivalenceTests {
    private let adult = AdultFixture.dataset

    @Test(arguments: ["", "split == \"test\" and workclass != \"Private\""])
    func adultCubeGivesTheTablesOfTheQueries(_ filter: String) throws {
        let engine = try PostgresTables.source("adult")
        let sample = try engine.sample(limit: 3000, work: WorkContext()).dataset
        let binnings = try [("age", 20), ("hours_per_week", 12), ("workclass", 6), ("sex", 3), ("score", 12),
                            ("native_country", 5)].map { try ColumnBinning(dataset: sample, column: $0.0, bins: $0.1) }
        let cube = try #require(try engine.binCube(of: binnings, where: filter))
        for brushed in binnings.indices {
            let views = [brushed] + binnings.indices.filter { $0 != brushed }
            let queried = try engine.brushTables(brushed: binnings[brushed], views: views.map { binnings[$0] }, where: filter)
            #expect(cube.tables(brushed: brushed, views: views) == queried, "brushing \(binnings[brushed].column)")
        }
        // Missing values are in the cube: workclass has them in Adult (the filter keeps none).
        let workclass = cube.tables(brushed: 2, views: [2])[0]
        #expect((workclass.viewCounts(brushedBin: binnings[2].binCount).reduce(0, +) > 0) == filter.isEmpty)
    }

    @Test func nullsAndQuotedNamesGiveTheTablesOfTheQueries() throws {
        let engine = try PostgresTables.source("nulls")
        let odd = PostgresTables.nulls.columns[5]
        let categories = Column(name: odd.name, data: .categorical(codes: [0, 4, 1, 2, 4, 0, 3], dictionary: StringTable(
            ["x'; DROP TABLE nulls; --", "\"", "a\"b", "é"])), validity: odd.validity)
        let data = Dataset(source: "nulls", rowCount: 7, columns: Array(PostgresTables.nulls.columns.prefix(5)) + [categories])
        let binnings = try [("f", 4), ("x", 3), ("b", 3), ("it's \"odd\"", 3)].map { try ColumnBinning(dataset: data, column: $0.0, bins: $0.1) }
        let cube = try #require(try engine.binCube(of: binnings, where: "x != 3"))
        for brushed in binnings.indices {
            let views = [brushed] + binnings.indices.filter { $0 != brushed }
            #expect(cube.tables(brushed: brushed, views: views)
                    == (try engine.brushTables(brushed: binnings[brushed], views: views.map { binnings[$0] }, where: "x != 3")))
        }
    }

    @Test func aCubePastItsCapIsNotAsked() throws {
        let engine = try PostgresTables.source("adult")
        let binnings = try ["age", "hours_per_week", "score"].map { try ColumnBinning(dataset: adult, column: $0, bins: 40) }
        let bound = BinCube.groupBound(binCounts: binnings.map(\.binCount),
                                       faces: BinCube.faces(binCounts: binnings.map(\.binCount),
                                                            maxFaceGroups: PostgresSource.maxCubeFaceGroups))
        #expect(try engine.binCube(of: binnings, where: "", maxGroups: bound - 1) == nil)
        #expect(try engine.binCube(of: binnings, where: "", maxGroups: bound) != nil)
        #expect(throws: ExpressionError.self) { try engine.binCube(of: binnings, where: "agee > 3") }
    }
}
