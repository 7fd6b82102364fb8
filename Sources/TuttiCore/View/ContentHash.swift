/// A fast 64-bit hash of a column's content (name, kind, validity and values), for dataset
/// fingerprints. Not cryptographic: it tells "the same data" from "changed data", and a change to
/// any one fixed-width cell always changes it.
///
/// Memory is read 8 bytes at a time into four independent lanes, so the multiplications of
/// neighbouring words overlap instead of waiting for each other.
enum ContentHash {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The hash of everything a column holds.
    static func hash(_ column: Column) -> UInt64 {
        var seed = hash(string: column.kind.rawValue, seed: 0)
        seed = hash(string: column.name, seed: seed)
        seed = hash(column.validity.words, seed: seed ^ UInt64(column.rowCount))
        switch column.data {
        case .integer(let values), .datetime(let values): return hash(values, seed: seed)
        case .float(let values): return hash(values, seed: seed)
        case .boolean(let values): return hash(values, seed: seed)
        case .categorical(let codes, let dictionary): return hash(codes, seed: hash(dictionary, seed: seed))
        case .text(let table): return hash(table, seed: seed)
        case .vector(let width, let values): return hash(values, seed: seed ^ UInt64(width) &* multiplier)
        }
    }

    /// The hash of the memory of `values`.
    static func hash<T: BitwiseCopyable>(_ values: [T], seed: UInt64) -> UInt64 {
        values.withUnsafeBytes { hash($0, seed: seed) }
    }

    private static func hash(_ table: StringTable, seed: UInt64) -> UInt64 {
        hash(table.bytes, seed: hash(table.offsets, seed: seed))
    }

    private static func hash(string: String, seed: UInt64) -> UInt64 {
        var string = string
        return string.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The hash of `bytes`: 32 bytes a step over four lanes, then the remaining words, then the
    /// remaining bytes; the lanes and the length are mixed at the end.
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var a = seed ^ 0x243F_6A88_85A3_08D3, b = seed ^ 0x1319_8A2E_0370_7344
        var c = seed ^ 0xA409_3822_299F_31D0, d = seed ^ 0x082E_FA98_EC4E_6C89
        let count = bytes.count
        if let base = bytes.baseAddress {
            var offset = 0
            while offset + 32 <= count {
                a = step(a, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                b = step(b, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                c = step(c, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                d = step(d, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            while offset + 8 <= count {
                a = step(a, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<count { tail |= UInt64(bytes[index]) << UInt64((index - offset) * 8) }
            b = step(b, tail)
        }
        let lanes = ByteHasher.mix(a) ^ ByteHasher.mix(b).rotated(16) ^ ByteHasher.mix(c).rotated(32)
            ^ ByteHasher.mix(d).rotated(48)
        return ByteHasher.mix(lanes ^ UInt64(count) &* multiplier)
    }

    /// One lane step: a bijection of the lane for a fixed word and of the word for a fixed lane,
    /// so changing one word always changes the lane.
    @inline(__always)
    private static func step(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let x = (lane ^ word) &* multiplier
        return x ^ (x &>> 29)
    }
}

private extension UInt64 {
    /// The bits rotated left by `count` (0 < count < 64).
    @inline(__always)
    func rotated(_ count: UInt64) -> UInt64 { (self &<< count) | (self &>> (64 - count)) }
}
