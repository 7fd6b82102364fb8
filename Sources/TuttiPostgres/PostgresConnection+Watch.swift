import Foundation
import Synchronization
import TuttiCore

extension PostgresConnection {
    /// Runs `body` (queries on this connection) while a watcher checks `work` every 20 ms and,
    /// once it is cancelled, asks the server to stop the query running (`cancel`, libpq's
    /// `PQcancel`) — again every 100 ms until `body` returns, since a cancel that arrives
    /// between two queries stops nothing: a long query stops on the server too, not only when
    /// its rows arrive. Throws "cancelled" at once when `work` already is.
    public func cancellable<Value>(_ work: WorkContext, _ body: () throws -> Value) throws -> Value {
        guard let flag = work.cancellation else { return try body() }
        try work.check("the query")
        let watch = QueryWatch()
        DispatchQueue.global().async { [self] in
            while !watch.isDone {
                if flag.isCancelled {
                    cancel()
                    usleep(100_000)
                } else {
                    usleep(20_000)
                }
            }
        }
        defer { watch.finish() }
        return try body()
    }
}

/// Whether the work a watcher watches has ended.
private final class QueryWatch: Sendable {
    private let done = Atomic<Bool>(false)

    var isDone: Bool { done.load(ordering: .acquiring) }

    func finish() { done.store(true, ordering: .releasing) }
}
