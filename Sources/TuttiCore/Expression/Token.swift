/// One lexical unit of an expression.
enum TokenKind: Equatable {
    case number(NumberConstant)
    case string(String)
    /// A bare identifier (possibly a keyword or a function name).
    case identifier(String)
    /// A back-quoted column name: never a keyword.
    case quotedIdentifier(String)
    case comparison(ComparisonOperator)
    case arithmetic(ArithmeticOperator)
    /// `&&` / `||`.
    case logical(LogicalOperator)
    /// `!`.
    case bang
    /// `~`.
    case tilde
    case leftParenthesis
    case rightParenthesis
    case comma
    case end
}

/// A token and the characters it covers.
struct Token: Equatable {
    let kind: TokenKind
    let range: Range<Int>

    /// The keyword this token spells (case-insensitively), if it is a bare identifier.
    var keyword: Keyword? {
        if case .identifier(let name) = kind { return Keyword(rawValue: name.lowercased()) }
        return nil
    }
}

/// The reserved words of the language (case-insensitive). Back-quote a column with one of
/// these names.
enum Keyword: String {
    case and, or, not, `in`, between, `is`, null, `true`, `false`
}
