/// Rows of a table kept in a SQL engine, pulled into memory so that every pane can draw them,
/// and how many rows the table holds there.
public struct EngineSample: Sendable {
    /// The sampled rows, strings that repeat enough made categorical as the loaders make them.
    public let dataset: Dataset
    /// The rows of the whole table in the engine.
    public let tableRows: Int

    /// The sample `rows` (as the engine's reader gives them: strings as text) of a table of
    /// `tableRows` rows.
    public init(rows: Dataset, tableRows: Int) {
        dataset = Dataset(source: rows.source, rowCount: rows.rowCount, columns: rows.columns.map(Self.categorized))
        self.tableRows = tableRows
    }

    /// The sample as a loaded table, for the explorer.
    public var loadResult: LoadResult {
        LoadResult(dataset: dataset, warnings: [])
    }

    /// A text column as one dictionary and codes when its values repeat enough (at most
    /// `ColumnAssembler.maxCategories` distinct, at most half the present rows), as a file's
    /// column would load; any other column as it is.
    static func categorized(_ column: Column) -> Column {
        guard case .text(let table) = column.data else { return column }
        let present = column.validity.count
        let limit = min(ColumnAssembler.maxCategories, present / 2)
        var codeOf: [String: UInt32] = [:], dictionary = StringTable()
        var codes = [UInt32](repeating: 0, count: column.rowCount)
        for row in 0..<column.rowCount where column.validity.contains(row) {
            let value = table[row]
            if let code = codeOf[value] {
                codes[row] = code
                continue
            }
            guard codeOf.count < limit else { return column }
            let code = UInt32(codeOf.count)
            codeOf[value] = code
            dictionary.append(value)
            codes[row] = code
        }
        let missing = UInt32(codeOf.count)
        for row in 0..<column.rowCount where !column.validity.contains(row) { codes[row] = missing }
        return Column(name: column.name, data: .categorical(codes: codes, dictionary: dictionary), validity: column.validity)
    }
}
