import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// Time columns bin in the engine as the in-memory time histogram bins them: calendar bins made
/// on a sample count every row of the table, alone and in the Falcon tables of a brush.
@Suite struct EngineTimeBinTests {
    /// A table of 5,000 timestamps 37 min 13 s apart from 2024-01-01 (every 7th missing) beside
    /// a number, created once.
    private static let table: Result<String, PostgresServer.Unavailable> = {
        do {
            _ = try PostgresTables.server().psql("DROP TABLE IF EXISTS engine_times; CREATE TABLE engine_times AS SELECT "
                + "CASE WHEN i % 7 = 0 THEN NULL ELSE TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL '37 minutes 13 seconds' "
                + "END AS t, i % 11 AS n FROM generate_series(1, 5000) AS i")
            return .success("engine_times")
        } catch let error as PostgresServer.Unavailable {
            return .failure(error)
        } catch {
            return .failure(PostgresServer.Unavailable(description: "\(error)"))
        }
    }()

    @Test func calendarBinsOfASampleCountTheWholeTableAsInMemory() throws {
        let engine = try PostgresTables.source(try Self.table.get())
        let whole = try engine.sample(limit: 10_000, work: WorkContext()).dataset
        #expect(whole.rowCount == 5000 && whole.column(named: "t")?.kind == .datetime)
        let sample = try engine.sample(limit: 800, work: WorkContext()).dataset
        let memory = PostgresTables.memory(whole)
        for filter in ["", "n > 3"] {
            let times = try ColumnBinning(dataset: sample, column: "t", bins: 12)
            #expect(times.calendarUnit != nil)
            let counts = try engine.binCounts(of: times, where: filter)
            #expect(counts == (try memory.binCounts(of: times, where: filter)), "under \(filter)")
            #expect(counts.reduce(0, +) == (try memory.rowCount(where: filter)))
            // Bins made on the whole table count as the histogram pane does.
            let own = try ColumnBinning(dataset: whole, column: "t", bins: 12)
            #expect(try engine.binCounts(of: own, where: filter)
                    == HistogramCounts(own, filter: try memory.rows(where: filter), selection: nil).filtered)
            let numbers = try ColumnBinning(dataset: sample, column: "n", bins: 11)
            #expect(try engine.brushTables(brushed: times, views: [numbers, times], where: filter)
                    == memory.brushTables(brushed: times, views: [numbers, times], where: filter))
        }
    }
}
