import Foundation

/// Independent `SELECT`s run on two connections at once — the source's own and a second one to
/// the same URL — so that a server with more than one core works on two of them together. Each
/// connection takes the next statement when its last one ends. When the second connection
/// cannot be opened (a server at its connection limit), everything runs on the first.
///
/// A statement that fails (cancelled on the first connection included: `cancellable` watches
/// that one) stops the statement running on the other connection too, on the server.
///
/// Each connection reads in its own read-only transaction: over a table that changes while they
/// run, the two see it at slightly different moments.
enum ParallelSelects {
    /// The rows of every statement of `statements`, in their order; `setup` (a `SELECT` such as
    /// `set_config`) runs first on the second connection. Throws the first failure (the
    /// statements not started by then are not sent).
    static func run(_ statements: [String], on connection: PostgresConnection, setup: String? = nil) throws -> [PostgresRows] {
        guard statements.count > 1 else { return try statements.map { try connection.select($0) } }
        let second = try? PostgresConnection(url: connection.url)
        if let second, let setup { _ = try second.select(setup) }
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
    private var failed = false

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    /// The next statement to run, or nil when all are taken or one failed.
    func next() -> Int? {
        lock.withLock {
            guard !failed, nextIndex < results.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func store(_ result: Result<PostgresRows, any Error>, at index: Int) {
        lock.withLock {
            results[index] = result
            if case .failure = result { failed = true }
        }
    }

    /// Every statement's rows, or the first failure in statement order (a statement is left
    /// unrun only after a failure).
    func rows() throws -> [PostgresRows] {
        try lock.withLock {
            for case .failure(let error)? in results { throw error }
            return results.compactMap { try? $0?.get() }
        }
    }
}
