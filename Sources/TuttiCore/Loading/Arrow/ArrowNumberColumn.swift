/// Reads an Arrow array of integers or floats straight into the chunk's row-ordered values, one
/// pass over its buffer in the (mapped) file: a missing row holds 0, as `ColumnarMapping`
/// places it. Arrays of the loader's own layout without missing rows are one copy.
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

    /// The values of an array of a type `reads(_:)` accepts, in row order.
    static func values(_ type: ArrowType, buffer: UnsafeRawBufferPointer, length: Int,
                       presence: ColumnarMapping.Presence) throws -> ChunkValues {
        switch type {
        case .integer(8, true): .integer(try read(buffer, length, presence, as: Int8.self) { Int64($0) })
        case .integer(8, false): .integer(try read(buffer, length, presence, as: UInt8.self) { Int64($0) })
        case .integer(16, true): .integer(try read(buffer, length, presence, as: Int16.self) { Int64($0) })
        case .integer(16, false): .integer(try read(buffer, length, presence, as: UInt16.self) { Int64($0) })
        case .integer(32, true): .integer(try read(buffer, length, presence, as: Int32.self) { Int64($0) })
        case .integer(32, false): .integer(try read(buffer, length, presence, as: UInt32.self) { Int64($0) })
        case .float(32): .float(try read(buffer, length, presence, as: Float.self) { Double($0) })
        case .float(64): .float(try read(buffer, length, presence, as: Double.self) { $0 })
        default: .integer(try read(buffer, length, presence, as: Int64.self) { $0 })
        }
    }

    /// `length` values of `T` from `buffer`, converted, 0 in missing rows.
    @inline(__always)
    private static func read<T: BitwiseCopyable, R: Numeric & BitwiseCopyable>(
        _ buffer: UnsafeRawBufferPointer, _ length: Int, _ presence: ColumnarMapping.Presence, as: T.Type,
        _ convert: (T) -> R
    ) throws -> [R] {
        let width = MemoryLayout<T>.size
        guard buffer.count / width >= length else { throw ArrowFormatError("corrupt data buffer (shorter than its array)") }
        guard length > 0 else { return [] }
        return [R](unsafeUninitializedCapacity: length) { out, initialized in
            if presence.levels.isEmpty, T.self == R.self {
                UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: buffer.baseAddress!, byteCount: length * width)
            } else if presence.levels.isEmpty {
                for row in 0..<length { out[row] = convert(buffer.loadUnaligned(fromByteOffset: row * width, as: T.self)) }
            } else {
                presence.levels.withUnsafeBufferPointer { levels in
                    for row in 0..<length {
                        out[row] = levels[row] == presence.presentLevel
                            ? convert(buffer.loadUnaligned(fromByteOffset: row * width, as: T.self)) : 0
                    }
                }
            }
            initialized = length
        }
    }
}
