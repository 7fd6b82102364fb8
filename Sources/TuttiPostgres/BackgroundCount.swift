import Foundation
import TuttiCore

/// A `SELECT COUNT(*)` run in the background on a connection of its own, opened in the
/// background too, so that a source's connection streams the sample meanwhile and the explorer
/// draws it without waiting for the count (`PostgresSource.startCount`). Stopped on the server
/// when the work it started with is cancelled, when the work waiting for it (`value`) is, or by
/// `stop`.
public final class BackgroundCount: @unchecked Sendable {
    private let lock = NSLock()
    /// The count's connection, once open; guarded by `lock`.
    private var connection: PostgresConnection?
    /// Whether `stop` was called; guarded by `lock`.
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the counting thread before `done` is signalled; read after waiting on it.
    private var result: Result<Int, any Error> = .failure(TuttiError("the database gave no row count"))
    /// Written once by the counting thread before `done` is signalled: whether the count could
    /// not run on its own connection (it could not be opened, or was lost), so that the caller
    /// may count on its own.
    private var connectionFailed = false

    /// Opens a new connection to `url` and runs `sql` (a `SELECT COUNT(*) …`) there, in the
    /// background; stopped when `work` is cancelled.
    init(url: DatabaseURL, sql: String, work: WorkContext) {
        DispatchQueue.global().async { [self] in
            result = Result {
                let connection = try PostgresConnection(url: url)
                guard lock.withLock({ () -> Bool in
                    self.connection = connection
                    return !stopped
                }) else { throw TuttiError("the row count was stopped") }
                let rows = try connection.cancellable(work) { try connection.select(sql) }
                guard let count = rows.integer(0, 0) else { throw TuttiError("the database gave no row count") }
                return count
            }
            connectionFailed = lock.withLock { connection.map { !$0.isConnected } ?? true }
            lock.withLock { connection = nil }
            done.signal()
        }
    }

    /// The count, once the server gave it; throws what the query threw. When `work` is
    /// cancelled meanwhile, stops the count on the server and throws "cancelled".
    public func value(_ work: WorkContext = WorkContext()) throws -> Int {
        while done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if work.isCancelled { cancelQuery() }
        }
        done.signal()
        try work.check("the row count")
        return try result.get()
    }

    /// Whether the count failed because its own connection could not be opened or was lost
    /// (then the rows may still be counted on another connection); waits for the count to end.
    public var failedForItsConnection: Bool {
        _ = try? value()
        return connectionFailed
    }

    /// Stops the count on the server and waits for it to end (asking again every 20 ms, since a
    /// cancel that arrives before the query starts stops nothing).
    public func stop() {
        lock.withLock { stopped = true }
        let cancelled = CancellationFlag()
        cancelled.cancel()
        _ = try? value(WorkContext(cancellation: cancelled))
    }

    private func cancelQuery() {
        lock.withLock { connection }?.cancel()
    }
}
