/// Exact counts of distinct 64-bit keys without sorting them: the keys are scattered by the
/// top bits of their hash into partitions of a few thousand, and each partition is counted in
/// an open-addressing table small enough to stay in cache (one table over ten million keys
/// would miss the cache on nearly every key; a sort took eight passes over them).
enum KeyDistinct {
    /// About how many keys a partition holds: its table (twice as many slots of 8 bytes)
    /// then takes about 256 KiB.
    private static let partitionSize = 16_384

    /// The number of distinct keys in `keys`, grouped by partition in `grouping` (at least as
    /// many words as keys; what it held is overwritten).
    static func count(_ keys: UnsafeBufferPointer<UInt64>, grouping: UnsafeMutableBufferPointer<UInt64>) -> Int {
        precondition(grouping.count >= keys.count, "grouping memory too small")
        guard keys.count > 1 else { return keys.count }
        var partitionBits = 0
        while partitionBits < 12, keys.count >> partitionBits > partitionSize { partitionBits += 1 }
        guard partitionBits > 0 else {
            var table = Table()
            return countInTable(keys, partitionBits: 0, table: &table)
        }
        // Partition sizes, then the keys scattered to their partitions.
        let partitions = 1 << partitionBits
        let partitionShift = UInt64(64 - partitionBits)
        var starts = [Int](repeating: 0, count: partitions + 1)
        starts.withUnsafeMutableBufferPointer { starts in
            for key in keys { starts[Int(truncatingIfNeeded: hash(key) &>> partitionShift) &+ 1] &+= 1 }
            for partition in 0..<partitions { starts[partition + 1] += starts[partition] }
        }
        var cursors = Array(starts.dropLast())
        cursors.withUnsafeMutableBufferPointer { cursors in
            for key in keys {
                let partition = Int(truncatingIfNeeded: hash(key) &>> partitionShift)
                grouping[cursors[partition]] = key
                cursors[partition] &+= 1
            }
        }
        var table = Table()
        var count = 0
        for partition in 0..<partitions where starts[partition + 1] > starts[partition] {
            let range = starts[partition]..<starts[partition + 1]
            count += countInTable(UnsafeBufferPointer(rebasing: grouping[range]), partitionBits: partitionBits, table: &table)
        }
        return count
    }

    /// A well-mixed hash of a key (the top bits pick the partition, the next ones the slot).
    @inline(__always)
    private static func hash(_ key: UInt64) -> UInt64 {
        var z = key &* 0x9E37_79B9_7F4A_7C15
        z ^= z &>> 29
        return z &* 0xBF58_476D_1CE4_E5B9
    }

    /// The distinct keys among `keys` (all of one partition), counted in `table` (reused between
    /// partitions). The table starts sized for a partition of distinct keys, at most
    /// `partitionSize` of them, and doubles as they come: a partition of one repeated key keeps
    /// a small table.
    private static func countInTable(_ keys: UnsafeBufferPointer<UInt64>, partitionBits: Int,
                                     table: inout Table) -> Int {
        var slotBits = 4
        while 1 << slotBits < Swift.min(keys.count, partitionSize) * 2 { slotBits += 1 }
        table.clear(slotBits: slotBits, partitionBits: partitionBits)
        for key in keys { table.insert(key) }
        return table.count
    }

    /// An open-addressing set of keys whose first slot is given by the hash's bits just below
    /// the partition's. 0 marks an empty slot, so the key 0 is counted apart.
    private struct Table: ~Copyable {
        private var slots = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 16)
        private var shift: UInt64 = 0
        private var sawZero = false
        private var stored = 0

        deinit { slots.deallocate() }

        /// The number of distinct keys inserted since `clear`.
        var count: Int { stored + (sawZero ? 1 : 0) }

        /// Empties the set, with `1 << slotBits` slots, for keys of a partition numbered by
        /// the top `partitionBits` bits of their hash.
        mutating func clear(slotBits: Int, partitionBits: Int) {
            if slots.count != 1 << slotBits {
                slots.deallocate()
                slots = .allocate(capacity: 1 << slotBits)
            }
            slots.initialize(repeating: 0)
            shift = UInt64(64 - partitionBits - slotBits)
            sawZero = false
            stored = 0
        }

        /// Adds `key`, doubling the slots when they would be more than half full.
        @inline(__always)
        mutating func insert(_ key: UInt64) {
            guard key != 0 else {
                sawZero = true
                return
            }
            if (stored + 1) * 2 > slots.count { grow() }
            if place(key) { stored += 1 }
        }

        /// Puts `key` (not 0) in its slot; whether it was not there yet.
        @inline(__always)
        private func place(_ key: UInt64) -> Bool {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: KeyDistinct.hash(key) &>> shift) & mask
            while true {
                let other = slots[slot]
                if other == key { return false }
                if other == 0 {
                    slots[slot] = key
                    return true
                }
                slot = (slot + 1) & mask
            }
        }

        /// Twice the slots, the keys placed again.
        private mutating func grow() {
            let old = slots
            slots = .allocate(capacity: old.count * 2)
            slots.initialize(repeating: 0)
            shift -= 1
            for key in old where key != 0 { _ = place(key) }
            old.deallocate()
        }
    }
}
