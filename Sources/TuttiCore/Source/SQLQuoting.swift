/// Quotes names and values into SQL text. A connection implements it with its client library's
/// own functions (libpq's `PQescapeIdentifier` and `PQescapeLiteral`), which know the server's
/// encoding and quoting rules; SQL text is never built by pasting a name or a value in.
public protocol SQLQuoting {
    /// `name` as a quoted identifier (`"hours per week"`).
    func identifier(_ name: String) throws -> String
    /// `value` as a quoted string literal (`'Female'`).
    func literal(_ value: String) throws -> String
}
