/// The decoded values of one dictionary (by id), shared by the record batches that follow it.
struct ArrowDictionary: Sendable {
    var values: ParquetLeafValues
    var type: ColumnarValueType
    /// The values as a string table when they are strings or bytes: a dictionary-encoded column
    /// becomes categorical from it, without hashing every row's value.
    var table: StringTable?
    /// The strings hashed once, for the record batches to map their indices through; nil when
    /// the values are not strings or more than a categorical column may hold.
    var coded: Coded?

    /// A dictionary of strings as the loader's categorical dictionary.
    struct Coded: Sendable {
        /// The distinct values.
        var dictionary: ByteDictionary
        /// The code in `dictionary` of each entry of the Arrow dictionary.
        var remap: [UInt32]
        /// Entries whose bytes were not valid UTF-8 (repaired).
        var invalidUTF8Entries: Int
    }

    init(values: ParquetLeafValues, type: ColumnarValueType) {
        self.values = values
        self.type = type
        guard values.physicalType == .byteArray else { return }
        let table = StringTable(bytes: values.arena, offsets: values.offsets)
        self.table = table
        if table.count <= ColumnAssembler.maxCategories {
            let (dictionary, remap, invalid) = ColumnarMapping.coded(table)
            coded = Coded(dictionary: dictionary, remap: remap, invalidUTF8Entries: invalid)
        }
    }
}

/// Where the next field node, buffer and variadic-buffer count of a record batch are.
struct ArrowArrayCursor: Sendable {
    var node = 0
    var buffer = 0
    var variadic = 0

    /// Moves past `field` and its children.
    mutating func skip(_ field: ArrowField, header: ArrowBatchHeader) throws {
        node += 1
        if field.dictionary != nil {
            buffer += 2
            return
        }
        buffer += field.type.bufferCount
        if case .utf8View = field.type { try skipVariadic(header) }
        if case .binaryView = field.type { try skipVariadic(header) }
        for child in field.children { try skip(child, header: header) }
    }

    private mutating func skipVariadic(_ header: ArrowBatchHeader) throws {
        guard variadic < header.variadicCounts.count else { throw ArrowFormatError("corrupt record batch (a view column without its buffer count)") }
        buffer += header.variadicCounts[variadic]
        variadic += 1
    }
}

/// Decodes one top-level field of one record batch into a chunk column: flat types through
/// `ColumnarMapping`, dictionary-encoded ones from their dictionary, lists of numbers as vectors,
/// other nested values as JSON text.
struct ArrowColumnDecoder {
    let header: ArrowBatchHeader
    let source: ArrowBufferSource
    let dictionaries: [Int64: ArrowDictionary]
    let memoryLimit: Int
    var cursor: ArrowArrayCursor

    private mutating func nextNode() throws -> (length: Int, nullCount: Int) {
        guard cursor.node < header.nodes.count else { throw ArrowFormatError("corrupt record batch (fewer field nodes than its columns need)") }
        let node = header.nodes[cursor.node]
        cursor.node += 1
        guard node.length <= memoryLimit else { throw ArrowFormatError("claims \(node.length) values in a batch, more than the memory budget could hold") }
        return node
    }

    private mutating func nextBuffer() throws -> UnsafeRawBufferPointer {
        let buffer = try source.buffer(cursor.buffer)
        cursor.buffer += 1
        return buffer
    }

    /// The chunk column of `field`.
    mutating func column(_ field: ArrowField, forceText: Bool) throws -> ChunkColumn {
        if field.dictionary == nil, !forceText, let child = field.children.first, child.dictionary == nil, child.type.isNumeric {
            switch field.type {
            case .list(let large): return try vector(field, size: nil, large: large)
            case .fixedSizeList(let size): return try vector(field, size: size, large: false)
            default: break
            }
        }
        if field.dictionary == nil, !field.type.isFlat {
            if case .unsupported(let what, _) = field.type { throw ArrowFormatError("is \(what), which tutti does not read") }
            let texts = try json(field)
            var levels = [UInt8](repeating: 1, count: texts.count)
            for (row, text) in texts.enumerated() where text == nil { levels[row] = 0 }
            let presence = ColumnarMapping.Presence(levels: levels, presentLevel: 1, rowCount: texts.count)
            let missing = presence.missingRows
            let values: ChunkValues = missing.count == texts.count ? .allMissing : .strings(ColumnarMapping.stringBuilder(texts.compactMap { $0 }, presence))
            return ChunkColumn(values: values, missingRows: missing, rowCount: texts.count, failure: nil)
        }
        if let strings = try strings(field) { return strings }
        if field.dictionary == nil, !forceText, let numbers = try numbers(field) { return numbers }
        let (values, type, presence) = try flat(field)
        return ColumnarMapping.chunkColumn(values, type: type, presence: presence, forceText: forceText)
    }

    /// A column of integers or floats read straight into row order (`ArrowNumberColumn`); nil
    /// (nothing read) for other types.
    private mutating func numbers(_ field: ArrowField) throws -> ChunkColumn? {
        guard ArrowNumberColumn.reads(field.type) else { return nil }
        let node = try nextNode()
        let missing = try ArrowNumberColumn.missingRows(validity: nextBuffer(), length: node.length, nullCount: node.nullCount, firstRow: 0)
        let values = try ArrowNumberColumn.values(field.type, source: source, buffer: cursor.buffer, length: node.length, missingRows: missing)
        cursor.buffer += 1
        return ChunkColumn(values: missing.count < node.length ? values : .allMissing, missingRows: missing,
                           rowCount: node.length, failure: nil)
    }

    /// A string column built straight from the batch's buffers (`ArrowStringColumn`): plain
    /// `utf8` / `binary`, or dictionary-encoded with a dictionary of strings; nil for other fields.
    private mutating func strings(_ field: ArrowField) throws -> ChunkColumn? {
        var coded: ArrowDictionary.Coded?
        var large = false
        if let encoding = field.dictionary {
            guard let found = dictionaries[encoding.id]?.coded else { return nil }
            coded = found
        } else {
            switch field.type {
            case .utf8(let wide), .binary(let wide): large = wide
            default: return nil
            }
        }
        let node = try nextNode()
        let presence = try ArrowLeafDecoder.presence(validity: nextBuffer(), length: node.length, nullCount: node.nullCount)
        let builder: StringColumnBuilder
        if let coded, let encoding = field.dictionary {
            builder = try ArrowStringColumn.coded(indices: nextBuffer(), bits: encoding.indexBits, signed: encoding.indexSigned,
                                                  length: node.length, presence: presence, dictionary: coded)
        } else {
            let offsets = try nextBuffer()
            builder = try ArrowStringColumn.plain(offsets: offsets, data: nextBuffer(), length: node.length, large: large, presence: presence)
        }
        let missing = presence.missingRows
        let values: ChunkValues = missing.count < presence.rowCount ? .strings(builder) : .allMissing
        return ChunkColumn(values: values, missingRows: missing, rowCount: presence.rowCount, failure: nil)
    }

    /// The present values of a flat or dictionary-encoded array, their type and presence.
    private mutating func flat(_ field: ArrowField) throws -> (ParquetLeafValues, ColumnarValueType, ColumnarMapping.Presence) {
        let node = try nextNode()
        if case .null = field.type {
            let presence = ColumnarMapping.Presence(levels: [UInt8](repeating: 0, count: node.length), presentLevel: 1, rowCount: node.length)
            return (ParquetLeafValues(physicalType: .int64, width: 0), .integer(bits: 64, signed: true), presence)
        }
        let presence = try ArrowLeafDecoder.presence(validity: nextBuffer(), length: node.length, nullCount: node.nullCount)
        if let encoding = field.dictionary {
            let (indices, _) = try ArrowLeafDecoder.values(.integer(bits: encoding.indexBits, signed: encoding.indexSigned), length: node.length,
                                                           presence: presence, buffers: [nextBuffer()], variadic: [])
            guard let dictionary = dictionaries[encoding.id] else {
                throw ArrowFormatError("uses dictionary \(encoding.id), which no dictionary batch before it defines (or whose values tutti cannot read)")
            }
            let count = dictionary.values.count
            var codes: [UInt32] = []
            codes.reserveCapacity(indices.count)
            for index in indices.ints32.isEmpty ? indices.ints64 : indices.ints32.map(Int64.init) {
                guard index >= 0, index < count else { throw ArrowFormatError("has a dictionary index (\(index)) past its dictionary's \(count) values") }
                codes.append(UInt32(index))
            }
            var values = ParquetLeafValues(physicalType: dictionary.values.physicalType, width: dictionary.values.width)
            if let table = dictionary.table {
                values.dictionary = table
                values.codes = codes
            } else {
                codes.withUnsafeBufferPointer { values.gather(from: dictionary.values, indices: $0) }
            }
            return (values, dictionary.type, presence)
        }
        let rest = max(field.type.bufferCount - 1, 0)
        let buffers = try (0..<rest).map { _ in try nextBuffer() }
        var variadic: [UnsafeRawBufferPointer] = []
        if case .utf8View = field.type { variadic = try viewBuffers() }
        if case .binaryView = field.type { variadic = try viewBuffers() }
        let (values, type) = try ArrowLeafDecoder.values(field.type, length: node.length, presence: presence, buffers: buffers, variadic: variadic)
        return (values, type, presence)
    }

    private mutating func viewBuffers() throws -> [UnsafeRawBufferPointer] {
        guard cursor.variadic < header.variadicCounts.count else { throw ArrowFormatError("corrupt record batch (a view column without its buffer count)") }
        let count = header.variadicCounts[cursor.variadic]
        cursor.variadic += 1
        return try (0..<count).map { _ in try nextBuffer() }
    }

    /// A list (or fixed-size list) of numbers as a vector column: every present row must hold
    /// the same number of values, none missing; an empty list is a missing row.
    private mutating func vector(_ field: ArrowField, size: Int?, large: Bool) throws -> ChunkColumn {
        let node = try nextNode()
        let presence = try ArrowLeafDecoder.presence(validity: nextBuffer(), length: node.length, nullCount: node.nullCount)
        let offsetsBuffer = size == nil ? try nextBuffer() : nil
        let (childValues, childType, childPresence) = try flat(field.children[0])
        guard childPresence.levels.allSatisfy({ $0 == 1 }) else {
            throw ArrowFormatError("is a list of numbers with a missing element; tutti reads such lists as vectors, which cannot hold a gap")
        }
        let ends: [Int]
        if let size {
            guard size == 0 || childPresence.rowCount / size >= node.length else { throw ArrowFormatError("corrupt fixed-size list (fewer values than its rows need)") }
            ends = (0...node.length).map { $0 * size }
        } else {
            ends = try ArrowLeafDecoder.offsets(offsetsBuffer!, node.length, large: large, dataCount: childPresence.rowCount)
        }
        let dense = ColumnarMapping.chunkColumn(childValues, type: childType, presence: .init(levels: [], presentLevel: 0, rowCount: childValues.count), forceText: false)
        let numbers: [Float] = switch dense.values {
        case .integer(let values): values.map { Float($0) }
        case .float(let values): values.map { Float($0) }
        default: []
        }
        var width: Int?
        var missing: [Int32] = []
        for row in 0..<node.length {
            let count = ends[row + 1] - ends[row]
            if !(presence.levels.isEmpty || presence.levels[row] == 1) || count == 0 {
                missing.append(Int32(row))
                continue
            }
            if let width, width != count {
                throw ArrowFormatError("is a list of numbers used as a vector, but its row \(row + 1) of the batch has \(count) value\(count == 1 ? "" : "s") where earlier rows have \(width)")
            }
            width = count
        }
        guard let width else { return ChunkColumn(values: .allMissing, missingRows: missing, rowCount: node.length, failure: nil) }
        var values = [Float](repeating: 0, count: node.length * width)
        var nextMissing = 0
        for row in 0..<node.length {
            if nextMissing < missing.count, missing[nextMissing] == Int32(row) {
                nextMissing += 1
                continue
            }
            for i in 0..<width { values[row * width + i] = numbers[ends[row] + i] }
        }
        return ChunkColumn(values: .vector(width: width, values: values), missingRows: missing, rowCount: node.length, failure: nil)
    }

    /// Each row's value as JSON text (nil where missing), for nested values.
    private mutating func json(_ field: ArrowField) throws -> [String?] {
        let isNull: Bool = if case .null = field.type { true } else { false }
        if field.dictionary != nil || field.type.isFlat || isNull {
            let (values, type, presence) = try flat(field)
            let fragments = JSONFragments.of(values, type: type)
            var next = 0
            return (0..<presence.rowCount).map { row in
                guard presence.levels.isEmpty || presence.levels[row] == 1, next < fragments.count else { return nil }
                next += 1
                return fragments[next - 1]
            }
        }
        let node = try nextNode()
        let presence = try ArrowLeafDecoder.presence(validity: nextBuffer(), length: node.length, nullCount: node.nullCount)
        func present(_ row: Int) -> Bool { presence.levels.isEmpty || presence.levels[row] == 1 }
        switch field.type {
        case .list, .map:
            let offsetsBuffer = try nextBuffer()
            let isMap: Bool = if case .map = field.type { true } else { false }
            let large: Bool = if case .list(true) = field.type { true } else { false }
            let items = isMap ? try mapEntries(field.children[0]) : try json(field.children[0])
            let ends = try ArrowLeafDecoder.offsets(offsetsBuffer, node.length, large: large, dataCount: items.count)
            return (0..<node.length).map { row in
                guard present(row) else { return nil }
                let parts = items[ends[row]..<ends[row + 1]].map { $0 ?? "null" }
                return isMap ? "{" + parts.joined(separator: ",") + "}" : "[" + parts.joined(separator: ",") + "]"
            }
        case .fixedSizeList(let size):
            let items = try json(field.children[0])
            guard size == 0 || items.count / size >= node.length else { throw ArrowFormatError("corrupt fixed-size list (fewer values than its rows need)") }
            return (0..<node.length).map { row in
                present(row) ? "[" + items[(row * size)..<(row * size + size)].map { $0 ?? "null" }.joined(separator: ",") + "]" : nil
            }
        case .structure:
            let children = try field.children.map { try json($0) }
            for child in children where child.count < node.length { throw ArrowFormatError("corrupt struct (a child shorter than its rows)") }
            let keys = field.children.map { JSONFragments.quoted($0.name) + ":" }
            return (0..<node.length).map { row in
                present(row) ? "{" + children.indices.map { keys[$0] + (children[$0][row] ?? "null") }.joined(separator: ",") + "}" : nil
            }
        case .unsupported(let what, _):
            throw ArrowFormatError("holds \(what), which tutti does not read")
        default:
            throw ArrowFormatError("corrupt schema (an unexpected nested type)")
        }
    }

    /// The entries of a map's key-value struct as `"key":value` JSON members.
    private mutating func mapEntries(_ entries: ArrowField) throws -> [String?] {
        guard entries.children.count == 2 else { throw ArrowFormatError("corrupt schema (a map whose entries are not key and value)") }
        let node = try nextNode()
        _ = try nextBuffer()
        let keys = try json(entries.children[0])
        let values = try json(entries.children[1])
        guard keys.count >= node.length, values.count >= node.length else { throw ArrowFormatError("corrupt map (fewer keys or values than entries)") }
        return (0..<node.length).map { entry in
            let key = keys[entry] ?? "null"
            return (key.hasPrefix("\"") ? key : JSONFragments.quoted(key)) + ":" + (values[entry] ?? "null")
        }
    }
}

extension ArrowColumnDecoder {
    /// The values of a dictionary batch (one flat array without missing values) and their type.
    mutating func dictionaryValues(_ field: ArrowField) throws -> (ParquetLeafValues, ColumnarValueType) {
        let (values, type, presence) = try flat(field)
        guard presence.levels.isEmpty || !presence.levels.contains(0) else {
            throw ArrowFormatError("has a dictionary with a missing value, which tutti does not read")
        }
        return (values, type)
    }
}
