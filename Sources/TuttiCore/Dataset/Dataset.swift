/// A loaded table: immutable, columnar, shared by every part of the program.
public final class Dataset: Sendable {
    /// Where the data came from (a path, "-" for standard input, or a name given by the caller).
    public let source: String
    /// The number of rows.
    public let rowCount: Int
    /// The columns, in file order.
    public let columns: [Column]
    /// Why a column has the kind it has, where that may surprise (column name → note), such as
    /// "holds lists of 3 and of 4 numbers, so it stays text"; shown by `tutti info`.
    public let columnNotes: [String: String]
    /// The columns computed by expressions (`--derive`, views), in the order they were added;
    /// they are also among `columns`.
    public let derivedColumns: [DerivedColumn]
    /// Each name's column index (the first, should a name repeat), so that looking a column
    /// up by name costs the same however wide the table.
    private let indexByName: [String: Int]

    /// A dataset; every column must have `rowCount` rows and a unique name.
    public init(source: String, rowCount: Int, columns: [Column], columnNotes: [String: String] = [:],
                derivedColumns: [DerivedColumn] = []) {
        precondition(columns.allSatisfy { $0.rowCount == rowCount }, "columns of different lengths")
        self.source = source
        self.rowCount = rowCount
        self.columns = columns
        self.columnNotes = columnNotes
        self.derivedColumns = derivedColumns
        indexByName = Dictionary(columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The index of the column called `name`, if any.
    public func columnIndex(named name: String) -> Int? {
        indexByName[name]
    }

    /// The column called `name`, if any.
    public func column(named name: String) -> Column? {
        columnIndex(named: name).map { columns[$0] }
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }
}
