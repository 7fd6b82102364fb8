import Foundation

/// Independent `SELECT`s run on two connections at once — the source's own and a second one to
/// the same URL — so that a server with more than one core works on two of them together. Each
/// connection takes the next statement when its last one ends. When the second connection
/// cannot be opened or set up (a server at its connection limit), everything runs on the first.
///
/// Stopping reaches both: the second connection is the first's companion while they run, so a
/// cancel of the first (`cancellable`'s watcher) stops the second's statement too; and a
/// statement that fails stops the one running on the other connection. The error thrown is the
/// first failure in time — a real refusal, not the sibling it cancelled.
///
/// Each connection reads in its own read-only transaction: over a table that changes while they
/// run, the two see it at slightly different moments.
enum ParallelSelects {
    /// The rows of every statement of `statements`, in their order; `setup` (a `SELECT` such as
    /// `set_config`) runs first on the second connection. Throws the first failure (the
    /// statements not started by then are not sent).
    static func run(_ statements: [String], on connection: PostgresConnection, setup: String? = nil) throws -> [PostgresRows] {
        guard statements.count > 1 else { return try statements.map { try connection.select($0) } }
        var second = try? PostgresConnection(url: connection.url)
        if let setup, let opened = second, (try? opened.select(setup)) == nil { second = nil }
        if let second { connection.addCompanion(second) }
        defer { if let second { connection.removeCompanion(second) } }
        let connections = [connection] + (second.map { [$0] } ?? [])
        let outcomes = Outcomes(count: statements.count)
        DispatchQueue.concurrentPerform(iterations: connections.count) { worker in
            while let index = outcomes.next() {
                let result = Result { try connections[worker].select(statements[index]) }
                outcomes.store(result, at: index)
                if case .failure = result {
                    for (other, peer) in connections.enumerated() where other != worker { peer.cancel() }
                }
            }
        }
        return try outcomes.rows()
    }
}

/// The results of `ParallelSelects` as they arrive, and which statement is next.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<PostgresRows, any Error>?]
    private var nextIndex = 0
    /// The first failure, in time.
    private var failure: (any Error)?

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    /// The next statement to run, or nil when all are taken or one failed.
    func next() -> Int? {
        lock.withLock {
            guard failure == nil, nextIndex < results.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func store(_ result: Result<PostgresRows, any Error>, at index: Int) {
        lock.withLock {
            results[index] = result
            if case .failure(let error) = result, failure == nil { failure = error }
        }
    }

    /// Every statement's rows, or the first failure in time (a statement is left unrun only
    /// after a failure).
    func rows() throws -> [PostgresRows] {
        try lock.withLock {
            if let failure { throw failure }
            return results.compactMap { try? $0?.get() }
        }
    }
}
