import CLibPQ
import Foundation
import TuttiCore

/// One read-only connection to a server that speaks the PostgreSQL protocol, through libpq.
///
/// Read-only twice over: the session starts with `default_transaction_read_only=on` (a startup
/// option, not a statement), and everything runs inside one `BEGIN TRANSACTION READ ONLY`, in
/// which nothing can make the transaction writable again. Besides opening and ending that
/// transaction, only statements starting with `SELECT`, `COPY (` or `EXPLAIN SELECT` (which plans
/// the query and runs nothing) are sent, each on its own through the extended protocol (which
/// refuses a second statement in the text).
///
/// Messages name the server by `DatabaseURL.redacted`: never the password. Not for concurrent
/// use, except `cancel()`, which any thread may call while a query runs.
public final class PostgresConnection: SQLQuoting, @unchecked Sendable {
    /// The URL connected to.
    public let url: DatabaseURL
    private let connection: OpaquePointer
    private let cancelHandle: OpaquePointer?
    /// Connections stopped with this one (`addCompanion`); guarded by `companionLock`.
    private var companions: [PostgresConnection] = []
    private let companionLock = NSLock()

    /// Seconds to wait for the server when the URL says nothing (`connect_timeout`).
    public static let defaultConnectTimeout = 10

    /// Connects to `url` and opens the read-only transaction. Throws a `TuttiError` naming the
    /// URL without its password when the server cannot be reached or refuses the connection.
    public init(url: DatabaseURL) throws {
        self.url = url
        // Earlier entries are defaults the URL may override; later ones override the URL.
        let settings: [(String, String)] = [
            ("connect_timeout", String(Self.defaultConnectTimeout)),
            ("fallback_application_name", "tutti"),
            ("dbname", url.connectionURI),
            ("client_encoding", "UTF8"),
            ("options", "-c default_transaction_read_only=on -c TimeZone=UTC"),
        ]
        let keywords = settings.map { strdup($0.0) }, values = settings.map { strdup($0.1) }
        defer { (keywords + values).forEach { free($0) } }
        let keywordArray = keywords.map { UnsafePointer($0) } + [nil]
        let valueArray = values.map { UnsafePointer($0) } + [nil]
        guard let connection = PQconnectdbParams(keywordArray, valueArray, 1) else {
            throw TuttiError("cannot connect to \(url.redacted): out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = Self.message(PQerrorMessage(connection))
            PQfinish(connection)
            throw TuttiError("cannot connect to \(url.redacted): \(reason)")
        }
        self.connection = connection
        cancelHandle = PQgetCancel(connection)
        try transaction("BEGIN TRANSACTION READ ONLY")
    }

    deinit {
        if let cancelHandle { PQfreeCancel(cancelHandle) }
        PQfinish(connection)
    }

    // MARK: Queries

    /// Runs one `SELECT` and returns its rows as text. Throws a `TuttiError`: the server's
    /// message, "query cancelled", or a lost connection.
    public func select(_ sql: String) throws -> PostgresRows {
        precondition(sql.hasPrefix("SELECT "), "only SELECT statements are sent")
        let result = PQexecParams(connection, sql, 0, nil, nil, nil, nil, 0)
        guard PQresultStatus(result) == PGRES_TUPLES_OK, let result else { throw failed(result) }
        return PostgresRows(result)
    }

    /// The planner's estimate of the rows a `SELECT` returns, from the top line of its plan
    /// (`EXPLAIN`, without `ANALYZE`: the query is planned, not run), as PostgreSQL and the
    /// engines derived from it print it (`… rows=N …`); nil when the server refuses `EXPLAIN` or
    /// prints its plan otherwise.
    public func estimatedRows(of sql: String) -> Int? {
        precondition(sql.hasPrefix("SELECT "), "only SELECT statements are explained")
        let result = PQexecParams(connection, "EXPLAIN " + sql, 0, nil, nil, nil, nil, 0)
        guard PQresultStatus(result) == PGRES_TUPLES_OK, let result else {
            _ = failed(result)
            return nil
        }
        let rows = PostgresRows(result)
        guard rows.count > 0, let line = rows.text(0, 0), let match = line.firstMatch(of: /rows=(\d+)/) else { return nil }
        return Int(match.1)
    }

    /// Runs `COPY (query) TO STDOUT …` and hands each row's bytes (one line of COPY's text
    /// format, line end included) to `row`. When `row` throws, the server is told to cancel and
    /// the error is rethrown once the connection is usable again.
    public func copyOut(_ sql: String, row: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        precondition(sql.hasPrefix("COPY ("), "only COPY (query) TO STDOUT is sent")
        let start = PQexecParams(connection, sql, 0, nil, nil, nil, nil, 0)
        guard PQresultStatus(start) == PGRES_COPY_OUT else { throw failed(start) }
        PQclear(start)
        var stopped: (any Error)?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(connection, &buffer, 0)
            if length < 0 { break }
            guard let buffer else { continue }
            defer { PQfreemem(buffer) }
            guard stopped == nil else { continue }
            do {
                try buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    try row(UnsafeBufferPointer(start: $0, count: Int(length)))
                }
            } catch {
                stopped = error
                cancel()
            }
        }
        var problem: TuttiError?
        while let result = PQgetResult(connection) {
            if problem == nil, PQresultStatus(result) != PGRES_COMMAND_OK { problem = failure(result) } else { PQclear(result) }
        }
        recover()
        if let stopped { throw stopped }
        if let problem { throw problem }
    }

    /// Asks the server to stop the query running now (libpq's `PQcancel`), and those of the
    /// companions working with it (`addCompanion`); the query then fails with "query cancelled".
    /// Safe from any thread; does nothing when no query runs.
    public func cancel() {
        for companion in companionLock.withLock({ companions }) { companion.cancel() }
        guard let cancelHandle else { return }
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancelHandle, &message, Int32(message.count))
    }

    /// Makes `companion` (another connection running part of this one's work) stop whenever this
    /// one is cancelled, until `removeCompanion`.
    func addCompanion(_ companion: PostgresConnection) {
        companionLock.withLock { companions.append(companion) }
    }

    /// Ends what `addCompanion` began.
    func removeCompanion(_ companion: PostgresConnection) {
        companionLock.withLock { companions.removeAll { $0 === companion } }
    }

    /// Whether the connection still stands (false once the server or the network dropped it).
    public var isConnected: Bool { PQstatus(connection) == CONNECTION_OK }

    // MARK: Quoting

    /// `name` quoted by libpq's `PQescapeIdentifier`.
    public func identifier(_ name: String) throws -> String {
        try escaped(name, PQescapeIdentifier)
    }

    /// `value` quoted by libpq's `PQescapeLiteral`.
    public func literal(_ value: String) throws -> String {
        try escaped(value, PQescapeLiteral)
    }

    private func escaped(_ text: String,
                         _ escape: (OpaquePointer?, UnsafePointer<CChar>?, Int) -> UnsafeMutablePointer<CChar>?) throws -> String {
        guard !text.utf8.contains(0) else { throw TuttiError("a name or value holds a NUL character, which SQL cannot hold") }
        let count = text.utf8.count
        guard let quoted = escape(connection, text, count) else {
            throw TuttiError("cannot quote \(text.debugDescription): \(Self.message(PQerrorMessage(connection)))")
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    // MARK: Errors

    /// The error for a failed statement; clears `result`.
    private func failure(_ result: OpaquePointer?) -> TuttiError {
        defer { PQclear(result) }
        if PQstatus(connection) != CONNECTION_OK {
            return TuttiError("lost the connection to \(url.redacted): \(Self.message(PQerrorMessage(connection)))")
        }
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        let reason = Self.message(result.map { PQresultErrorMessage($0) } ?? PQerrorMessage(connection))
        if state == "57014" { return TuttiError("query cancelled on \(url.redacted)") }
        return TuttiError("the database refused a query: \(reason)")
    }

    /// The error for a failed statement whose results are all read; clears `result` and
    /// recovers the transaction.
    private func failed(_ result: OpaquePointer?) -> TuttiError {
        let error = failure(result)
        recover()
        return error
    }

    /// Opens a new read-only transaction in place of the one a failed statement aborted (when
    /// the connection still stands), so that the next query runs.
    private func recover() {
        if PQstatus(connection) == CONNECTION_OK, PQtransactionStatus(connection) == PQTRANS_INERROR {
            try? transaction("ROLLBACK")
            try? transaction("BEGIN TRANSACTION READ ONLY")
        }
    }

    /// Opens or ends the read-only transaction.
    private func transaction(_ statement: String) throws {
        let result = PQexec(connection, statement)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw TuttiError("\(statement) failed on \(url.redacted): \(Self.message(PQerrorMessage(connection)))")
        }
    }

    /// A libpq message on one line (its lines joined as sentences), without its `ERROR:` prefix.
    static func message(_ text: UnsafePointer<CChar>?) -> String {
        var message = text.map { String(cString: $0) } ?? "unknown error"
        for prefix in ["ERROR:  ", "FATAL:  "] where message.hasPrefix(prefix) { message.removeFirst(prefix.count) }
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return lines.enumerated().map { index, line in
            index + 1 < lines.count && !(line.last?.isPunctuation ?? true) ? line + "." : line
        }.joined(separator: " ")
    }
}
