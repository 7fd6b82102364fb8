/// Reads a Parquet file into the loader's chunked table: the footer, then every (row group,
/// column) pair decoded on all cores. Only the columns asked for (`LoadOptions.columns`) are read.
/// Every problem is a one-line `TuttiError` naming the file and, where it applies, the column
/// and row group.
struct ParquetReader {
    let buffer: InputBuffer
    let name: String
    let options: LoadOptions
    /// Where progress goes and what stops the decoding.
    let work: WorkContext

    /// The four bytes that start and end every Parquet file.
    static let magic: [UInt8] = Array("PAR1".utf8)

    /// Whether `bytes` start like a Parquet file.
    static func isParquet(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 4 && bytes.prefix(4).elementsEqual(magic)
    }

    private var place: ColumnarPlace { ColumnarPlace(file: name, kind: .rowGroup) }

    private func failure(_ message: String, column: String? = nil, rowGroup: Int? = nil) -> TuttiError {
        place.error(message, column: column, chunk: rowGroup)
    }

    /// Reads the footer and the schema.
    func readMetadata() throws -> (ParquetFileMetadata, ParquetSchema) {
        let bytes = buffer.bytes
        guard bytes.count >= 12 else { throw failure("is too short to be a Parquet file (\(bytes.count) bytes; the file is truncated)") }
        let tail = Array(bytes.suffix(4))
        if tail == Array("PARE".utf8) { throw failure("is an encrypted Parquet file; tutti reads unencrypted ones") }
        guard tail == Self.magic else { throw failure("does not end with Parquet's PAR1 marker: the file is truncated or not Parquet") }
        let footerLength = Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8
            | Int(bytes[bytes.count - 6]) << 16 | Int(bytes[bytes.count - 5]) << 24
        guard footerLength > 0, footerLength <= bytes.count - 12 else {
            throw failure("has a corrupt footer (its length, \(footerLength) bytes, does not fit the file)")
        }
        let footer = UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 8 - footerLength)..<(bytes.count - 8)])
        do {
            let metadata = try ParquetFileMetadata(thrift: footer)
            let schema = try ParquetSchema(elements: metadata.schema)
            for (index, group) in metadata.rowGroups.enumerated() {
                guard group.columns.count == schema.leafCount else {
                    throw failure("corrupt footer (\(group.columns.count) column chunks for \(schema.leafCount) columns)", rowGroup: index)
                }
                guard group.rowCount >= 0 else { throw failure("corrupt footer (a negative row count)", rowGroup: index) }
            }
            return (metadata, schema)
        } catch let error as ParquetFormatError {
            // "is encrypted", "keeps column data in another file": said as they are.
            if error.message.hasPrefix("is ") || error.message.hasPrefix("keeps ") { throw failure(error.message) }
            throw failure("has a corrupt footer: " + error.message)
        }
    }

    func parse() throws -> ParsedTable {
        let (metadata, schema) = try readMetadata()
        var warnings: [LoadWarning] = []
        let fields = try ColumnarFieldSelection.select(schema.fields, wanted: options.columns, place: place, name: \.name,
                                                       unsupported: { if case .unsupported(let what) = $0.shape { what } else { nil } },
                                                       warnings: &warnings)
        let groups = metadata.rowGroups
        let rowCounts = groups.map { Int($0.rowCount) }
        let totalRows = rowCounts.reduce(0, +)
        // A footer may claim any row count; refuse one the memory budget could never hold.
        guard totalRows <= options.memoryLimit else {
            throw failure("claims \(NumberFormatting.grouped(totalRows)) rows, more than the memory budget could hold (see --max-memory)")
        }
        let dataRange = 4..<max(4, buffer.bytes.count - 8)
        let totalBytes = groups.reduce(0) { sum, group in
            sum + fields.reduce(0) { $0 + $1.leaves.reduce(0) { $0 + Int(clamping: max(0, group.columns[$1.index].compressedSize)) } }
        }
        let done = ProgressCounter(total: max(totalBytes, 1), work: work, phase: "decoding")
        let cancellation = work.cancellation
        let driver = ColumnarDecodeDriver(place: place, columnNames: fields.map(\.name), chunkRowCounts: rowCounts,
                                          textColumns: options.textColumns, cancellation: cancellation)
        return try driver.table(warnings: warnings) { [buffer] group, fieldIndex, forceText in
            let field = fields[fieldIndex]
            var chunks: [ParquetLeafChunk] = []
            for leaf in field.leaves {
                let metadata = groups[group].columns[leaf.index]
                let decoder = ParquetColumnChunkDecoder(file: buffer.bytes, dataRange: dataRange, metadata: metadata,
                                                        leaf: leaf, rowCount: rowCounts[group], cancellation: cancellation)
                chunks.append(try decoder.decode())
                done.add(Int(clamping: max(0, metadata.compressedSize)))
            }
            return try ParquetFieldAssembler(field: field, rowCount: rowCounts[group], forceText: forceText).assemble(chunks)
        }
    }
}
