import Foundation
import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// The explorer's sample comes with the planner's estimate of the table's rows, not its count;
/// the count runs apart on a second connection; a sample smaller than asked is the whole table.
@Suite struct EngineTableRowsTests {
    @Test func theSampleCarriesTheEstimateAndTheCountRunsApart() throws {
        let source = try PostgresTables.source("adult")
        let counting = source.startCount(work: WorkContext())
        let sample = try source.sample(limit: 1000, work: WorkContext())
        #expect(sample.dataset.rowCount == 1000)
        #expect(sample.tableRows == nil, "a sample of as many rows as asked does not tell the table's")
        let estimate = try #require(sample.estimatedRows, "the planner gave no estimate")
        #expect(estimate > 0)
        #expect(try counting.value() == 48_842)
        #expect(!counting.failedForItsConnection)
    }

    @Test func aSampleSmallerThanAskedIsTheWholeTable() throws {
        let sample = try PostgresTables.source("adult").sample(limit: 100_000, work: WorkContext())
        #expect(sample.dataset.rowCount == 48_842)
        #expect(sample.tableRows == 48_842)
    }

    @Test func aCountStoppedWhileWaitedForEndsOnTheServer() throws {
        // 48,842 × 10⁶ rows: far longer to count than the test waits.
        let query = "SELECT a.* FROM adult a CROSS JOIN (SELECT 1 AS n FROM generate_series(1, 1000000)) AS g"
        let source = try PostgresSource(url: DatabaseURL(try PostgresTables.server().url()), query: query)
        let counting = source.startCount(work: WorkContext())
        let stop = CancellationFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { stop.cancel() }
        let clock = ContinuousClock(), started = clock.now
        #expect(throws: TuttiError.self) { try counting.value(WorkContext(cancellation: stop)) }
        #expect(clock.now - started < .seconds(30), "the count went on after it was stopped")
        #expect(!counting.failedForItsConnection, "the connection stood; the count was stopped")
    }
}
