#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exact counts of distinct present values, with flat open-addressing tables (no per-value
/// allocation).
enum DistinctCounter {
    static func integers(_ values: [Int64], validity: RowSet, min: Double, max: Double) -> Int {
        guard min <= max else { return 0 }
        let span = max - min
        // The bitmap needs the exact integer range; past 2^53 the Double bounds may be rounded.
        let exact = Swift.max(Swift.abs(min), Swift.abs(max)) < 9_007_199_254_740_992
        if exact && span < 16_777_216 {
            // A bitmap over the range.
            let low = Int64(min)
            var seen = RowSet(rowCount: Int(span) + 1)
            values.withUnsafeBufferPointer { buffer in
                validity.forEachMember { seen.insert(Int(buffer[$0] - low)) }
            }
            return seen.count
        }
        return values.withUnsafeBufferPointer { buffer in
            countDistinct(rows: validity, capacity: validity.count) { UInt64(bitPattern: buffer[$0]) }
        }
    }

    static func floats(_ values: [Double], validity: RowSet) -> Int {
        values.withUnsafeBufferPointer { buffer in
            countDistinct(rows: validity, capacity: validity.count) { row in
                let value = buffer[row]
                return value == 0 ? 0 : value.bitPattern
            }
        }
    }

    /// Distinct 64-bit keys; the key `UInt64.max` is tracked apart (it marks empty slots).
    private static func countDistinct(rows: RowSet, capacity: Int, key: (Int) -> UInt64) -> Int {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        let mask = size - 1
        var slots = [UInt64](repeating: .max, count: size)
        var count = 0
        var sawMax = false
        slots.withUnsafeMutableBufferPointer { table in
            rows.forEachMember { row in
                let value = key(row)
                if value == .max { sawMax = true; return }
                var slot = Int(truncatingIfNeeded: ByteHasher.mix(value)) & mask
                while true {
                    let existing = table[slot]
                    if existing == value { return }
                    if existing == .max {
                        table[slot] = value
                        count += 1
                        return
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        return count + (sawMax ? 1 : 0)
    }

    static func strings(_ table: StringTable, validity: RowSet) -> Int {
        var size = 64
        while size < validity.count * 2 { size <<= 1 }
        let mask = size - 1
        // Each slot holds a row whose value is a distinct string seen so far (or -1).
        var slots = [Int](repeating: -1, count: size)
        var hashes = [UInt64](repeating: 0, count: size)
        var count = 0
        table.bytes.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            table.offsets.withUnsafeBufferPointer { offsets in
                slots.withUnsafeMutableBufferPointer { slots in
                    hashes.withUnsafeMutableBufferPointer { hashes in
                        validity.forEachMember { row in
                            let start = offsets[row], length = offsets[row + 1] - start
                            let hash = ByteHasher.hash(base + start, length)
                            var slot = Int(truncatingIfNeeded: hash) & mask
                            while true {
                                let other = slots[slot]
                                if other < 0 {
                                    slots[slot] = row
                                    hashes[slot] = hash
                                    count += 1
                                    return
                                }
                                if hashes[slot] == hash, offsets[other + 1] - offsets[other] == length,
                                   length == 0 || memcmp(base + offsets[other], base + start, length) == 0 {
                                    return
                                }
                                slot = (slot + 1) & mask
                            }
                        }
                    }
                }
            }
        }
        return count
    }
}
