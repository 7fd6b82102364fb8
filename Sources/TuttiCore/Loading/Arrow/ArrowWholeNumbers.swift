/// Reads an integer or float field of every record batch into one array holding all the file's
/// rows: the file's footer (or the stream) gives each batch's row count before anything is
/// decoded, so the final column is allocated once and each batch writes its own slice of it —
/// copied from the mapped file, or decompressed straight into place, batches on all cores. The
/// assembler takes the array as it is (`ParsedTable.wholeColumns`): no per-batch array is
/// filled and then joined, which wrote every number twice into fresh pages.
enum ArrowWholeNumbers {
    /// Whether `field` is read this way (integers and floats `ArrowNumberColumn` reads, not
    /// dictionary-encoded).
    static func reads(_ field: ArrowField) -> Bool {
        field.dictionary == nil && ArrowNumberColumn.reads(field.type)
    }

    /// Writes the values of `field` in one record batch to `target` (the column's first row),
    /// at `firstRow`, 0 in its missing rows; returns those rows, numbered from the file's first.
    static func readBatch(_ field: ArrowField, header: ArrowBatchHeader, source: ArrowBufferSource, cursor: ArrowArrayCursor,
                          firstRow: Int, into target: UnsafeMutableRawPointer) throws -> [Int32] {
        guard cursor.node < header.nodes.count else { throw ArrowFormatError("corrupt record batch (fewer field nodes than its columns need)") }
        let node = header.nodes[cursor.node]
        guard node.length == header.length else { throw ArrowFormatError("holds \(node.length) rows where its batch has \(header.length)") }
        let missing = try ArrowNumberColumn.missingRows(validity: source.buffer(cursor.buffer), length: node.length,
                                                        nullCount: node.nullCount, firstRow: firstRow)
        try ArrowNumberColumn.write(field.type, source: source, buffer: cursor.buffer + 1, length: node.length,
                                    into: target + firstRow * 8)
        // Int64 and Double zero are the same eight zero bytes.
        for row in missing { (target + Int(row) * 8).storeBytes(of: 0, as: UInt64.self) }
        return missing
    }
}

extension ArrowReader {
    /// The column of `field` over every batch (`ArrowWholeNumbers`): `cursors` says where the
    /// field starts in each batch, `firstRows` where each batch starts (and, last, the row
    /// count). Throws the first problem in batch order, or "loading cancelled".
    func wholeNumbers(_ field: ArrowField, batches: [Batch], cursors: [ArrowArrayCursor], firstRows: [Int],
                      done: ProgressCounter) throws -> ChunkColumn {
        let rowCount = firstRows.last!
        let file = buffer.bytes, memoryLimit = options.memoryLimit, cancellation = work.cancellation, name = name
        var missing: [Int32] = []
        func fill(_ target: UnsafeMutableRawPointer) throws {
            let outcomes = ResultSlots<Result<[Int32], TuttiError>>.collect(count: batches.count) { index in
                if cancellation?.isCancelled == true { return .failure(TuttiError.cancelled(file: name)) }
                let batch = batches[index]
                do {
                    let source = ArrowBufferSource(file: file, body: batch.body, header: batch.header, memoryLimit: memoryLimit)
                    let rows = try ArrowWholeNumbers.readBatch(field, header: batch.header, source: source, cursor: cursors[index],
                                                               firstRow: firstRows[index], into: target)
                    done.add(batch.body.count)
                    return .success(rows)
                } catch let error as ArrowFormatError {
                    return .failure(failure(error.message, column: field.name, batch: index))
                } catch {
                    return .failure(TuttiError.cancelled(file: name))
                }
            }
            missing.reserveCapacity(outcomes.reduce(0) { $0 + ((try? $1.get())?.count ?? 0) })
            for outcome in outcomes { missing.append(contentsOf: try outcome.get()) }
        }
        func read<R: BitwiseCopyable>(_: R.Type) throws -> [R] {
            try [R](unsafeUninitializedCapacity: rowCount) { out, initialized in
                initialized = 0
                guard let base = out.baseAddress else { return }
                try fill(UnsafeMutableRawPointer(base))
                initialized = rowCount
            }
        }
        let values: ChunkValues = ArrowNumberColumn.isFloat(field.type) ? .float(try read(Double.self)) : .integer(try read(Int64.self))
        return ChunkColumn(values: missing.count < rowCount ? values : .allMissing, missingRows: missing, rowCount: rowCount, failure: nil)
    }
}
