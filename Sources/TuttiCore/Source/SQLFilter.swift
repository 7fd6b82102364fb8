/// A filter expression compiled to a SQL condition that keeps exactly the rows the in-memory
/// engine keeps, missing values included.
///
/// tutti's filters already follow SQL's three-valued logic (see `FilterExpression`), so `and`,
/// `or`, `not`, comparisons, `in`, `between` and `is null` map one to one. What differs is
/// made equal here:
/// - arithmetic runs in `DOUBLE PRECISION` (as in memory), not in the integers' own type, so
///   `7 / 2` is 3.5;
/// - a division or remainder by zero is missing (`NULLIF(divisor, 0)`), not an error;
/// - `log(x)` is missing for x ≤ 0 (`LN(CASE WHEN x > 0 THEN x END)`);
/// - `round(x)` rounds halves away from zero, written with `FLOOR` (engines round floats to even);
/// - non-integer literals are `CAST(… AS DOUBLE PRECISION)`, so an integer column compares with
///   2.5 as doubles, as in memory; integer literals stay exact;
/// - `contains(s, sub)` is `POSITION(sub IN s) > 0`, `len` is `CHAR_LENGTH`;
/// - a time compared with a string literal compares with that ISO 8601 time as a `TIMESTAMP`
///   in UTC (the connection's time zone), and `year`, `month`, `day`, `hour` and `weekday`
///   (ISO: 1 for Monday) are `EXTRACT`s.
///
/// Only SQL that PostgreSQL, CockroachDB, Redshift and ClickHouse's PostgreSQL interface share
/// is written. Not compiled (a clear error pointing at the culprit): regular expressions (`~`:
/// engines differ in their syntax) and `%` on non-integers (no portable floating remainder). Ordered comparisons of strings (`<`, `between`) follow the column's collation in the
/// engine; they equal tutti's byte order under the `C` or `C.UTF-8` collation.
///
/// Names and string values are quoted by `SQLQuoting` (the client library), never pasted.
public struct SQLFilter {
    /// The condition for a `WHERE` clause, or nil when the expression is blank (every row).
    public let condition: String?

    /// Checks `text` against `columns` (with the messages of `FilterExpression`: unknown columns
    /// with suggestions, type errors) and compiles it. Throws an `ExpressionError` for an
    /// invalid expression or one the engine cannot run with tutti's meaning.
    public init(_ text: String, columns: [SQLColumn], quoting: some SQLQuoting) throws {
        let dataset = SQLColumn.emptyDataset(columns, source: "")
        _ = try FilterExpression(text, dataset: dataset)
        guard let tree = try Parser.parse(text) else {
            condition = nil
            return
        }
        let compiler = SQLExpressionCompiler(text: text, columns: columns, quoting: quoting)
        condition = try compiler.compile(tree).sql
    }

    /// A finite double as an exact SQL literal: its shortest text cast to `DOUBLE PRECISION`.
    public static func double(_ value: Double) -> String {
        "CAST(\(value) AS DOUBLE PRECISION)"
    }

    /// `WHERE condition`, or nothing for every row; with a leading space.
    public var whereClause: String {
        condition.map { " WHERE " + $0 } ?? ""
    }
}
