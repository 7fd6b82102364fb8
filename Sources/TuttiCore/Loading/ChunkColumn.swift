/// The typed values of one column within one chunk of the input, before chunks are joined.
enum ChunkValues {
    /// Every cell was missing: the column's type is decided by the other chunks.
    case allMissing
    case integer([Int64])
    case float([Double])
    case boolean([Bool])
    case strings(StringColumnBuilder)
    case vector(width: Int, values: [Float])

    /// A rank used to join kinds across chunks: nil where kinds cannot join without strings.
    var kindName: String {
        switch self {
        case .allMissing: "missing"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .strings: "string"
        case .vector: "vector"
        }
    }
}

/// One column of one chunk: its values and the rows (chunk-local) that are missing.
struct ChunkColumn {
    var values: ChunkValues
    var missingRows: [Int32]
    var rowCount: Int
    /// A problem found while building, with the chunk-local row it concerns.
    var failure: (row: Int, message: String)?
    /// Why the column stays text although its cells looked typed (lists of two widths).
    var note: String?
    /// Whether the vectors came from bracketed lists in text cells (whose widths may differ
    /// between chunks without an error: the column then stays text).
    var vectorsFromText = false
    /// The first row of these values in the column's `PlacedColumn`, where the parser wrote
    /// them; the `.integer` or `.float` array is then empty.
    var placedRow: Int?
    /// Whether the rows were handed over to the column's `OrderedTextColumn` (the values keep
    /// only what the builder found).
    var handedOver = false
}
