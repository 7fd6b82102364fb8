/// Sorting of 64-bit keys by least-significant-digit radix sort, a byte at a time: one pass
/// counts every byte of every key, then one scatter pass per byte that not all keys share
/// (a column of ages sorts in one pass, one of unique floats in about seven). Linear in the
/// number of keys, with no comparisons; the summary sorts present values with it to read
/// quantiles and distinct counts off the sorted order.
enum RadixSort {
    /// Sorts `keys` ascending as unsigned integers.
    static func sort(_ keys: inout [UInt64]) {
        let count = keys.count
        guard count > 1 else { return }
        var histograms = [Int](repeating: 0, count: 8 * 256)
        histograms.withUnsafeMutableBufferPointer { histograms in
            keys.withUnsafeBufferPointer { keys in
                for key in keys {
                    for byte in 0..<8 { histograms[byte &<< 8 | Int(truncatingIfNeeded: key &>> UInt64(byte &* 8)) & 0xFF] &+= 1 }
                }
            }
        }
        var scratch = [UInt64](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        for byte in 0..<8 {
            let shift = UInt64(byte * 8)
            let first = Int(truncatingIfNeeded: keys[0] &>> shift) & 0xFF
            // Every key has the same byte here: this pass would not move anything.
            if histograms[byte << 8 | first] == count { continue }
            var offsets = [Int](repeating: 0, count: 256)
            var total = 0
            for digit in 0..<256 {
                offsets[digit] = total
                total += histograms[byte << 8 | digit]
            }
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        for key in source {
                            let digit = Int(truncatingIfNeeded: key &>> shift) & 0xFF
                            target[offsets[digit]] = key
                            offsets[digit] &+= 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
    }

    /// The key of an integer: unsigned order matches signed order.
    @inline(__always)
    static func key(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) ^ (1 << 63) }

    /// The integer of a key made by `key(_:)`.
    @inline(__always)
    static func integer(_ key: UInt64) -> Int64 { Int64(bitPattern: key ^ (1 << 63)) }

    /// The key of a number that is not NaN: unsigned order matches numeric order, and −0 and
    /// 0 have the same key (that of 0).
    @inline(__always)
    static func key(_ value: Double) -> UInt64 {
        let bits = (value + 0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The number of a key made by `key(_:)` from a double.
    @inline(__always)
    static func double(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }

    /// The number of distinct keys in sorted `keys`.
    static func distinctCount(sorted keys: [UInt64]) -> Int {
        keys.withUnsafeBufferPointer { keys in
            guard var previous = keys.first else { return 0 }
            var distinct = 1
            for key in keys.dropFirst() where key != previous {
                distinct &+= 1
                previous = key
            }
            return distinct
        }
    }
}
