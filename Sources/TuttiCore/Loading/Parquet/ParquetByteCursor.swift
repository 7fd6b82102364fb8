/// A bounds-checked reader over a page's bytes: every read checks what remains and throws a
/// `ParquetFormatError` instead of reading past the end.
struct ParquetByteCursor: VarintReading {
    let base: UnsafePointer<UInt8>
    let end: Int
    var position: Int

    init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
        base = (bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!).assumingMemoryBound(to: UInt8.self)
        self.end = end ?? bytes.count
        position = start
    }

    var remaining: Int { end - position }

    /// Throws unless `count` more bytes are there.
    @inline(__always)
    func require(_ count: Int) throws {
        guard count >= 0, count <= end - position else { throw ParquetFormatError("a page ends early (its data is truncated or corrupt)") }
    }

    @inline(__always)
    mutating func readByte() throws -> UInt8 {
        try require(1)
        defer { position += 1 }
        return base[position]
    }

    static let overlongVarint = "a page holds a corrupt integer"

    /// A little-endian unsigned integer of `count` bytes (at most 8).
    mutating func readLittleEndian(_ count: Int) throws -> UInt64 {
        try require(count)
        var value: UInt64 = 0
        for i in 0..<count { value |= UInt64(base[position + i]) << (8 * UInt64(i)) }
        position += count
        return value
    }

    /// A 4-byte little-endian length, checked against the bytes that remain.
    mutating func readLength() throws -> Int {
        let length = Int(try readLittleEndian(4))
        try require(length)
        return length
    }
}

/// Unpacks values of `bitWidth` bits, packed from the least significant bit, as Parquet packs
/// levels, dictionary indices and deltas.
enum BitUnpacking {
    /// Unpacks `count` values starting at `bytes`, which must hold `(count * bitWidth + 7) / 8` bytes.
    @inline(__always)
    static func unpack(_ bytes: UnsafePointer<UInt8>, bitWidth: Int, count: Int, into out: UnsafeMutablePointer<UInt64>) {
        if bitWidth == 0 {
            out.update(repeating: 0, count: count)
            return
        }
        let mask: UInt64 = bitWidth == 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
        var bit = 0
        for i in 0..<count {
            var byte = bit >> 3
            let shift = bit & 7
            var value = UInt64(bytes[byte]) >> UInt64(shift)
            var have = 8 - shift
            byte += 1
            while have < bitWidth {
                value |= UInt64(bytes[byte]) << UInt64(have)
                have += 8
                byte += 1
            }
            out[i] = value & mask
            bit += bitWidth
        }
    }
}
