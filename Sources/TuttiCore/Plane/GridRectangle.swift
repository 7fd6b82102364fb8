/// A rectangle of grid cells, both ends included: `columns` along x, `rows` along y (row 0 at
/// the lowest y).
public struct GridRectangle: Sendable, Equatable, Hashable {
    public let columns: ClosedRange<Int>
    public let rows: ClosedRange<Int>

    public init(columns: ClosedRange<Int>, rows: ClosedRange<Int>) {
        self.columns = columns
        self.rows = rows
    }

    /// The rectangle with corners (`column`, `row`) and (`otherColumn`, `otherRow`), in any order.
    public init(column: Int, row: Int, otherColumn: Int, otherRow: Int) {
        columns = min(column, otherColumn)...max(column, otherColumn)
        rows = min(row, otherRow)...max(row, otherRow)
    }

    /// Whether cell (`column`, `row`) lies inside.
    public func contains(column: Int, row: Int) -> Bool { columns.contains(column) && rows.contains(row) }
}
