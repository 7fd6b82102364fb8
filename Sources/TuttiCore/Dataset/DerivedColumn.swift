import Foundation

/// A column computed from the others by an expression (`margin = abs(score - 0.5)`), as
/// `--derive` and view files record it.
public struct DerivedColumn: Sendable, Equatable, Codable {
    /// The new column's name.
    public let name: String
    /// The expression computing it (see `Dataset.adding(_:)`).
    public let expression: String

    /// A derivation of `name` from `expression`.
    public init(name: String, expression: String) {
        self.name = name
        self.expression = expression
    }

    /// Reads `NAME=EXPR` (spaces around the name allowed; `==` in the expression is fine).
    /// Throws a message when there is no `=` or no name.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "=") else {
            throw TuttiError("--derive needs NAME=EXPRESSION, such as 'margin=abs(score - 0.5)', got '\(text)'")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw TuttiError("--derive: no column name before '=' in '\(text)'") }
        self.init(name: String(name), expression: String(text[text.index(after: equals)...]))
    }
}
