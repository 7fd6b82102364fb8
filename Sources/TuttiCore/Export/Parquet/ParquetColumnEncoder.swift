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
        let validity = column.validity
        // Without missing cells (the common case) every level is 1: one run, no per-row levels.
        let allPresent = column.missingCount == 0 && column.kind != .vector
        var levels: [UInt32] = []
        var repetitions: [UInt32] = []
        var values: [UInt8] = []
        if !allPresent { levels.reserveCapacity(rows.count) }
        /// The rows holding a value, recording each row's definition level on the way.
        func presentRows() -> [Int] {
            if allPresent { return Array(rows) }
            var present: [Int] = []
            present.reserveCapacity(rows.count)
            for row in rows {
                if validity.contains(row) {
                    levels.append(1)
                    present.append(row)
                } else {
                    levels.append(0)
                }
            }
            return present
        }
        switch column.data {
        case .integer(let v), .datetime(let v):
            values = Self.fixedWidth(v, rows: presentRows())
        case .float(let v):
            values = Self.fixedWidth(v, rows: presentRows())
        case .boolean(let v):
            let present = presentRows()
            values = [UInt8](repeating: 0, count: (present.count + 7) / 8)
            for (i, row) in present.enumerated() where v[row] { values[i >> 3] |= 1 << UInt8(i & 7) }
        case .categorical(let codes, let dictionary):
            let indices = presentRows().map { codes[$0] }
            let width = max(1, RLEHybridEncoder.bitWidth(for: dictionary.count - 1))
            values.append(UInt8(width))
            values.append(contentsOf: indices.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: width) })
        case .text(let table):
            let present = presentRows()
            values.reserveCapacity(present.reduce(0) { $0 + table.length(at: $1) + 4 })
            table.bytes.withUnsafeBufferPointer { arena in
                for row in present {
                    let start = table.offsets[row], end = table.offsets[row + 1]
                    appendByteArray(UnsafeBufferPointer(rebasing: arena[start..<end]), to: &values)
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
        var body: [UInt8] = []
        body.reserveCapacity(values.count + levels.count / 4 + 16)
        if column.kind == .vector {
            let encoded = repetitions.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: 1) }
            appendLittleEndian(UInt32(encoded.count), to: &body)
            body.append(contentsOf: encoded)
        }
        let entries = allPresent ? rows.count : levels.count
        let encodedLevels = allPresent
            ? RLEHybridEncoder.run(of: 1, count: entries, bitWidth: 1)
            : levels.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: RLEHybridEncoder.bitWidth(for: column.kind == .vector ? 2 : 1)) }
        appendLittleEndian(UInt32(encodedLevels.count), to: &body)
        body.append(contentsOf: encodedLevels)
        body.append(contentsOf: values)
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

    /// The little-endian bytes of `source` at `rows`.
    private static func fixedWidth<T: BitwiseCopyable>(_ source: [T], rows: [Int]) -> [UInt8] {
        let size = MemoryLayout<T>.size
        return [UInt8](unsafeUninitializedCapacity: rows.count * size) { buffer, initialized in
            source.withUnsafeBytes { from in
                let target = UnsafeMutableRawPointer(buffer.baseAddress!)
                for (i, row) in rows.enumerated() {
                    (target + i * size).copyMemory(from: from.baseAddress! + row * size, byteCount: size)
                }
            }
            initialized = rows.count * size
        }
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
