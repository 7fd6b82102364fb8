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
        if case .categorical(_, let dictionary) = column.data {
            var plain: [UInt8] = []
            plain.reserveCapacity(dictionary.bytes.count + 4 * dictionary.count)
            for entry in 0..<dictionary.count { dictionary.withBytes(at: entry) { appendByteArray($0, to: &plain) } }
            try appendPage(&chunk, body: plain, header: { $0.structField(7); $0.i32(1, Int32(dictionary.count)); $0.i32(2, 0); $0.endStruct() }, type: 2)
            chunk.dictionaryLength = chunk.bytes.count
        }
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(rows.endIndex, start + rowsPerPage)
            try encodePage(rows[start..<end], into: &chunk)
            start = end
        }
        if rows.isEmpty { try encodePage(rows, into: &chunk) }
        chunk.encodings = column.kind == .categorical ? [0, 3, 8] : [0, 3]
        return chunk
    }

    private func encodePage(_ rows: ArraySlice<Int>, into chunk: inout Chunk) throws {
        var body: [UInt8] = []
        var levels: [UInt32] = []
        var repetitions: [UInt32] = []
        var values: [UInt8] = []
        levels.reserveCapacity(rows.count)
        let validity = column.validity
        switch column.data {
        case .integer(let v):
            for row in rows { if validity.contains(row) { levels.append(1); appendLittleEndian(v[row], to: &values) } else { levels.append(0) } }
        case .float(let v):
            for row in rows { if validity.contains(row) { levels.append(1); appendLittleEndian(v[row].bitPattern, to: &values) } else { levels.append(0) } }
        case .boolean(let v):
            var bits: [Bool] = []
            for row in rows { if validity.contains(row) { levels.append(1); bits.append(v[row]) } else { levels.append(0) } }
            values = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
            for (i, bit) in bits.enumerated() where bit { values[i >> 3] |= 1 << UInt8(i & 7) }
        case .categorical(let codes, let dictionary):
            var indices: [UInt32] = []
            indices.reserveCapacity(rows.count)
            for row in rows { if validity.contains(row) { levels.append(1); indices.append(codes[row]) } else { levels.append(0) } }
            let width = max(1, RLEHybridEncoder.bitWidth(for: dictionary.count - 1))
            values.append(UInt8(width))
            values.append(contentsOf: indices.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: width) })
        case .text(let table):
            for row in rows {
                if validity.contains(row) {
                    levels.append(1)
                    table.withBytes(at: row) { appendByteArray($0, to: &values) }
                } else {
                    levels.append(0)
                }
            }
        case .vector(let width, let v):
            // list<float>: level 2 is an element, 1 an empty list, 0 a missing row.
            for row in rows {
                guard validity.contains(row) else { levels.append(0); repetitions.append(0); continue }
                if width == 0 { levels.append(1); repetitions.append(0); continue }
                for i in 0..<width {
                    levels.append(2)
                    repetitions.append(i == 0 ? 0 : 1)
                    appendLittleEndian(v[row * width + i].bitPattern, to: &values)
                }
            }
        }
        if column.kind == .vector {
            let encoded = repetitions.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: 1) }
            appendLittleEndian(UInt32(encoded.count), to: &body)
            body.append(contentsOf: encoded)
        }
        let maxLevel = column.kind == .vector ? 2 : 1
        let encodedLevels = levels.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: RLEHybridEncoder.bitWidth(for: maxLevel)) }
        appendLittleEndian(UInt32(encodedLevels.count), to: &body)
        body.append(contentsOf: encodedLevels)
        body.append(contentsOf: values)
        let entries = levels.count
        let encoding: Int32 = column.kind == .categorical ? 8 : 0
        try appendPage(&chunk, body: body, header: {
            $0.structField(5)
            $0.i32(1, Int32(entries))
            $0.i32(2, encoding)
            $0.i32(3, 3)
            $0.i32(4, 3)
            $0.endStruct()
        }, type: 0)
        chunk.valueCount += entries
    }

    /// Compresses `body` and appends it with its page header.
    private func appendPage(_ chunk: inout Chunk, body: [UInt8], header: (inout ThriftCompactWriter) -> Void, type: Int32) throws {
        let compressed = try compression.compress(body)
        var writer = ThriftCompactWriter()
        writer.beginStruct()
        writer.i32(1, type)
        writer.i32(2, Int32(body.count))
        writer.i32(3, Int32(compressed.count))
        header(&writer)
        writer.endStruct()
        chunk.bytes.append(contentsOf: writer.bytes)
        chunk.bytes.append(contentsOf: compressed)
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
