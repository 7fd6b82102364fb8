import Foundation
import TuttiCore

/// A `SELECT COUNT(*)` run in the background on a connection of its own, so that a source's
/// connection can stream rows meanwhile (`PostgresSource.sample`: the table's row count and the
/// sample arrive together, not one after the other). Stopped on the server when `work` is
/// cancelled, as `PostgresConnection.cancellable` stops a query.
final class BackgroundCount: @unchecked Sendable {
    private let connection: PostgresConnection
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the counting thread before `done` is signalled; read after waiting on it.
    private var result: Result<Int, any Error> = .failure(TuttiError("the database gave no row count"))

    /// Starts `sql` (a `SELECT COUNT(*) …`) on a new connection to `url`; nil when that
    /// connection cannot be opened (a server at its connection limit).
    init?(url: DatabaseURL, sql: String, work: WorkContext) {
        guard let connection = try? PostgresConnection(url: url) else { return nil }
        self.connection = connection
        DispatchQueue.global().async { [self] in
            result = Result {
                let rows = try connection.cancellable(work) { try connection.select(sql) }
                guard let count = rows.integer(0, 0) else { throw TuttiError("the database gave no row count") }
                return count
            }
            done.signal()
        }
    }

    /// The count, once the server gave it; throws what the query threw.
    func value() throws -> Int {
        done.wait()
        done.signal()
        return try result.get()
    }

    /// Stops the count on the server and waits for it to end.
    func stop() {
        connection.cancel()
        _ = try? value()
    }
}
