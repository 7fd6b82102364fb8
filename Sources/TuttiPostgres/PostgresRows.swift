import CLibPQ

/// The rows a `SELECT` returned, as text (libpq's `PGresult`, freed with the value).
public final class PostgresRows: @unchecked Sendable {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) {
        self.result = result
    }

    deinit { PQclear(result) }

    /// The number of rows.
    public var count: Int { Int(PQntuples(result)) }

    /// The number of columns.
    public var columnCount: Int { Int(PQnfields(result)) }

    /// The name of column `column`.
    public func name(_ column: Int) -> String {
        String(cString: PQfname(result, Int32(column)))
    }

    /// The type (a PostgreSQL type OID) of column `column`.
    public func typeOID(_ column: Int) -> UInt32 {
        PQftype(result, Int32(column))
    }

    /// The value at `row`, `column` as the server wrote it; nil for NULL.
    public func text(_ row: Int, _ column: Int) -> String? {
        if PQgetisnull(result, Int32(row), Int32(column)) != 0 { return nil }
        return String(cString: PQgetvalue(result, Int32(row), Int32(column)))
    }

    /// The value at `row`, `column` as an integer; nil for NULL or text that is not one.
    public func integer(_ row: Int, _ column: Int) -> Int? {
        text(row, column).flatMap { Int($0) }
    }

    /// The value at `row`, `column` as a double (`NaN`, `Infinity` included); nil for NULL.
    public func double(_ row: Int, _ column: Int) -> Double? {
        text(row, column).flatMap(PostgresTypes.double)
    }
}
