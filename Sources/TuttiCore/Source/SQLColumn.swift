/// A column of a table in a SQL engine, as tutti sees it: its name and the kind its values
/// take (integer, float, boolean, datetime or text; other types are read as text).
public struct SQLColumn: Sendable, Equatable {
    /// The column's name.
    public let name: String
    /// The kind of its values: `.integer`, `.float`, `.boolean`, `.datetime` or `.text`.
    public let kind: ColumnKind

    /// A column called `name` holding values of `kind`.
    public init(name: String, kind: ColumnKind) {
        self.name = name
        self.kind = kind
    }

    /// A table of no rows with `columns`: what the expression checker, role inference and
    /// messages (suggested names) look at for a table that stays in the engine. Strings are
    /// categorical there, the kind roles by name expect.
    public static func emptyDataset(_ columns: [SQLColumn], source: String) -> Dataset {
        let empty = RowSet(rowCount: 0)
        return Dataset(source: source, rowCount: 0, columns: columns.map { column in
            let data: ColumnData = switch column.kind {
            case .integer: .integer([])
            case .float: .float([])
            case .boolean: .boolean([])
            case .datetime: .datetime([])
            default: .categorical(codes: [], dictionary: StringTable())
            }
            return Column(name: column.name, data: data, validity: empty)
        })
    }
}
