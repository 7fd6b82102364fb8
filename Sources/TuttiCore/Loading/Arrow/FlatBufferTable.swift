/// One table of a flatbuffer (the encoding of Arrow's metadata), read with every offset and
/// length checked against the bytes: a flatbuffer in a file is untrusted input, and a bad one
/// throws `ArrowFormatError` instead of reading outside the buffer.
struct FlatBufferTable {
    /// The whole flatbuffer.
    let bytes: UnsafeRawBufferPointer
    /// Where the table starts.
    let position: Int
    private let vtable: Int
    private let vtableSize: Int

    /// The root table of the flatbuffer `bytes`.
    init(root bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= 4 else { throw Self.corrupt }
        try self.init(bytes, at: Int(bytes.loadUnaligned(as: UInt32.self).littleEndian))
    }

    private init(_ bytes: UnsafeRawBufferPointer, at position: Int) throws {
        guard position >= 0, position <= bytes.count - 4 else { throw Self.corrupt }
        let vtable = position - Int(bytes.loadUnaligned(fromByteOffset: position, as: Int32.self).littleEndian)
        guard vtable >= 0, vtable <= bytes.count - 4 else { throw Self.corrupt }
        let vtableSize = Int(bytes.loadUnaligned(fromByteOffset: vtable, as: UInt16.self).littleEndian)
        let tableSize = Int(bytes.loadUnaligned(fromByteOffset: vtable + 2, as: UInt16.self).littleEndian)
        guard vtableSize >= 4, vtableSize <= bytes.count - vtable, tableSize >= 4, tableSize <= bytes.count - position else {
            throw Self.corrupt
        }
        self.bytes = bytes
        self.position = position
        self.vtable = vtable
        self.vtableSize = vtableSize
    }

    static let corrupt = ArrowFormatError("corrupt metadata (a flatbuffer offset or length points outside it)")

    /// Where field `id` is stored in `bytes`, when present, with `size` bytes checked to fit.
    func field(_ id: Int, size: Int) throws -> Int? {
        let slot = 4 + 2 * id
        guard slot + 2 <= vtableSize else { return nil }
        let offset = Int(bytes.loadUnaligned(fromByteOffset: vtable + slot, as: UInt16.self).littleEndian)
        guard offset != 0 else { return nil }
        guard position + offset <= bytes.count - size else { throw Self.corrupt }
        return position + offset
    }

    private func scalar<T: FixedWidthInteger>(_ id: Int, _ fallback: T) throws -> T {
        guard let at = try field(id, size: MemoryLayout<T>.size) else { return fallback }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: T.self))
    }

    func int64(_ id: Int, default fallback: Int64 = 0) throws -> Int64 { try scalar(id, fallback) }
    func int32(_ id: Int, default fallback: Int32 = 0) throws -> Int32 { try scalar(id, fallback) }
    func int16(_ id: Int, default fallback: Int16 = 0) throws -> Int16 { try scalar(id, fallback) }
    func uint8(_ id: Int, default fallback: UInt8 = 0) throws -> UInt8 { try scalar(id, fallback) }
    func bool(_ id: Int) throws -> Bool { try uint8(id) != 0 }

    /// Where an offset field points (a table, string or vector).
    private func target(_ id: Int) throws -> Int? {
        guard let at = try field(id, size: 4) else { return nil }
        let target = at + Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian)
        guard target <= bytes.count - 4 else { throw Self.corrupt }
        return target
    }

    /// The table in field `id` (also the value of a union).
    func table(_ id: Int) throws -> FlatBufferTable? {
        guard let at = try target(id) else { return nil }
        return try FlatBufferTable(bytes, at: at)
    }

    /// The string in field `id`.
    func string(_ id: Int) throws -> String? {
        guard let (start, count) = try vector(id, elementSize: 1) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count)]), as: UTF8.self)
    }

    /// The start and element count of the vector in field `id`, its elements checked to fit.
    func vector(_ id: Int, elementSize: Int) throws -> (start: Int, count: Int)? {
        guard let at = try target(id) else { return nil }
        let count = Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian)
        guard count <= (bytes.count - at - 4) / elementSize else { throw Self.corrupt }
        return (at + 4, count)
    }

    /// The tables of the vector of tables in field `id`.
    func tables(_ id: Int) throws -> [FlatBufferTable] {
        guard let (start, count) = try vector(id, elementSize: 4) else { return [] }
        return try (0..<count).map { index in
            let at = start + 4 * index
            return try FlatBufferTable(bytes, at: at + Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian))
        }
    }

    /// The little-endian 64-bit integers of a vector of structs of `fields` such integers each
    /// (Arrow's FieldNode, Buffer and Block structs are all 8-byte words).
    func int64Structs(_ id: Int, fields: Int) throws -> [[Int64]] {
        guard let (start, count) = try vector(id, elementSize: 8 * fields) else { return [] }
        return (0..<count).map { index in
            (0..<fields).map { Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: start + (index * fields + $0) * 8, as: Int64.self)) }
        }
    }
}
