/// Reads the arrays of flat (non-nested) Arrow types into the present values and presence of
/// `ColumnarMapping`, the mapping the Parquet reader uses too, so both formats give the same
/// columns. Every length is checked against its buffer before anything is read or allocated.
enum ArrowLeafDecoder {
    /// The rows of an array of `length` values that hold one: empty levels when all do.
    static func presence(validity: UnsafeRawBufferPointer, length: Int, nullCount: Int) throws -> ColumnarMapping.Presence {
        guard nullCount > 0 else { return .init(levels: [], presentLevel: 1, rowCount: length) }
        guard validity.count >= (length + 7) / 8 else { throw ArrowFormatError("corrupt validity bitmap (shorter than its array)") }
        var levels = [UInt8](repeating: 0, count: length)
        levels.withUnsafeMutableBufferPointer { out in
            for row in 0..<length { out[row] = (validity[row >> 3] >> UInt8(row & 7)) & 1 }
        }
        return .init(levels: levels, presentLevel: 1, rowCount: length)
    }

    /// `length` fixed-width values of `T` from `buffer`, only those of present rows.
    static func fixed<T: FixedWidthInteger>(_ buffer: UnsafeRawBufferPointer, _ length: Int, _ presence: ColumnarMapping.Presence,
                                            as: T.Type) throws -> [T] {
        let width = MemoryLayout<T>.size
        guard buffer.count / width >= length else { throw ArrowFormatError("corrupt data buffer (shorter than its array)") }
        if presence.levels.isEmpty {
            return [T](unsafeUninitializedCapacity: length) { out, count in
                if length > 0 { UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: buffer.baseAddress!, byteCount: length * width) }
                count = length
            }
        }
        var values: [T] = []
        values.reserveCapacity(length)
        for row in 0..<length where presence.levels[row] == 1 {
            values.append(buffer.loadUnaligned(fromByteOffset: row * width, as: T.self))
        }
        return values
    }

    /// Start and end offsets (32- or 64-bit) of `length` variable-length values, checked to
    /// ascend within `dataCount` bytes.
    static func offsets(_ buffer: UnsafeRawBufferPointer, _ length: Int, large: Bool, dataCount: Int) throws -> [Int] {
        let width = large ? 8 : 4
        guard length < Int.max / 8, buffer.count / width >= length + 1 else {
            if length == 0 { return [0] }
            throw ArrowFormatError("corrupt offsets buffer (shorter than its array)")
        }
        var result = [Int](repeating: 0, count: length + 1)
        var previous = 0
        for index in 0...length {
            let value = large ? Int(buffer.loadUnaligned(fromByteOffset: 8 * index, as: Int64.self))
                : Int(buffer.loadUnaligned(fromByteOffset: 4 * index, as: Int32.self))
            guard value >= (index == 0 ? 0 : previous), value <= dataCount else {
                throw ArrowFormatError("corrupt offsets buffer (an offset goes backwards or past its data)")
            }
            result[index] = value
            previous = value
        }
        return result
    }

    /// The values of a flat array: its type for the mapping and its present values. `buffers`
    /// are the array's buffers after the validity bitmap; `variadic` the data buffers of views.
    static func values(_ type: ArrowType, length: Int, presence: ColumnarMapping.Presence, buffers: [UnsafeRawBufferPointer],
                       variadic: [UnsafeRawBufferPointer]) throws -> (ParquetLeafValues, ColumnarValueType) {
        func need(_ count: Int) throws {
            guard buffers.count >= count else { throw ArrowFormatError("corrupt record batch (too few buffers)") }
        }
        switch type {
        case .boolean:
            try need(1)
            guard buffers[0].count >= (length + 7) / 8 else { throw ArrowFormatError("corrupt data buffer (shorter than its array)") }
            var values = ParquetLeafValues(physicalType: .boolean, width: 0)
            values.reserve(length)
            for row in 0..<length where presence.levels.isEmpty || presence.levels[row] == 1 {
                values.booleans.append((buffers[0][row >> 3] >> UInt8(row & 7)) & 1 == 1)
            }
            return (values, .boolean)
        case .integer(let bits, let signed):
            try need(1)
            return try integers(buffers[0], bits: bits, signed: signed, length: length, presence: presence, type: .integer(bits: bits, signed: signed))
        case .duration:
            try need(1)
            return try integers(buffers[0], bits: 64, signed: true, length: length, presence: presence, type: .integer(bits: 64, signed: true))
        case .float(let bits):
            try need(1)
            switch bits {
            case 16: return (try fixedBytes(buffers[0], width: 2, length: length, presence: presence, reversed: false), .float16)
            case 32:
                var values = ParquetLeafValues(physicalType: .float, width: 0)
                values.floats = try fixed(buffers[0], length, presence, as: UInt32.self).map { Float(bitPattern: $0) }
                return (values, .float32)
            default:
                var values = ParquetLeafValues(physicalType: .double, width: 0)
                values.doubles = try fixed(buffers[0], length, presence, as: UInt64.self).map { Double(bitPattern: $0) }
                return (values, .float64)
            }
        case .decimal(let bits, let scale):
            try need(1)
            if bits <= 64 { return try integers(buffers[0], bits: bits, signed: true, length: length, presence: presence, type: .decimal(scale: scale)) }
            // The mapping reads wide decimals big-endian, as Parquet stores them.
            return (try fixedBytes(buffers[0], width: bits / 8, length: length, presence: presence, reversed: true), .decimal(scale: scale))
        case .date(let millis):
            try need(1)
            if !millis { return try integers(buffers[0], bits: 32, signed: true, length: length, presence: presence, type: .date) }
            var values = ParquetLeafValues(physicalType: .int64, width: 0)
            values.ints64 = try fixed(buffers[0], length, presence, as: Int64.self).map { $0 >= 0 ? $0 / 86_400_000 : ($0 + 1) / 86_400_000 - 1 }
            return (values, .date)
        case .time(let unit, let bits):
            try need(1)
            return try integers(buffers[0], bits: bits, signed: true, length: length, presence: presence, type: .time(unit))
        case .timestamp(let unit, let utc):
            try need(1)
            return try integers(buffers[0], bits: 64, signed: true, length: length, presence: presence, type: .timestamp(unit, adjustedToUTC: utc))
        case .utf8(let large), .binary(let large):
            try need(2)
            let ends = try offsets(buffers[0], length, large: large, dataCount: buffers[1].count)
            return (byteArrays(buffers[1], ends: ends, presence: presence), type.isText ? .string : .binary)
        case .utf8View, .binaryView:
            try need(1)
            return (try views(buffers[0], variadic: variadic, length: length, presence: presence), type.isText ? .string : .binary)
        case .fixedSizeBinary(let width):
            try need(1)
            return (try fixedBytes(buffers[0], width: width, length: length, presence: presence, reversed: false), .binary)
        default:
            throw ArrowFormatError("is not a flat type")
        }
    }

    private static func integers(_ buffer: UnsafeRawBufferPointer, bits: Int, signed: Bool, length: Int, presence: ColumnarMapping.Presence,
                                 type: ColumnarValueType) throws -> (ParquetLeafValues, ColumnarValueType) {
        if bits == 64 {
            var values = ParquetLeafValues(physicalType: .int64, width: 0)
            values.ints64 = try fixed(buffer, length, presence, as: Int64.self)
            return (values, type)
        }
        var values = ParquetLeafValues(physicalType: .int32, width: 0)
        switch (bits, signed) {
        case (8, true): values.ints32 = try fixed(buffer, length, presence, as: Int8.self).map { Int32($0) }
        case (8, false): values.ints32 = try fixed(buffer, length, presence, as: UInt8.self).map { Int32($0) }
        case (16, true): values.ints32 = try fixed(buffer, length, presence, as: Int16.self).map { Int32($0) }
        case (16, false): values.ints32 = try fixed(buffer, length, presence, as: UInt16.self).map { Int32($0) }
        default: values.ints32 = try fixed(buffer, length, presence, as: Int32.self)
        }
        return (values, type)
    }

    /// Fixed-width byte strings (half floats, wide decimals, fixed-size binary) of present rows.
    private static func fixedBytes(_ buffer: UnsafeRawBufferPointer, width: Int, length: Int, presence: ColumnarMapping.Presence,
                                   reversed: Bool) throws -> ParquetLeafValues {
        guard width == 0 || buffer.count / width >= length else { throw ArrowFormatError("corrupt data buffer (shorter than its array)") }
        var values = ParquetLeafValues(physicalType: .fixedLenByteArray, width: width)
        values.reserve(length)
        values.arena.reserveCapacity(length * width)
        for row in 0..<length where presence.levels.isEmpty || presence.levels[row] == 1 {
            let entry = buffer[(row * width)..<(row * width + width)]
            if reversed { values.arena.append(contentsOf: entry.reversed()) } else { values.arena.append(contentsOf: entry) }
            values.offsets.append(values.arena.count)
        }
        return values
    }

    /// Variable-length values of present rows, back to back.
    private static func byteArrays(_ data: UnsafeRawBufferPointer, ends: [Int], presence: ColumnarMapping.Presence) -> ParquetLeafValues {
        var values = ParquetLeafValues(physicalType: .byteArray, width: 0)
        let length = ends.count - 1
        if presence.levels.isEmpty {
            let first = ends[0]
            values.arena = Array(data[first..<ends[length]])
            values.offsets = first == 0 ? ends : ends.map { $0 - first }
            return values
        }
        values.reserve(length)
        for row in 0..<length where presence.levels[row] == 1 {
            values.arena.append(contentsOf: data[ends[row]..<ends[row + 1]])
            values.offsets.append(values.arena.count)
        }
        return values
    }

    /// Binary and string views (16 bytes each: length, then the bytes inline up to 12 or a
    /// prefix, data buffer index and offset).
    private static func views(_ buffer: UnsafeRawBufferPointer, variadic: [UnsafeRawBufferPointer], length: Int,
                              presence: ColumnarMapping.Presence) throws -> ParquetLeafValues {
        guard buffer.count / 16 >= length else { throw ArrowFormatError("corrupt views buffer (shorter than its array)") }
        var values = ParquetLeafValues(physicalType: .byteArray, width: 0)
        values.reserve(length)
        for row in 0..<length where presence.levels.isEmpty || presence.levels[row] == 1 {
            let at = row * 16
            let size = Int(buffer.loadUnaligned(fromByteOffset: at, as: Int32.self))
            guard size >= 0 else { throw ArrowFormatError("corrupt view (a negative length)") }
            if size <= 12 {
                values.arena.append(contentsOf: buffer[(at + 4)..<(at + 4 + size)])
            } else {
                let index = Int(buffer.loadUnaligned(fromByteOffset: at + 8, as: Int32.self))
                let offset = Int(buffer.loadUnaligned(fromByteOffset: at + 12, as: Int32.self))
                guard index >= 0, index < variadic.count, offset >= 0, offset <= variadic[index].count - size else {
                    throw ArrowFormatError("corrupt view (it points outside its data buffers)")
                }
                values.arena.append(contentsOf: variadic[index][offset..<(offset + size)])
            }
            values.offsets.append(values.arena.count)
        }
        return values
    }
}

extension ArrowType {
    /// Whether values of this type are UTF-8 text.
    var isText: Bool {
        switch self {
        case .utf8, .utf8View: true
        default: false
        }
    }

    /// Whether this is a flat type `ArrowLeafDecoder` reads.
    var isFlat: Bool {
        switch self {
        case .list, .fixedSizeList, .structure, .map, .null, .unsupported: false
        default: true
        }
    }

    /// Whether values of this type are numbers a vector can hold.
    var isNumeric: Bool {
        switch self {
        case .integer, .float, .decimal: true
        default: false
        }
    }
}
