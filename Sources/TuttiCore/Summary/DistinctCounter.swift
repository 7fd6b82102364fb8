#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exact counts of distinct present strings (numbers are counted as keys; see
/// `KeyDistinct`).
enum DistinctCounter {
    /// Partitions by the top byte of the hash: each partition's table is a few thousandths of
    /// the column's, small enough to stay in cache, where one table over a million unique
    /// strings missed the cache on nearly every row.
    private static let partitionBits: UInt64 = 8

    /// The number of distinct strings of `table` at the rows of `validity`, working in the three
    /// arrays of `scratch` (hashes, then hashes and rows grouped by partition).
    static func strings(_ table: StringTable, validity: RowSet, scratch: SummaryScratch) -> Int {
        let present = validity.count
        guard present > 0 else { return 0 }
        let partitions = 1 << Int(partitionBits)
        // The hash of every present string, then hashes and rows grouped by partition (the rows
        // come from a second walk over `validity`, in the same order, rather than a third array).
        let hashes = scratch.words(0, count: present)
        var starts = [Int](repeating: 0, count: partitions + 1)
        table.bytes.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            table.offsets.withUnsafeBufferPointer { offsets in
                var index = 0
                validity.forEachMember { row in
                    let hash = ByteHasher.hash(base + offsets[row], offsets[row + 1] - offsets[row])
                    hashes[index] = hash
                    index += 1
                    starts[Int(hash >> (64 - partitionBits)) + 1] += 1
                }
            }
        }
        for partition in 0..<partitions { starts[partition + 1] += starts[partition] }
        var cursors = Array(starts.dropLast())
        let groupedHashes = scratch.words(1, count: present), groupedRows = scratch.words(2, count: present)
        var index = 0
        validity.forEachMember { row in
            let partition = Int(hashes[index] >> (64 - partitionBits))
            groupedHashes[cursors[partition]] = hashes[index]
            groupedRows[cursors[partition]] = UInt64(truncatingIfNeeded: row)
            cursors[partition] += 1
            index += 1
        }
        var count = 0
        var slots: [Int32] = []
        let hashesByPartition = UnsafeBufferPointer(groupedHashes), rowsByPartition = UnsafeBufferPointer(groupedRows)
        table.bytes.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            table.offsets.withUnsafeBufferPointer { offsets in
                for partition in 0..<partitions {
                    let first = starts[partition], size = starts[partition + 1] - first
                    guard size > 0 else { continue }
                    var capacity = 16
                    while capacity < size * 2 { capacity <<= 1 }
                    slots.removeAll(keepingCapacity: true)
                    slots.append(contentsOf: repeatElement(-1, count: capacity))
                    count += slots.withUnsafeMutableBufferPointer { slots in
                        distinctInPartition(first: first, size: size, mask: capacity - 1, slots: slots,
                                            hashes: hashesByPartition, rows: rowsByPartition, offsets: offsets, base: base)
                    }
                }
            }
        }
        return count
    }

    /// The distinct strings among entries `first ..< first + size`, in an open-addressing table
    /// of entry numbers (within the partition, −1 empty). A string's bytes (and its offsets, read
    /// at random rows) are only looked at when two hashes are equal, so unique strings cost no
    /// cache miss outside the partition.
    private static func distinctInPartition(first: Int, size: Int, mask: Int, slots: UnsafeMutableBufferPointer<Int32>,
                                            hashes: UnsafeBufferPointer<UInt64>, rows: UnsafeBufferPointer<UInt64>,
                                            offsets: UnsafeBufferPointer<Int>, base: UnsafePointer<UInt8>) -> Int {
        var count = 0
        for entry in first..<(first + size) {
            let hash = hashes[entry]
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let other = slots[slot]
                if other < 0 {
                    slots[slot] = Int32(truncatingIfNeeded: entry - first)
                    count += 1
                    break
                }
                let otherEntry = first + Int(other)
                if hashes[otherEntry] == hash {
                    let row = Int(truncatingIfNeeded: rows[entry]), otherRow = Int(truncatingIfNeeded: rows[otherEntry])
                    let start = offsets[row], length = offsets[row + 1] - start
                    let otherStart = offsets[otherRow]
                    if offsets[otherRow + 1] - otherStart == length,
                       length == 0 || memcmp(base + otherStart, base + start, length) == 0 {
                        break
                    }
                }
                slot = (slot + 1) & mask
            }
        }
        return count
    }
}
