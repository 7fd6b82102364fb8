import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// A brush start over seven linked views with fine bins: the engine counts several views per
/// scan (their bins multiplied within `PostgresSource.maxBrushGroups`), and every view's table
/// still equals the one counted in memory, missing bins and the "other" bin included.
@Suite struct BrushBatchTests {
    @Test(arguments: ["", "sex == \"Female\""])
    func sevenViewsCountedTogetherMatchMemory(_ filter: String) throws {
        let adult = AdultFixture.dataset
        let brushed = try ColumnBinning(dataset: adult, column: "score", bins: 50)
        let names = ["age", "hours_per_week", "fnlwgt", "education_num", "workclass", "race", "occupation"]
        let views = try names.map { try ColumnBinning(dataset: adult, column: $0, bins: 50) }
        let sql = try PostgresTables.source("adult").brushTables(brushed: brushed, views: views, where: filter)
        let memory = try PostgresTables.memory(adult).brushTables(brushed: brushed, views: views, where: filter)
        #expect(sql.count == 7)
        #expect(sql == memory)
        // More than one view per query, and more than one query.
        let widths = views.map { $0.binCount + 2 }
        let product = widths.reduce(brushed.binCount + 2, *)
        #expect(product > PostgresSource.maxBrushGroups)
        #expect((brushed.binCount + 2) * widths[4] * widths[5] <= PostgresSource.maxBrushGroups, "workclass and race share a query")
    }
}
