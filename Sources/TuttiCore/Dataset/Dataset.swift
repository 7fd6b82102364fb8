/// A loaded table: immutable, columnar, shared by every part of the program.
public final class Dataset: Sendable {
    /// Where the data came from (a path, "-" for standard input, or a name given by the caller).
    public let source: String
    /// The number of rows.
    public let rowCount: Int
    /// The columns, in file order.
    public let columns: [Column]

    /// A dataset; every column must have `rowCount` rows and a unique name.
    public init(source: String, rowCount: Int, columns: [Column]) {
        precondition(columns.allSatisfy { $0.rowCount == rowCount }, "columns of different lengths")
        self.source = source
        self.rowCount = rowCount
        self.columns = columns
    }

    /// The index of the column called `name`, if any.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The column called `name`, if any.
    public func column(named name: String) -> Column? {
        columnIndex(named: name).map { columns[$0] }
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }
}
