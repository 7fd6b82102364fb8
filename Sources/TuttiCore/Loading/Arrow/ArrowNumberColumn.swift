/// Reads an Arrow array of integers or floats straight into row-ordered values, one pass over its
/// buffer: a missing row holds 0, as `ColumnarMapping` places it. An array of the loader's own
/// layout (64-bit integers, doubles) is one copy from the (mapped) file, or decompressed straight
/// into place.
enum ArrowNumberColumn {
    /// Whether `type` is read here: signed integers, unsigned ones of up to 32 bits (wider ones
    /// may not fit an integer column), 32- and 64-bit floats.
    static func reads(_ type: ArrowType) -> Bool {
        switch type {
        case .integer(let bits, let signed): [8, 16, 32, 64].contains(bits) && (signed || bits <= 32)
        case .float(let bits): bits == 32 || bits == 64
        default: false
        }
    }

    /// Whether values of `type` (one `reads(_:)` accepts) make a float column, else an integer one.
    static func isFloat(_ type: ArrowType) -> Bool {
        if case .float = type { true } else { false }
    }

    /// The values of one array of a type `reads(_:)` accepts, in row order: `length` values from
    /// buffer `index` of `source`, 0 in `missingRows` (ascending, below `length`).
    static func values(_ type: ArrowType, source: ArrowBufferSource, buffer index: Int, length: Int,
                       missingRows: [Int32]) throws -> ChunkValues {
        func read<R: Numeric & BitwiseCopyable>(_: R.Type) throws -> [R] {
            try [R](unsafeUninitializedCapacity: length) { out, initialized in
                initialized = 0
                guard let base = out.baseAddress else { return }
                try write(type, source: source, buffer: index, length: length, into: UnsafeMutableRawPointer(base))
                for row in missingRows { out[Int(row)] = 0 }
                initialized = length
            }
        }
        return isFloat(type) ? .float(try read(Double.self)) : .integer(try read(Int64.self))
    }

    /// Writes `length` values of an array of `type` (one `reads(_:)` accepts) from buffer `index`
    /// of `source` to `target`, as `Double` for floats and `Int64` for integers, whatever the
    /// array holds in its missing rows.
    static func write(_ type: ArrowType, source: ArrowBufferSource, buffer index: Int, length: Int,
                      into target: UnsafeMutableRawPointer) throws {
        guard length > 0 else { return }
        switch type {
        case .integer(64, true), .float(64):
            try source.copy(index, count: length * 8, into: target)
            return
        default: break
        }
        let buffer = try source.buffer(index)
        let integers = target.assumingMemoryBound(to: Int64.self)
        switch type {
        case .integer(8, true): try convert(buffer, length, Int8.self, integers) { Int64($0) }
        case .integer(8, false): try convert(buffer, length, UInt8.self, integers) { Int64($0) }
        case .integer(16, true): try convert(buffer, length, Int16.self, integers) { Int64($0) }
        case .integer(16, false): try convert(buffer, length, UInt16.self, integers) { Int64($0) }
        case .integer(32, true): try convert(buffer, length, Int32.self, integers) { Int64($0) }
        case .integer(32, false): try convert(buffer, length, UInt32.self, integers) { Int64($0) }
        default: try convert(buffer, length, Float.self, target.assumingMemoryBound(to: Double.self)) { Double($0) }
        }
    }

    /// `length` values of `T` from `buffer`, converted, to `out`.
    @inline(__always)
    private static func convert<T: BitwiseCopyable, R>(_ buffer: UnsafeRawBufferPointer, _ length: Int, _: T.Type,
                                                       _ out: UnsafeMutablePointer<R>, _ convert: (T) -> R) throws {
        let width = MemoryLayout<T>.size
        guard buffer.count / width >= length else { throw ArrowFormatError("corrupt data buffer (shorter than its array)") }
        for row in 0..<length { out[row] = convert(buffer.loadUnaligned(fromByteOffset: row * width, as: T.self)) }
    }

    /// The rows of an array of `length` values, numbered from `firstRow`, that its validity
    /// bitmap marks missing (none when `nullCount` is 0), ascending.
    static func missingRows(validity: UnsafeRawBufferPointer, length: Int, nullCount: Int, firstRow: Int) throws -> [Int32] {
        guard nullCount > 0 else { return [] }
        guard validity.count >= (length + 7) / 8 else { throw ArrowFormatError("corrupt validity bitmap (shorter than its array)") }
        var rows: [Int32] = []
        rows.reserveCapacity(min(nullCount, length))
        for byteIndex in 0..<((length + 7) / 8) {
            var missing = ~validity[byteIndex]
            if byteIndex == length / 8 { missing &= UInt8(truncatingIfNeeded: (1 << (length % 8)) - 1) }
            while missing != 0 {
                let bit = missing.trailingZeroBitCount
                rows.append(Int32(firstRow + byteIndex * 8 + bit))
                missing &= missing - 1
            }
        }
        return rows
    }
}
