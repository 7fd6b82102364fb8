/// Writes columns of a dataset, for a list of rows, as a Parquet file: row groups of about
/// 128 MiB whose columns are encoded on all cores, then the footer.
///
/// Types: integer → INT64, float → DOUBLE, boolean → BOOLEAN, categorical → a dictionary-encoded
/// STRING, text → STRING, vector → LIST<FLOAT>. Every column is optional (missing cells are nulls).
struct ParquetFileWriter {
    let columns: [Column]
    let compression: ParquetCompression

    /// Bytes of encoded values aimed at per row group.
    static let rowGroupBytes = 128 << 20

    /// Where a column chunk went and what the footer says of it.
    private struct Placement {
        var offset: Int64
        var compressedSize: Int
        var chunk: ParquetColumnEncoder.Chunk
    }

    /// Writes `rows` (in that order) to `sink`, calling `progress` with the rows done after each
    /// row group (it throws to stop the export).
    func write(rows: [Int], to sink: any ByteSink, progress: (Int) throws -> Void) throws {
        try Self.emit(Self.magic, to: sink)
        var offset = Int64(Self.magic.count)
        var groups: [(rowCount: Int, placements: [Placement])] = []
        let rowsPerGroup = max(1, Self.rowGroupBytes / max(1, estimatedRowBytes()))
        var start = 0
        repeat {
            let end = min(rows.count, start + rowsPerGroup)
            let slice = rows[start..<end]
            let encoded = ResultSlots<Result<ParquetColumnEncoder.Chunk, Error>>.collect(count: columns.count) { index in
                Result { try ParquetColumnEncoder(column: columns[index], compression: compression).encode(rows: slice) }
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
            groups.append((end - start, placements))
            try progress(end)
            start = end
        } while start < rows.count
        let footer = footer(groups: groups, rowCount: rows.count)
        try Self.emit(footer, to: sink)
        var trailer: [UInt8] = []
        appendLittleEndian(UInt32(footer.count), to: &trailer)
        try Self.emit(trailer + Self.magic, to: sink)
    }

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
    private func footer(groups: [(rowCount: Int, placements: [Placement])], rowCount: Int) -> [UInt8] {
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
