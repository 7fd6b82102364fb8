/// Writes columns of a dataset, for a list of rows, as a Parquet file: row groups of about
/// 128 MiB whose columns are encoded on all cores, then the footer. Rows that arrive in batches
/// (`StreamingRowExporter`) go in with `begin`, one `append` per batch (a row group each) and
/// `finish`.
///
/// Types: integer → INT64, float → DOUBLE, boolean → BOOLEAN, categorical → a dictionary-encoded
/// STRING, text → STRING, vector → LIST<FLOAT>. Every column is optional (missing cells are nulls).
struct ParquetFileWriter {
    /// The columns: their names and kinds make the schema (a batch's string columns may be
    /// categorical or text alike).
    let columns: [Column]
    let compression: ParquetCompression
    /// Where the next column chunk goes.
    private var offset: Int64 = 0
    /// The row groups written, for the footer.
    private var groups: [(rowCount: Int, placements: [Placement])] = []
    private var rowCount = 0

    /// Bytes of encoded values aimed at per row group.
    static let rowGroupBytes = 128 << 20

    /// Where a column chunk went and what the footer says of it.
    private struct Placement {
        var offset: Int64
        var compressedSize: Int
        var chunk: ParquetColumnEncoder.Chunk
    }

    /// A writer of `columns` (a template of the schema for `append`).
    init(columns: [Column], compression: ParquetCompression) {
        self.columns = columns
        self.compression = compression
    }

    /// Writes `rows` (in that order) of `columns` to `sink`, calling `progress` with the rows done
    /// after each row group (it throws to stop the export).
    mutating func write(rows: [Int], to sink: any ByteSink, progress: (Int) throws -> Void) throws {
        try begin(to: sink)
        let rowsPerGroup = max(1, Self.rowGroupBytes / max(1, estimatedRowBytes()))
        var start = 0
        repeat {
            let end = min(rows.count, start + rowsPerGroup)
            try append(columns, rows: rows[start..<end], to: sink)
            try progress(end)
            start = end
        } while start < rows.count
        try finish(to: sink)
    }

    /// Starts the file (a writer used before starts afresh).
    mutating func begin(to sink: any ByteSink) throws {
        try Self.emit(Self.magic, to: sink)
        offset = Int64(Self.magic.count)
        groups = []
        rowCount = 0
    }

    /// The schema of `columns` alone: their names and kinds, no rows (so a writer of batches
    /// holds none of the first batch's values).
    static func schema(of columns: [Column]) -> [Column] {
        columns.map { column in
            let data: ColumnData = switch column.data {
            case .integer: .integer([])
            case .float: .float([])
            case .boolean: .boolean([])
            case .categorical: .categorical(codes: [], dictionary: StringTable())
            case .text: .text(StringTable())
            case .vector(let width, _): .vector(width: width, values: [])
            case .datetime: .datetime([])
            }
            return Column(name: column.name, data: data, validity: RowSet(rowCount: 0))
        }
    }

    /// Writes `rows` of `batch` (columns with the schema's names and kinds) as one row group.
    mutating func append(_ batch: [Column], rows: ArraySlice<Int>, to sink: any ByteSink) throws {
        let encoded = ResultSlots<Result<ParquetColumnEncoder.Chunk, Error>>.collect(count: batch.count) { index in
            Result { try ParquetColumnEncoder(column: batch[index], compression: compression).encode(rows: rows) }
        }
        var placements: [Placement] = []
        for outcome in encoded {
            var chunk = try outcome.get()
            try Self.emit(chunk.bytes, to: sink)
            let size = chunk.bytes.count
            // The footer needs only the chunk's metadata.
            chunk.bytes = []
            placements.append(Placement(offset: offset, compressedSize: size, chunk: chunk))
            offset += Int64(size)
        }
        groups.append((rows.count, placements))
        rowCount += rows.count
    }

    /// Ends the file with its footer.
    func finish(to sink: any ByteSink) throws {
        let footer = footer()
        try Self.emit(footer, to: sink)
        var trailer: [UInt8] = []
        appendLittleEndian(UInt32(footer.count), to: &trailer)
        try Self.emit(trailer + Self.magic, to: sink)
    }

    /// Whether `batch` fits the schema: the same names, and kinds written the same way.
    func accepts(_ batch: [Column]) -> Bool {
        batch.count == columns.count && zip(batch, columns).allSatisfy { a, b in
            a.name == b.name && (a.kind == b.kind || Self.isString(a.kind) && Self.isString(b.kind))
        }
    }

    private static func isString(_ kind: ColumnKind) -> Bool { kind == .categorical || kind == .text }

    private static let magic: [UInt8] = Array("PAR1".utf8)

    private static func emit(_ bytes: [UInt8], to sink: any ByteSink) throws {
        try bytes.withUnsafeBytes { try sink.write($0) }
    }

    private func estimatedRowBytes() -> Int {
        columns.reduce(0) { total, column in
            let bytes = switch column.data {
            case .vector(let width, _): width * 4
            case .boolean: 1
            case .categorical: 2
            case .text(let table): table.bytes.count / max(table.count, 1) + 4
            default: 8
            }
            return total + bytes
        }
    }

    /// The physical type number of a column's leaf.
    private static func physicalType(_ kind: ColumnKind) -> Int32 {
        switch kind {
        case .integer, .datetime: 2
        case .float: 5
        case .boolean: 0
        case .categorical, .text: 6
        case .vector: 4
        }
    }

    private static func path(_ column: Column) -> [String] {
        column.kind == .vector ? [column.name, "list", "element"] : [column.name]
    }

    /// The FileMetaData struct.
    private func footer() -> [UInt8] {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.i32(1, 1)
        let elementCount = 1 + columns.reduce(0) { $0 + ($1.kind == .vector ? 3 : 1) }
        w.listField(2, count: elementCount, type: .structure)
        w.beginStruct()
        w.string(4, "schema")
        w.i32(5, Int32(columns.count))
        w.endStruct()
        for column in columns {
            switch column.kind {
            case .vector:
                w.beginStruct()
                w.i32(3, 1)
                w.string(4, column.name)
                w.i32(5, 1)
                w.i32(6, 3)
                w.structField(10); w.structField(3); w.endStruct(); w.endStruct()
                w.endStruct()
                w.beginStruct()
                w.i32(3, 2)
                w.string(4, "list")
                w.i32(5, 1)
                w.endStruct()
                w.beginStruct()
                w.i32(1, 4)
                w.i32(3, 0)
                w.string(4, "element")
                w.endStruct()
            case .categorical, .text:
                w.beginStruct()
                w.i32(1, 6)
                w.i32(3, 1)
                w.string(4, column.name)
                w.i32(6, 0)
                w.structField(10); w.structField(1); w.endStruct(); w.endStruct()
                w.endStruct()
            case .datetime:
                // INT64 with TIMESTAMP(isAdjustedToUTC, MICROS), and TIMESTAMP_MICROS for old readers.
                w.beginStruct()
                w.i32(1, 2)
                w.i32(3, 1)
                w.string(4, column.name)
                w.i32(6, 10)
                w.structField(10); w.structField(8); w.bool(1, true)
                w.structField(2); w.structField(2); w.endStruct(); w.endStruct()
                w.endStruct(); w.endStruct()
                w.endStruct()
            default:
                w.beginStruct()
                w.i32(1, Self.physicalType(column.kind))
                w.i32(3, 1)
                w.string(4, column.name)
                w.endStruct()
            }
        }
        w.i64(3, Int64(rowCount))
        w.listField(4, count: groups.count, type: .structure)
        for group in groups {
            w.beginStruct()
            w.listField(1, count: group.placements.count, type: .structure)
            for (index, placement) in group.placements.enumerated() {
                let column = columns[index]
                let chunk = placement.chunk
                w.beginStruct()
                w.i64(2, placement.offset)
                w.structField(3)
                w.i32(1, Self.physicalType(column.kind))
                w.listField(2, count: chunk.encodings.count, type: .i32)
                for encoding in chunk.encodings { w.i32Element(encoding) }
                let path = Self.path(column)
                w.listField(3, count: path.count, type: .binary)
                for part in path { w.stringElement(part) }
                w.i32(4, compression.codec)
                w.i64(5, Int64(chunk.valueCount))
                w.i64(6, Int64(chunk.uncompressedSize))
                w.i64(7, Int64(placement.compressedSize))
                w.i64(9, placement.offset + Int64(chunk.dictionaryLength))
                if chunk.dictionaryLength > 0 { w.i64(11, placement.offset) }
                w.endStruct()
                w.endStruct()
            }
            w.i64(2, group.placements.reduce(0) { $0 + Int64($1.chunk.uncompressedSize) })
            w.i64(3, Int64(group.rowCount))
            w.endStruct()
        }
        w.string(6, "tutti")
        w.endStruct()
        return w.bytes
    }
}
