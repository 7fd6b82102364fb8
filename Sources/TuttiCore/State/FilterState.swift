/// The filter: which rows every pane sees.
public struct FilterState: Sendable, Equatable {
    /// The expression as the user wrote it ("" = every row), or a description of a row list.
    public let expression: String
    /// The rows that pass.
    public let rows: RowSet
    /// Whether `expression` is a filter expression (false when the filter is a row list, e.g.
    /// after "filter to selection" of hand-picked rows).
    public let isExpression: Bool

    /// Every row of a dataset.
    public static func all(rowCount: Int) -> FilterState {
        FilterState(expression: "", rows: RowSet(rowCount: rowCount, allSet: true), isExpression: true)
    }

    public init(expression: String, rows: RowSet, isExpression: Bool) {
        self.expression = expression
        self.rows = rows
        self.isExpression = isExpression
    }

    /// Whether every row passes.
    public var isEmpty: Bool { expression.isEmpty && isExpression }
}
