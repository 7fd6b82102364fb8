import Foundation

/// A column computed from the others by an expression (`margin = abs(score - 0.5)`), as
/// `--derive` and view files record it.
public struct DerivedColumn: Sendable, Equatable, Codable {
    /// The new column's name.
    public let name: String
    /// The expression computing it (see `ColumnExpression`).
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

extension LoadResult {
    /// The result with `derived` added to its dataset (see `Dataset.adding(_:)`).
    public func adding(_ derived: [DerivedColumn]) throws -> LoadResult {
        derived.isEmpty ? self : LoadResult(dataset: try dataset.adding(derived), warnings: warnings)
    }
}

extension Dataset {
    /// This dataset with `derived` computed and added as its last column (recorded in
    /// `derivedColumns`). Throws when the name is taken, or the expression's
    /// `ExpressionError` (rendered with carets) for a syntax or type error.
    public func adding(_ derived: DerivedColumn) throws -> Dataset {
        guard columnIndex(named: derived.name) == nil else {
            throw TuttiError("derived column '\(derived.name)': the dataset already has a column of that name")
        }
        let column: Column
        do {
            column = try ColumnExpression(derived.expression, dataset: self).column(named: derived.name)
        } catch {
            throw TuttiError("derived column '\(derived.name)': " + error.description)
        }
        return Dataset(source: source, rowCount: rowCount, columns: columns + [column], columnNotes: columnNotes,
                       derivedColumns: derivedColumns + [derived])
    }

    /// This dataset with every derivation of `derived` added in order (later ones may use
    /// earlier ones).
    public func adding(_ derived: [DerivedColumn]) throws -> Dataset {
        try derived.reduce(self) { try $0.adding($1) }
    }
}
