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

    private func failure(_ message: String, column: String? = nil, rowGroup: Int? = nil) -> TuttiError {
        var place: [String] = []
        if let column { place.append("column '\(column)'") }
        if let rowGroup { place.append("row group \(rowGroup + 1)") }
        return TuttiError((place.isEmpty ? "" : place.joined(separator: ", ") + ": ") + message, file: name)
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
        let fields = try selectedFields(schema, warnings: &warnings)
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
        let textNames = options.textColumns
        let decode: @Sendable (Int, Int, Bool) -> Result<ChunkColumn, TuttiError> = { [buffer, name] group, fieldIndex, forceText in
            let field = fields[fieldIndex]
            do {
                var chunks: [ParquetLeafChunk] = []
                for leaf in field.leaves {
                    let metadata = groups[group].columns[leaf.index]
                    let decoder = ParquetColumnChunkDecoder(file: buffer.bytes, dataRange: dataRange, metadata: metadata,
                                                            leaf: leaf, rowCount: rowCounts[group], cancellation: cancellation)
                    chunks.append(try decoder.decode())
                    done.add(Int(clamping: max(0, metadata.compressedSize)))
                }
                let assembler = ParquetFieldAssembler(field: field, rowCount: rowCounts[group], forceText: forceText)
                return .success(try assembler.assemble(chunks))
            } catch let error as ParquetFormatError {
                return .failure(ParquetReader.located(error.message, file: name, column: field.name, rowGroup: group))
            } catch {
                return .failure(TuttiError.cancelled(file: name))
            }
        }
        let tasks = groups.indices.flatMap { group in fields.indices.map { (group, $0) } }
        let outcomes = ResultSlots<Result<ChunkColumn, TuttiError>>.collect(count: tasks.count) { index in
            if cancellation?.isCancelled == true { return .failure(TuttiError.cancelled(file: name)) }
            let (group, field) = tasks[index]
            return decode(group, field, textNames.contains(fields[field].name))
        }
        if cancellation?.isCancelled == true { throw TuttiError.cancelled(file: name) }
        let grid = ChunkGrid(chunkCount: groups.count, columnCount: fields.count)
        var widths = [Int?](repeating: nil, count: fields.count)
        for (index, outcome) in outcomes.enumerated() {
            let (group, field) = tasks[index]
            let column = try outcome.get()
            if case .vector(let width, _) = column.values {
                if let earlier = widths[field], earlier != width {
                    throw ParquetReader.located("is a list of numbers used as a vector, but it has \(width) values a row here where earlier row groups have \(earlier)",
                                                file: name, column: fields[field].name, rowGroup: group)
                }
                widths[field] = width
            }
            grid.put(column, chunk: group, column: field)
        }
        guard !fields.isEmpty else { throw failure("has no columns tutti can read") }
        let firstRows = rowCounts.reduce(into: [0]) { $0.append($0.last! + $1) }
        return ParsedTable(
            names: fields.map(\.name), chunkRowCounts: rowCounts, grid: grid,
            textColumns: Set(fields.indices.filter { textNames.contains(fields[$0].name) }),
            reparseAsStrings: { group, field in
                (try? decode(group, field, true).get())
                    ?? ChunkColumn(values: .allMissing, missingRows: [], rowCount: rowCounts[group], failure: nil)
            },
            lineOfRow: { group, row in firstRows[group] + row + 1 },
            warnings: warnings)
    }

    static func located(_ message: String, file: String, column: String, rowGroup: Int) -> TuttiError {
        TuttiError("column '\(column)', row group \(rowGroup + 1): " + message, file: file)
    }

    /// The fields to read: those named by `options.columns` (in that order) or every readable one.
    private func selectedFields(_ schema: ParquetSchema, warnings: inout [LoadWarning]) throws -> [ParquetField] {
        let names = schema.fields.map(\.name)
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw failure("has two columns named '\(name)'")
        }
        if let wanted = options.columns {
            return try wanted.map { name in
                guard let field = schema.fields.first(where: { $0.name == name }) else {
                    throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: names), context: "--columns")
                }
                if case .unsupported(let what) = field.shape { throw failure("is \(what), which tutti does not read", column: name) }
                return field
            }
        }
        var fields: [ParquetField] = []
        for field in schema.fields {
            if case .unsupported(let what) = field.shape {
                warnings.append(LoadWarning("\(name): column '\(field.name)' is \(what), which tutti does not read; it was left out"))
            } else {
                fields.append(field)
            }
        }
        return fields
    }
}
