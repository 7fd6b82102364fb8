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
                // A footer may claim any row count; refuse one the memory budget could never hold.
                guard group.rowCount <= Int64(options.memoryLimit) else { throw tooManyRows(group.rowCount) }
                for chunk in group.columns where !Self.liesInFile(chunk, fileSize: bytes.count) {
                    throw failure("corrupt footer (a column chunk lies outside the file)", column: chunk.path.joined(separator: "."), rowGroup: index)
                }
            }
            return (metadata, schema)
        } catch let error as ParquetFormatError {
            // "is encrypted", "keeps column data in another file": said as they are.
            if error.message.hasPrefix("is ") || error.message.hasPrefix("keeps ") { throw failure(error.message) }
            throw failure("has a corrupt footer: " + error.message)
        }
    }

    /// Whether a column chunk's byte range, as the footer gives it, lies between the magic bytes
    /// and the footer. Compared by subtraction: the footer's numbers are untrusted and may be near
    /// `Int64.max`.
    private static func liesInFile(_ chunk: ParquetColumnChunkMetadata, fileSize: Int) -> Bool {
        let end = Int64(fileSize - 8)
        var start = chunk.dataPageOffset
        if let dictionary = chunk.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        return start >= 4 && start <= end && chunk.compressedSize >= 0 && chunk.compressedSize <= end - start
    }

    private func tooManyRows(_ rows: Int64) -> TuttiError {
        failure("claims \(NumberFormatting.grouped(Int(rows))) rows, more than the memory budget could hold (see --max-memory)")
    }

    func parse() throws -> ParsedTable {
        let (metadata, schema) = try readMetadata()
        var warnings: [LoadWarning] = []
        let fields = try ColumnarFieldSelection.select(schema.fields, wanted: options.columns, place: place, name: \.name,
                                                       unsupported: { if case .unsupported(let what) = $0.shape { what } else { nil } },
                                                       warnings: &warnings)
        let groups = metadata.rowGroups
        let rowCounts = groups.map { Int($0.rowCount) }
        // Each count is at most the memory budget (checked with the footer), so the running sum
        // cannot overflow before it passes the budget.
        var totalRows = 0
        for count in rowCounts {
            totalRows += count
            guard totalRows <= options.memoryLimit else { throw tooManyRows(Int64(totalRows)) }
        }
        let dataRange = 4..<max(4, buffer.bytes.count - 8)
        // Every chunk lies in the file (checked with the footer), but chunks may overlap: the sum
        // is only the progress bar's total, clamped rather than trusted.
        var totalBytes = 0
        for group in groups {
            for field in fields {
                for leaf in field.leaves {
                    let (sum, overflow) = totalBytes.addingReportingOverflow(Int(group.columns[leaf.index].compressedSize))
                    totalBytes = overflow ? Int.max : sum
                }
            }
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
                done.add(Int(metadata.compressedSize))
            }
            return try ParquetFieldAssembler(field: field, rowCount: rowCounts[group], forceText: forceText).assemble(chunks)
        }
    }
}
