/// Reads an Arrow IPC file (Feather v2: `ARROW1`, the footer's blocks) or stream (messages one
/// after another, as Hugging Face `datasets` caches tables) into the loader's chunked table:
/// one chunk per record batch, every (batch, column) pair decoded on all cores from the mapped
/// file. Only the columns asked for (`LoadOptions.columns`) are read. Every problem is a one-line
/// `TuttiError` naming the file and, where it applies, the column and batch.
struct ArrowReader {
    let buffer: InputBuffer
    let name: String
    let options: LoadOptions
    /// Where progress goes and what stops the decoding.
    let work: WorkContext

    /// The six bytes that start and end an Arrow IPC file.
    static let magic: [UInt8] = Array("ARROW1".utf8)

    /// Whether `bytes` start like an Arrow IPC file.
    static func isArrowFile(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 6 && bytes.prefix(6).elementsEqual(magic)
    }

    /// Whether `bytes` start like an Arrow IPC stream: the continuation marker, then a schema
    /// message (or a metadata length past the end: a truncated stream).
    static func isArrowStream(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 8, bytes.prefix(4).allSatisfy({ $0 == 0xFF }) else { return false }
        let length = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: Int32.self)))
        guard length > 0 else { return false }
        // A stream cut inside its first message is still one (and is reported as truncated).
        guard length <= bytes.count - 8 else { return true }
        guard let message = try? FlatBufferTable(root: UnsafeRawBufferPointer(rebasing: bytes[8..<(8 + length)])) else { return false }
        return (try? message.uint8(1)) == 1
    }

    private var place: ColumnarPlace { ColumnarPlace(file: name, kind: .batch) }

    func failure(_ message: String, column: String? = nil, batch: Int? = nil, dictionary: Bool = false) -> TuttiError {
        place.error(message, column: column, chunk: batch, kind: dictionary ? .dictionaryBatch : .batch)
    }

    /// A record batch and the dictionaries in force when it was sent.
    struct Batch {
        var header: ArrowBatchHeader
        var body: Range<Int>
        var dictionaries: [Int64: ArrowDictionary]
    }

    /// The schema and the messages, in order: from the footer of a file, one after another in a stream.
    private func messages() throws -> (ArrowSchema, [ArrowMessage]) {
        let bytes = buffer.bytes
        do {
            guard Self.isArrowFile(bytes) else {
                var found: [ArrowMessage] = []
                var offset = 0
                while let (message, next) = try ArrowMessage.read(at: offset, in: bytes) {
                    found.append(message)
                    offset = next
                }
                guard case .some(.schema(let schema)) = found.first else { throw ArrowFormatError("does not start with a schema message") }
                return (schema, Array(found.dropFirst()))
            }
            guard bytes.count >= 18, bytes.suffix(6).elementsEqual(Self.magic) else {
                throw ArrowFormatError("does not end with Arrow's ARROW1 marker: the file is truncated")
            }
            let footerLength = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: bytes.count - 10, as: Int32.self)))
            guard footerLength > 0, footerLength <= bytes.count - 18 else {
                throw ArrowFormatError("has a corrupt footer (its length, \(footerLength) bytes, does not fit the file)")
            }
            let footer = try FlatBufferTable(root: UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 10 - footerLength)..<(bytes.count - 10)]))
            guard let schemaTable = try footer.table(1) else { throw ArrowFormatError("has a corrupt footer (no schema)") }
            let schema = try ArrowSchema(schemaTable)
            let blocks = try footer.int64Structs(2, fields: 3) + footer.int64Structs(3, fields: 3)
            let found = try blocks.map { block in
                guard block[0] >= 8, block[0] < Int64(bytes.count), let (message, _) = try ArrowMessage.read(at: Int(block[0]), in: bytes) else {
                    throw ArrowFormatError("has a corrupt footer (a block outside the file)")
                }
                return message
            }
            return (schema, found)
        } catch let error as ArrowFormatError {
            throw failure(error.message)
        }
    }

    /// Every field with a dictionary, by dictionary id, as the field of its values.
    private static func dictionaryFields(_ fields: [ArrowField], into found: inout [Int64: ArrowField]) {
        for field in fields {
            if let encoding = field.dictionary {
                var values = field
                values.dictionary = nil
                found[encoding.id] = values
            }
            dictionaryFields(field.children, into: &found)
        }
    }

    /// The record batches, each with the dictionaries sent before it.
    private func batches(_ schema: ArrowSchema, _ messages: [ArrowMessage]) throws -> [Batch] {
        var valueFields: [Int64: ArrowField] = [:]
        Self.dictionaryFields(schema.fields, into: &valueFields)
        var dictionaries: [Int64: ArrowDictionary] = [:]
        var batches: [Batch] = []
        var dictionaryIndex = 0
        for message in messages {
            switch message {
            case .dictionary(let id, let isDelta, let header, let body):
                defer { dictionaryIndex += 1 }
                guard let field = valueFields[id] else {
                    throw failure("corrupt dictionary (id \(id) belongs to no column)", batch: dictionaryIndex, dictionary: true)
                }
                guard field.type.isFlat else { continue }
                do {
                    var decoder = ArrowColumnDecoder(header: header, source: ArrowBufferSource(file: buffer.bytes, body: body, header: header, memoryLimit: options.memoryLimit),
                                                     dictionaries: [:], memoryLimit: options.memoryLimit, cursor: ArrowArrayCursor())
                    var (values, type) = try decoder.dictionaryValues(field)
                    if isDelta, let earlier = dictionaries[id] {
                        var joined = earlier.values
                        let all = Array(0..<UInt32(values.count))
                        all.withUnsafeBufferPointer { joined.gather(from: values, indices: $0) }
                        values = joined
                        type = earlier.type
                    }
                    dictionaries[id] = ArrowDictionary(values: values, type: type)
                } catch let error as ArrowFormatError {
                    throw failure(error.message, column: field.name, batch: dictionaryIndex, dictionary: true)
                }
            case .recordBatch(let header, let body):
                batches.append(Batch(header: header, body: body, dictionaries: dictionaries))
            case .schema:
                throw failure("corrupt stream (a second schema message)")
            case .other:
                continue
            }
        }
        return batches
    }

    func parse() throws -> ParsedTable {
        let (schema, messages) = try messages()
        var warnings: [LoadWarning] = []
        let fields = try ColumnarFieldSelection.select(schema.fields, wanted: options.columns, place: place, name: \.name,
                                                       unsupported: Self.unsupported, warnings: &warnings)
        let batches = try batches(schema, messages)
        let rowCounts = batches.map(\.header.length)
        guard rowCounts.reduce(0, { $0 + min($1, options.memoryLimit) }) <= options.memoryLimit else {
            throw failure("claims more rows than the memory budget could hold (see --max-memory)")
        }
        // Where each selected field starts in each batch.
        let cursors: [[ArrowArrayCursor]] = try batches.enumerated().map { index, batch in
            var cursor = ArrowArrayCursor()
            var starts: [String: ArrowArrayCursor] = [:]
            for field in schema.fields {
                starts[field.name] = cursor
                do { try cursor.skip(field, header: batch.header) } catch let error as ArrowFormatError {
                    throw failure(error.message, column: field.name, batch: index)
                }
            }
            return fields.map { starts[$0.name]! }
        }
        let totalBytes = batches.reduce(0) { $0 + $1.body.count }
        let done = ProgressCounter(total: max(totalBytes * max(fields.count, 1), 1), work: work, phase: "decoding")
        let memoryLimit = options.memoryLimit
        // Numbers go straight into their final column, one column at a time, its batches on all
        // cores; plain strings are coded into one column each, columns on all cores; the rest
        // (and strings the coder gives up on) are decoded per (batch, column) and joined by the
        // assembler.
        let firstRows = rowCounts.reduce(into: [0]) { $0.append($0.last! + $1) }
        var wholeColumns: [Int: ChunkColumn] = [:]
        // A column is allocated whole from the batches' declared rows only when the file's bytes
        // could hold them (at least a byte a row), so a lying length never sizes an allocation;
        // other files take the per-batch path, which checks each buffer first.
        if firstRows.last! <= Int(Int32.max), firstRows.last! <= totalBytes {
            let kept = fields.indices.filter { !options.textColumns.contains(fields[$0].name) }
            for position in kept where ArrowWholeNumbers.reads(fields[position]) {
                wholeColumns[position] = try wholeNumbers(fields[position], batches: batches, cursors: cursors.map { $0[position] },
                                                          firstRows: firstRows, done: done)
            }
            let strings = kept.compactMap { position in ArrowWholeStrings.reads(fields[position]).map { (position, $0) } }
            let outcomes = ResultSlots<Result<ChunkColumn?, TuttiError>>.collect(count: strings.count) { index in
                let (position, large) = strings[index]
                do {
                    return .success(try wholeStrings(fields[position], large: large, batches: batches, cursors: cursors.map { $0[position] },
                                                     firstRows: firstRows, done: done))
                } catch let error as TuttiError {
                    return .failure(error)
                } catch {
                    return .failure(TuttiError.cancelled(file: name))
                }
            }
            for (index, outcome) in outcomes.enumerated() {
                if let column = try outcome.get() { wholeColumns[strings[index].0] = column }
            }
        }
        let whole = Set(wholeColumns.keys)
        let driver = ColumnarDecodeDriver(place: place, columnNames: fields.map(\.name), chunkRowCounts: rowCounts,
                                          textColumns: options.textColumns, cancellation: work.cancellation)
        var table = try driver.table(warnings: warnings) { [buffer] index, fieldIndex, forceText in
            let batch = batches[index]
            if whole.contains(fieldIndex), !forceText {
                return ChunkColumn(values: .allMissing, missingRows: [], rowCount: batch.header.length, failure: nil)
            }
            var decoder = ArrowColumnDecoder(header: batch.header,
                                             source: ArrowBufferSource(file: buffer.bytes, body: batch.body, header: batch.header, memoryLimit: memoryLimit),
                                             dictionaries: batch.dictionaries, memoryLimit: memoryLimit, cursor: cursors[index][fieldIndex])
            let column = try decoder.column(fields[fieldIndex], forceText: forceText)
            done.add(batch.body.count)
            return column
        }
        table.wholeColumns = wholeColumns
        return table
    }

    /// What a field is when tutti cannot read it; nil when it can.
    private static func unsupported(_ field: ArrowField) -> String? {
        if case .unsupported(let what, _) = field.type, field.dictionary == nil { what } else { nil }
    }
}
