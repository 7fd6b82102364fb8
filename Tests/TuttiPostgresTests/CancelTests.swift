import Foundation
import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// A query stops on the server when its work is cancelled, while it runs, not only between rows.
@Suite struct CancelTests {
    @Test func cancellingTheWorkStopsALongCountOnTheServer() throws {
        let server = try PostgresTables.server()
        let source = try PostgresSource(url: DatabaseURL(server.url()),
                                        query: "SELECT a.* FROM adult a CROSS JOIN (SELECT 1 AS n FROM generate_series(1, 1000000)) AS g")
        let flag = CancellationFlag()
        let work = WorkContext(cancellation: flag)
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { flag.cancel() }
        let started = Date()
        #expect(throws: TuttiError.self) { try source.connection.cancellable(work) { try source.rowCount(where: "") } }
        #expect(Date().timeIntervalSince(started) < 15)
        // The connection still answers afterwards.
        #expect(try source.connection.select("SELECT 1").integer(0, 0) == 1)
    }
}
