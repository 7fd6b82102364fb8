/// A fast, non-cryptographic 64-bit hash of a byte string (8 bytes a step, multiply-xorshift
/// mixing). Equality is always confirmed on the bytes, so collisions cost time, never correctness.
enum ByteHasher {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 32
        x &*= 0xD6E8_FEB8_6659_FD93
        x ^= x >> 32
        x &*= 0xD6E8_FEB8_6659_FD93
        x ^= x >> 32
        return x
    }

    /// The hash of `n` bytes at `p`, seeded with `seed`.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, seed: UInt64 = 0) -> UInt64 {
        var h = seed ^ (UInt64(n) &* multiplier)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* multiplier
        }
        return mix(h)
    }
}
