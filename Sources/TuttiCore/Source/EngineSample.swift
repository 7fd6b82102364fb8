/// Rows of a table kept in a SQL engine, pulled into memory so that every pane can draw them,
/// and the engine's estimate of how many rows the table holds there (the exact count takes a
/// scan of the whole table, so it is asked for apart, in the background).
public struct EngineSample: Sendable {
    /// The sampled rows, strings that repeat enough made categorical as the loaders make them.
    public let dataset: Dataset
    /// The engine's estimate of the rows of the whole table (its planner's); nil when it gave none.
    public let estimatedRows: Int?
    /// The rows of the whole table when the sample tells them (it holds every row); else nil.
    public let tableRows: Int?

    /// The sample `rows` (as the engine's reader gives them: strings as text) of a table the
    /// engine estimates at `estimatedRows` rows, or that holds exactly `tableRows` when known.
    public init(rows: Dataset, estimatedRows: Int?, tableRows: Int? = nil) {
        dataset = Dataset(source: rows.source, rowCount: rows.rowCount, columns: rows.columns.map(Self.categorized))
        self.estimatedRows = estimatedRows
        self.tableRows = tableRows
    }

    /// The sample as a loaded table, for the explorer.
    public var loadResult: LoadResult {
        LoadResult(dataset: dataset, warnings: [])
    }

    /// A text column as one dictionary and codes when its values repeat enough (at most
    /// `ColumnAssembler.maxCategories` distinct, at most half the present rows), as a file's
    /// column would load; any other column as it is. Hashes the column's bytes in place (no
    /// `String` per row).
    static func categorized(_ column: Column) -> Column {
        guard case .text(let table) = column.data else { return column }
        let present = column.validity.count
        let limit = min(ColumnAssembler.maxCategories, present / 2)
        var dictionary = ByteDictionary()
        var codes = [UInt32](repeating: 0, count: column.rowCount)
        let coded = table.bytes.withUnsafeBufferPointer { bytes -> Bool in
            // A pointer for empty strings too (an empty arena has no base address).
            let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            for row in 0..<column.rowCount where column.validity.contains(row) {
                let start = table.offsets[row]
                codes[row] = dictionary.code(of: base + start, table.offsets[row + 1] - start)
                if dictionary.count > limit { return false }
            }
            return true
        }
        guard coded else { return column }
        let missing = UInt32(dictionary.count)
        for row in 0..<column.rowCount where !column.validity.contains(row) { codes[row] = missing }
        return Column(name: column.name, data: .categorical(codes: codes, dictionary: dictionary.entries), validity: column.validity)
    }
}
