/// The value types of the Thrift compact protocol, as the low nibble of a field header says.
enum ThriftType: UInt8 {
    case stop = 0, boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
    case binary = 8, list = 9, set = 10, map = 11, structure = 12
}

/// Reads Thrift compact-protocol values (Parquet's footer and page headers) from a byte range.
/// Every read checks the bytes that remain, so a lying length or count throws instead of
/// reading past the end or allocating what the file does not hold; nesting is capped.
struct ThriftCompactReader: VarintReading {
    private let bytes: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    private(set) var position: Int
    private var depth = 0
    /// The value of the boolean field whose header was read last (compact Thrift keeps it there).
    private var fieldBool = false

    /// Deepest struct or container nesting accepted (Parquet's own structures nest a few levels).
    static let maxDepth = 64

    init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The bytes not read yet.
    var remaining: Int { bytes.count - position }

    /// Reads one struct, calling `field` with each field's id and type. `field` reads the value
    /// and returns true, or returns false to have it skipped.
    mutating func readStruct(_ field: (inout ThriftCompactReader, Int16, ThriftType) throws -> Bool) throws {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw ParquetFormatError("nested too deeply") }
        var lastID: Int16 = 0
        while true {
            let header = try readByte()
            guard let type = ThriftType(rawValue: header & 0x0F) else {
                throw ParquetFormatError("unknown field type \(header & 0x0F)")
            }
            if type == .stop { return }
            let delta = Int16(header >> 4)
            let id = delta != 0 ? lastID &+ delta : Int16(truncatingIfNeeded: try readZigZag())
            lastID = id
            if type == .boolTrue || type == .boolFalse { fieldBool = type == .boolTrue }
            if try !field(&self, id, type) { try skip(type) }
        }
    }

    /// The boolean value of the field just announced.
    func readFieldBool() -> Bool { fieldBool }

    mutating func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw ParquetFormatError("it ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    static let overlongVarint = "an integer longer than 64 bits"

    mutating func readI32() throws -> Int32 { Int32(truncatingIfNeeded: try readZigZag()) }
    mutating func readI64() throws -> Int64 { try readZigZag() }

    mutating func readDouble() throws -> Double {
        guard remaining >= 8 else { throw ParquetFormatError("it ends early") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return Double(bitPattern: bits)
    }

    /// A binary or string value: the bytes themselves, within the input.
    mutating func readBinary() throws -> UnsafeRawBufferPointer {
        let length = try readVarint()
        guard length <= UInt64(remaining) else { throw ParquetFormatError("a string longer than the bytes that remain") }
        let start = position
        position += Int(length)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
    }

    mutating func readString() throws -> String {
        String(decoding: try readBinary(), as: UTF8.self)
    }

    /// Reads a list header: the element count (capped by the bytes that remain) and type.
    mutating func readListHeader() throws -> (count: Int, type: ThriftType) {
        let header = try readByte()
        var count = UInt64(header >> 4)
        if count == 15 { count = try readVarint() }
        guard let type = ThriftType(rawValue: header & 0x0F) else {
            throw ParquetFormatError("unknown list element type")
        }
        // Every element takes at least one byte, except booleans and empty structs (still one byte).
        guard count <= UInt64(remaining) else { throw ParquetFormatError("a list longer than the bytes that remain") }
        return (Int(count), type)
    }

    /// Reads a list, calling `element` for each element.
    mutating func readList(_ element: (inout ThriftCompactReader, ThriftType) throws -> Void) throws {
        let (count, type) = try readListHeader()
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw ParquetFormatError("nested too deeply") }
        for _ in 0..<count { try element(&self, type) }
    }

    /// Reads a list of strings.
    mutating func readStringList() throws -> [String] {
        var values: [String] = []
        try readList { reader, _ in values.append(try reader.readString()) }
        return values
    }

    /// Skips a value of `type`.
    mutating func skip(_ type: ThriftType) throws {
        switch type {
        case .stop: throw ParquetFormatError("a stop where a value belongs")
        case .boolTrue, .boolFalse: return
        case .byte: position += 1; guard position <= bytes.count else { throw ParquetFormatError("it ends early") }
        case .i16, .i32, .i64: _ = try readVarint()
        case .double: _ = try readDouble()
        case .binary: _ = try readBinary()
        case .list, .set:
            let (count, element) = try readListHeader()
            try nested {
                for _ in 0..<count {
                    if element == .boolTrue || element == .boolFalse { _ = try $0.readByte() } else { try $0.skip(element) }
                }
            }
        case .map:
            let count = try readVarint()
            guard count <= UInt64(remaining) else { throw ParquetFormatError("a map longer than the bytes that remain") }
            guard count > 0 else { return }
            let types = try readByte()
            guard let key = ThriftType(rawValue: types >> 4), let value = ThriftType(rawValue: types & 0x0F) else {
                throw ParquetFormatError("unknown map types")
            }
            try nested {
                for _ in 0..<count {
                    for part in [key, value] {
                        if part == .boolTrue || part == .boolFalse { _ = try $0.readByte() } else { try $0.skip(part) }
                    }
                }
            }
        case .structure: try readStruct { _, _, _ in false }
        }
    }

    private mutating func nested(_ body: (inout ThriftCompactReader) throws -> Void) throws {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw ParquetFormatError("nested too deeply") }
        try body(&self)
    }
}
