/// Encodes one column's values for a set of rows as one Parquet column chunk: an optional
/// dictionary page (categorical columns) and data pages (v1) of definition levels (and, for
/// vectors, repetition levels) and values, each page compressed.
struct ParquetColumnEncoder {
    let column: Column
    let compression: ParquetCompression

    /// Rows per data page: pages of about a MiB of values.
    private var rowsPerPage: Int {
        let rowBytes = switch column.data {
        case .vector(let width, _): max(width, 1) * 4
        case .boolean: 1
        case .categorical: 2
        case .text(let table): table.bytes.count / max(table.count, 1) + 4
        default: 8
        }
        return max(1, (1 << 20) / rowBytes)
    }

    /// The encoded chunk and what its metadata records.
    struct Chunk {
        var bytes: [UInt8] = []
        /// The length of the dictionary page (0 without one): data pages start there.
        var dictionaryLength = 0
        var uncompressedSize = 0
        /// Level entries (rows, or vector values plus missing rows).
        var valueCount = 0
        var encodings: [Int32] = []
    }

    func encode(rows: ArraySlice<Int>) throws -> Chunk {
        var chunk = Chunk()
        var scratch = PageScratch()
        if case .categorical(_, let dictionary) = column.data {
            var plain: [UInt8] = []
            plain.reserveCapacity(dictionary.bytes.count + 4 * dictionary.count)
            for entry in 0..<dictionary.count { dictionary.withBytes(at: entry) { appendByteArray($0, to: &plain) } }
            try appendPage(&chunk, body: plain, scratch: &scratch,
                           header: { $0.structField(7); $0.i32(1, Int32(dictionary.count)); $0.i32(2, 0); $0.endStruct() }, type: 2)
            chunk.dictionaryLength = chunk.bytes.count
        }
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(rows.endIndex, start + rowsPerPage)
            try encodePage(rows[start..<end], into: &chunk, scratch: &scratch)
            start = end
        }
        if rows.isEmpty { try encodePage(rows, into: &chunk, scratch: &scratch) }
        chunk.encodings = column.kind == .categorical ? [0, 3, 8] : [0, 3]
        return chunk
    }

    /// Buffers reused from page to page of a chunk.
    private struct PageScratch {
        var body: [UInt8] = []
        var levels: [UInt32] = []
        var present: [Int] = []
        var codes: [UInt32] = []
        var compressed: [UInt8] = []
    }

    private func encodePage(_ rows: ArraySlice<Int>, into chunk: inout Chunk, scratch: inout PageScratch) throws {
        var body = scratch.body
        body.removeAll(keepingCapacity: true)
        defer { scratch.body = body }
        // Level entries: one a row, or for vectors one an element and one a missing or empty row.
        var levelCount = rows.count
        if case .vector(let width, let v) = column.data {
            levelCount = encodeVectors(rows, width: width, values: v, into: &body)
        } else {
            // Without missing cells (the common case) every level is 1: one run, no per-row levels.
            let allPresent = column.missingCount == 0
            if !allPresent { markPresent(rows, scratch: &scratch) }
            withLengthPrefix(&body) { body in
                if allPresent {
                    RLEHybridEncoder.appendRun(of: 1, count: rows.count, bitWidth: 1, to: &body)
                } else {
                    scratch.levels.withUnsafeBufferPointer { RLEHybridEncoder.append($0, bitWidth: 1, to: &body) }
                }
            }
            if allPresent {
                appendValues(rows, to: &body, codes: &scratch.codes)
            } else {
                appendValues(scratch.present[...], to: &body, codes: &scratch.codes)
            }
        }
        let encoding: Int32 = column.kind == .categorical ? 8 : 0
        try appendPage(&chunk, body: body, scratch: &scratch, header: {
            $0.structField(5)
            $0.i32(1, Int32(levelCount))
            $0.i32(2, encoding)
            $0.i32(3, 3)
            $0.i32(4, 3)
            $0.endStruct()
        }, type: 0)
        chunk.valueCount += levelCount
    }

    /// The definition level of each of `rows` and the rows holding a value, into `scratch`.
    private func markPresent(_ rows: ArraySlice<Int>, scratch: inout PageScratch) {
        let validity = column.validity
        scratch.levels.removeAll(keepingCapacity: true)
        scratch.present.removeAll(keepingCapacity: true)
        scratch.levels.reserveCapacity(rows.count)
        scratch.present.reserveCapacity(rows.count)
        for row in rows {
            if validity.contains(row) {
                scratch.levels.append(1)
                scratch.present.append(row)
            } else {
                scratch.levels.append(0)
            }
        }
    }

    /// Appends the PLAIN (or, for categorical columns, RLE_DICTIONARY) values of `present`.
    private func appendValues(_ present: ArraySlice<Int>, to body: inout [UInt8], codes scratchCodes: inout [UInt32]) {
        switch column.data {
        case .integer(let v), .datetime(let v):
            Self.appendFixedWidth(v, rows: present, to: &body)
        case .float(let v):
            Self.appendFixedWidth(v, rows: present, to: &body)
        case .boolean(let v):
            let start = body.count
            body.append(contentsOf: repeatElement(0, count: (present.count + 7) / 8))
            for (i, row) in present.enumerated() where v[row] { body[start + (i >> 3)] |= 1 << UInt8(i & 7) }
        case .categorical(let codes, let dictionary):
            let width = max(1, RLEHybridEncoder.bitWidth(for: dictionary.count - 1))
            body.append(UInt8(width))
            codes.withUnsafeBufferPointer { codes in
                if let range = Self.contiguousRange(present) {
                    RLEHybridEncoder.append(UnsafeBufferPointer(rebasing: codes[range]), bitWidth: width, to: &body)
                } else {
                    scratchCodes.removeAll(keepingCapacity: true)
                    scratchCodes.reserveCapacity(present.count)
                    for row in present { scratchCodes.append(codes[row]) }
                    scratchCodes.withUnsafeBufferPointer { RLEHybridEncoder.append($0, bitWidth: width, to: &body) }
                }
            }
        case .text(let table):
            body.reserveCapacity(body.count + present.reduce(0) { $0 + table.length(at: $1) + 4 })
            table.bytes.withUnsafeBufferPointer { arena in
                for row in present {
                    let start = table.offsets[row], end = table.offsets[row + 1]
                    appendByteArray(UnsafeBufferPointer(rebasing: arena[start..<end]), to: &body)
                }
            }
        case .vector:
            preconditionFailure("vectors are encoded by encodeVectors")
        }
    }

    /// The repetition and definition levels and the values of a list<float> page: level 2 is an
    /// element, 1 an empty list, 0 a missing row. Returns the number of level entries.
    private func encodeVectors(_ rows: ArraySlice<Int>, width: Int, values v: [Float], into body: inout [UInt8]) -> Int {
        let validity = column.validity
        var levels: [UInt32] = []
        var repetitions: [UInt32] = []
        var values: [UInt8] = []
        for row in rows {
            guard validity.contains(row) else { levels.append(0); repetitions.append(0); continue }
            if width == 0 { levels.append(1); repetitions.append(0); continue }
            for i in 0..<width {
                levels.append(2)
                repetitions.append(i == 0 ? 0 : 1)
                appendLittleEndian(v[row * width + i].bitPattern, to: &values)
            }
        }
        withLengthPrefix(&body) { body in repetitions.withUnsafeBufferPointer { RLEHybridEncoder.append($0, bitWidth: 1, to: &body) } }
        withLengthPrefix(&body) { body in levels.withUnsafeBufferPointer { RLEHybridEncoder.append($0, bitWidth: 2, to: &body) } }
        body.append(contentsOf: values)
        return levels.count
    }

    /// Appends what `write` appends, preceded by its length as a little-endian UInt32.
    private func withLengthPrefix(_ body: inout [UInt8], _ write: (inout [UInt8]) -> Void) {
        let start = body.count
        body.append(contentsOf: [0, 0, 0, 0])
        write(&body)
        let length = UInt32(body.count - start - 4)
        for i in 0..<4 { body[start + i] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(i))) }
    }

    /// The rows as one range when they are consecutive and ascending, else nil.
    private static func contiguousRange(_ rows: ArraySlice<Int>) -> Range<Int>? {
        guard let first = rows.first else { return 0..<0 }
        var expected = first
        for row in rows {
            guard row == expected else { return nil }
            expected += 1
        }
        return first..<expected
    }

    /// Appends the little-endian bytes of `source` at `rows`.
    private static func appendFixedWidth<T: BitwiseCopyable>(_ source: [T], rows: ArraySlice<Int>, to body: inout [UInt8]) {
        let size = MemoryLayout<T>.size
        let start = body.count
        body.append(contentsOf: repeatElement(0, count: rows.count * size))
        body.withUnsafeMutableBytes { target in
            source.withUnsafeBytes { from in
                let out = target.baseAddress! + start
                if let range = contiguousRange(rows) {
                    if !range.isEmpty { out.copyMemory(from: from.baseAddress! + range.lowerBound * size, byteCount: range.count * size) }
                    return
                }
                source.withUnsafeBufferPointer { typed in
                    for (i, row) in rows.enumerated() { out.storeBytes(of: typed[row], toByteOffset: i * size, as: T.self) }
                }
            }
        }
    }

    /// Compresses `body` and appends it with its page header.
    private func appendPage(_ chunk: inout Chunk, body: [UInt8], scratch: inout PageScratch, header: (inout ThriftCompactWriter) -> Void,
                            type: Int32) throws {
        let compressedCount = try compression.compress(body, into: &scratch.compressed)
        var writer = ThriftCompactWriter()
        writer.beginStruct()
        writer.i32(1, type)
        writer.i32(2, Int32(body.count))
        writer.i32(3, Int32(compressedCount))
        header(&writer)
        writer.endStruct()
        chunk.bytes.append(contentsOf: writer.bytes)
        if compression == .none {
            chunk.bytes.append(contentsOf: body)
        } else {
            scratch.compressed.withUnsafeBufferPointer { chunk.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<compressedCount])) }
        }
        chunk.uncompressedSize += writer.bytes.count + body.count
    }
}

@inline(__always)
func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
}

@inline(__always)
private func appendByteArray(_ value: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
    appendLittleEndian(UInt32(value.count), to: &bytes)
    bytes.append(contentsOf: value)
}
