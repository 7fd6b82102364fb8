/// Reads a plain `utf8` / `binary` field of every record batch into one string column of all the
/// file's rows: one `ArrowStringCoder` codes the batches in turn, straight into one code array,
/// so each row is looked up in one table and each distinct value copied once — no per-batch
/// dictionaries to build and then merge (a batch of 9,000 rows of short comments held 4,000
/// distinct values, each copied, hashed and merged again). Gives up where the coder does or
/// the bytes are not valid UTF-8; the batches are then decoded one by one, as other fields are.
enum ArrowWholeStrings {
    /// Whether `field` is read this way, and whether its offsets are 64-bit; nil when it is not.
    static func reads(_ field: ArrowField) -> Bool? {
        guard field.dictionary == nil else { return nil }
        switch field.type {
        case .utf8(let large), .binary(let large): return large
        default: return nil
        }
    }

    /// Codes the rows of one record batch into `out` (the batch's first row) with `coder`,
    /// adding its missing rows, numbered from `firstRow`, to `missing`; false where the coder
    /// gives up or the bytes are not valid UTF-8.
    static func codeBatch(header: ArrowBatchHeader, source: ArrowBufferSource, cursor: ArrowArrayCursor, large: Bool, firstRow: Int,
                          coder: inout ArrowStringCoder, into out: UnsafeMutablePointer<UInt32>, missing: inout [Int32]) throws -> Bool {
        guard cursor.node < header.nodes.count else { throw ArrowFormatError("corrupt record batch (fewer field nodes than its columns need)") }
        let node = header.nodes[cursor.node]
        guard node.length == header.length else { throw ArrowFormatError("holds \(node.length) rows where its batch has \(header.length)") }
        let length = node.length
        let presence = try ArrowLeafDecoder.presence(validity: source.buffer(cursor.buffer), length: length, nullCount: node.nullCount)
        let offsets = try source.buffer(cursor.buffer + 1), data = try source.buffer(cursor.buffer + 2)
        guard length < Int.max / 8, offsets.count / (large ? 8 : 4) >= length + 1 else {
            if length == 0 { return true }
            throw ArrowFormatError("corrupt offsets buffer (shorter than its array)")
        }
        let ends = try ArrowStringColumn.checkedEnds(offsets, length: length, large: large, dataCount: data.count)
        let first = ends.first, last = ends.last
        // An empty data buffer (every value empty) has no address; its bytes are never read.
        let base = data.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        guard last == first || TextDecoding.isValidUTF8(base + first, last - first) else { return false }
        let coded = large
            ? coder.code(offsets: offsets, as: Int64.self, data: base, dataCount: data.count, length: length, last: last, presence: presence, into: out)
            : coder.code(offsets: offsets, as: Int32.self, data: base, dataCount: data.count, length: length, last: last, presence: presence, into: out)
        guard coded else { return false }
        for row in presence.missingRows { missing.append(Int32(firstRow) + row) }
        return true
    }
}

extension ArrowReader {
    /// The column of `field` over every batch (`ArrowWholeStrings`), or nil where it must be
    /// decoded batch by batch: `cursors` says where the field starts in each batch, `firstRows`
    /// where each batch starts (and, last, the row count). Throws the first problem in batch
    /// order, or "loading cancelled".
    func wholeStrings(_ field: ArrowField, large: Bool, batches: [Batch], cursors: [ArrowArrayCursor], firstRows: [Int],
                      done: ProgressCounter) throws -> ChunkColumn? {
        let rowCount = firstRows.last!
        var coder = ArrowStringCoder()
        var missing: [Int32] = []
        var coded = true
        let codes = try [UInt32](unsafeUninitializedCapacity: rowCount) { out, initialized in
            initialized = 0
            guard let base = out.baseAddress else { return }
            for (index, batch) in batches.enumerated() {
                if work.cancellation?.isCancelled == true { throw TuttiError.cancelled(file: name) }
                let source = ArrowBufferSource(file: buffer.bytes, body: batch.body, header: batch.header, memoryLimit: options.memoryLimit)
                do {
                    coded = try ArrowWholeStrings.codeBatch(header: batch.header, source: source, cursor: cursors[index], large: large,
                                                            firstRow: firstRows[index], coder: &coder, into: base + firstRows[index],
                                                            missing: &missing)
                } catch let error as ArrowFormatError {
                    throw failure(error.message, column: field.name, batch: index)
                }
                guard coded else { return }
            }
            initialized = rowCount
        }
        guard coded else { return nil }
        done.add(batches.reduce(0) { $0 + $1.body.count })
        guard missing.count < rowCount else { return ChunkColumn(values: .allMissing, missingRows: missing, rowCount: rowCount, failure: nil) }
        let builder = StringColumnBuilder(codes: codes, dictionary: coder.dictionary(), invalidUTF8Cells: 0)
        return ChunkColumn(values: .strings(builder), missingRows: missing, rowCount: rowCount, failure: nil)
    }
}
