#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exact counts of distinct present strings (numbers are counted on their sorted values; see
/// `RadixSort`).
enum DistinctCounter {
    /// Partitions by the top byte of the hash: each partition's table is a few thousandths of
    /// the column's, small enough to stay in cache, where one table over a million unique
    /// strings missed the cache on nearly every row.
    private static let partitionBits: UInt64 = 8

    static func strings(_ table: StringTable, validity: RowSet) -> Int {
        let present = validity.count
        guard present > 0 else { return 0 }
        let partitions = 1 << Int(partitionBits)
        // The hash and row of every present string, then the same grouped by partition.
        var hashes = [UInt64](), rows = [Int]()
        hashes.reserveCapacity(present)
        rows.reserveCapacity(present)
        var starts = [Int](repeating: 0, count: partitions + 1)
        table.bytes.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            table.offsets.withUnsafeBufferPointer { offsets in
                validity.forEachMember { row in
                    let hash = ByteHasher.hash(base + offsets[row], offsets[row + 1] - offsets[row])
                    hashes.append(hash)
                    rows.append(row)
                    starts[Int(hash >> (64 - partitionBits)) + 1] += 1
                }
            }
        }
        for partition in 0..<partitions { starts[partition + 1] += starts[partition] }
        var cursors = Array(starts.dropLast())
        var groupedHashes = [UInt64](repeating: 0, count: present), groupedRows = [Int](repeating: 0, count: present)
        for index in 0..<present {
            let partition = Int(hashes[index] >> (64 - partitionBits))
            groupedHashes[cursors[partition]] = hashes[index]
            groupedRows[cursors[partition]] = rows[index]
            cursors[partition] += 1
        }
        hashes = []
        rows = []
        var count = 0
        var slots: [Int32] = []
        table.bytes.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            table.offsets.withUnsafeBufferPointer { offsets in
                groupedHashes.withUnsafeBufferPointer { hashes in
                    groupedRows.withUnsafeBufferPointer { rows in
                        for partition in 0..<partitions {
                            let first = starts[partition], size = starts[partition + 1] - first
                            guard size > 0 else { continue }
                            var capacity = 16
                            while capacity < size * 2 { capacity <<= 1 }
                            slots.removeAll(keepingCapacity: true)
                            slots.append(contentsOf: repeatElement(-1, count: capacity))
                            count += slots.withUnsafeMutableBufferPointer { slots in
                                distinctInPartition(first: first, size: size, mask: capacity - 1, slots: slots,
                                                    hashes: hashes, rows: rows, offsets: offsets, base: base)
                            }
                        }
                    }
                }
            }
        }
        return count
    }

    /// The distinct strings among entries `first ..< first + size`, in an open-addressing table
    /// of entry numbers (within the partition, −1 empty).
    private static func distinctInPartition(first: Int, size: Int, mask: Int, slots: UnsafeMutableBufferPointer<Int32>,
                                            hashes: UnsafeBufferPointer<UInt64>, rows: UnsafeBufferPointer<Int>,
                                            offsets: UnsafeBufferPointer<Int>, base: UnsafePointer<UInt8>) -> Int {
        var count = 0
        for entry in first..<(first + size) {
            let hash = hashes[entry], row = rows[entry]
            let start = offsets[row], length = offsets[row + 1] - start
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
                    let otherRow = rows[otherEntry]
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
