/// Encodes whole rows of a list of columns: the bytes around the cells (delimiters and line ends in
/// CSV / TSV, braces and keys in JSON Lines) and each column's cells.
struct RowEncoder {
    /// The first line of the file: the column names in CSV / TSV, nothing in JSON Lines.
    let header: [UInt8]
    /// Entry `i` is written before cell `i`: a delimiter, or `{"name":` / `,"name":`.
    private let prefixes: StringTable
    /// Written after the last cell: `\n` or `}\n`.
    private let terminator: StaticString
    private let writers: [CellWriter]
    /// The same writers, called without retain and release per cell (`writers` keeps them alive).
    private let unretainedWriters: [Unmanaged<CellWriter>]

    /// An encoder for `columns` (at least one) in `format`.
    init(columns: [Column], format: ExportFormat) {
        let syntax: CellSyntax
        let scratch = OutputBuffer(capacity: 256)
        var offsets = [0]
        switch format {
        case .csv, .tsv:
            syntax = .delimited(singleColumn: columns.count == 1)
            let delimiter = format == .tsv ? UInt8(ascii: "\t") : UInt8(ascii: ",")
            for (index, column) in columns.enumerated() {
                if index > 0 { scratch.append(delimiter) }
                var name = column.name
                name.withUTF8 { syntax.appendString($0, to: scratch) }
            }
            scratch.append(UInt8(ascii: "\n"))
            header = Array(scratch.bytes)
            scratch.removeAll()
            for index in columns.indices {
                if index > 0 { scratch.append(delimiter) }
                offsets.append(scratch.count)
            }
            terminator = "\n"
        case .jsonl:
            syntax = .json
            header = []
            for (index, column) in columns.enumerated() {
                scratch.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
                var name = column.name
                name.withUTF8 { syntax.appendString($0, to: scratch) }
                scratch.append(UInt8(ascii: ":"))
                offsets.append(scratch.count)
            }
            terminator = "}\n"
        case .parquet:
            preconditionFailure("Parquet files are written column by column by ParquetFileWriter, not row by row")
        }
        prefixes = StringTable(bytes: Array(scratch.bytes), offsets: offsets)
        writers = columns.map { CellWriter.make(for: $0, syntax: syntax) }
        unretainedWriters = writers.map { .passUnretained($0) }
    }

    /// Appends row `row`.
    @inline(__always)
    func encode(row: Int, to out: OutputBuffer) {
        for index in unretainedWriters.indices {
            prefixes.withBytes(at: index) { out.append($0) }
            unretainedWriters[index]._withUnsafeGuaranteedRef { $0.write(row: row, to: out) }
        }
        out.append(terminator)
    }
}

