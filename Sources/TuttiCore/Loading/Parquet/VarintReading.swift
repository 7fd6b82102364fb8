/// A byte reader that decodes ULEB128 varints and zigzag integers (Thrift's compact protocol,
/// Parquet's RLE and delta encodings) from the bytes it reads one at a time.
protocol VarintReading {
    /// The next byte; throws when none is left.
    mutating func readByte() throws -> UInt8
    /// What to say of a varint longer than 64 bits.
    static var overlongVarint: String { get }
}

extension VarintReading {
    /// An unsigned LEB128 integer of at most 64 bits.
    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw ParquetFormatError(Self.overlongVarint) }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A zigzag-encoded signed integer.
    mutating func readZigZag() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }
}
