/// What a format parser hands to the column assembler: column names, the parsed chunks, and
/// how to read a chunk's column again as strings when chunks disagree on its type.
struct ParsedTable {
    /// Column names, unique, in order.
    var names: [String]
    /// Rows per chunk, in input order.
    var chunkRowCounts: [Int]
    /// Parsed columns by chunk.
    var grid: ChunkGrid
    /// Columns to keep as text.
    var textColumns: Set<Int>
    /// Re-reads columns of one chunk with every value kept as a string, one piece per column
    /// asked for, in that order: the chunk is read once however many columns are asked for
    /// (one read per column made a file of 50,000 columns take half a minute).
    var reparseAsStrings: @Sendable (_ chunk: Int, _ columns: [Int]) -> [ChunkColumn]
    /// The 1-based input line of a chunk-local row, for messages.
    var lineOfRow: @Sendable (_ chunk: Int, _ row: Int) -> Int
    /// Problems the parser repaired.
    var warnings: [LoadWarning]
    /// Columns the parser built whole, by column index: one piece holding every row (missing
    /// rows numbered from the table's first row), taken as it is; their grid slots are ignored.
    /// Never a column kept as text.
    var wholeColumns: [Int: ChunkColumn] = [:]
    /// The number columns whose chunks wrote their values in place (see `PlacedColumns`).
    var placed: PlacedColumns?
}
