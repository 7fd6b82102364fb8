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

    @Test func cancellingABrushCubeStopsBothOfItsQueriesOnTheServer() throws {
        let server = try PostgresTables.server()
        let source = try PostgresSource(url: DatabaseURL(server.url()),
                                        query: "SELECT a.* FROM adult a CROSS JOIN (SELECT 1 AS n FROM generate_series(1, 1000000)) AS g")
        let binnings = try ["age", "hours_per_week", "workclass", "sex", "race"].map {
            try ColumnBinning(dataset: AdultFixture.dataset, column: $0, bins: 8)
        }
        #expect(BinCube.faces(binCounts: binnings.map(\.binCount), maxFaceGroups: PostgresSource.maxCubeFaceGroups).count > 1)
        let flag = CancellationFlag()
        let work = WorkContext(cancellation: flag)
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { flag.cancel() }
        let started = Date()
        #expect(throws: TuttiError.self) {
            try source.connection.cancellable(work) { try source.binCube(of: binnings, where: "") }
        }
        #expect(Date().timeIntervalSince(started) < 15)
        // Neither part of the cube still runs on the server.
        let watcher = try PostgresConnection(url: DatabaseURL(server.url()))
        var running = 0
        for _ in 0..<20 {
            running = try watcher.select("SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active' "
                                         + "AND query LIKE '%GROUPING SETS%' AND pid <> pg_backend_pid()").integer(0, 0) ?? -1
            if running == 0 { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        #expect(running == 0)
    }
}
