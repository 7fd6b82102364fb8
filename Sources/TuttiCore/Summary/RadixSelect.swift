/// The keys of a few sorted ranks (the quantiles' neighbours) without sorting the keys: a
/// histogram of the top 16 varying bits finds the bucket of each rank, only the keys of those
/// buckets are gathered, and the same is done again within them on the next bits. Two reading
/// passes over all keys, then passes over a small fraction of them; a full sort of ten million
/// keys took eight scattering passes.
enum RadixSelect {
    /// Inputs this small are sorted outright.
    private static let smallCount = 64

    /// The key of each rank in `ranks` (each below `keys.count`) were `keys` sorted ascending,
    /// in the order of `ranks`.
    static func keys(atRanks ranks: [Int], of keys: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        guard !ranks.isEmpty else { return [] }
        precondition(ranks.allSatisfy { (0..<keys.count).contains($0) }, "rank out of range")
        if keys.count <= smallCount {
            let sorted = keys.sorted()
            return ranks.map { sorted[$0] }
        }
        var lowest = UInt64.max, highest = UInt64.min
        for key in keys {
            lowest = Swift.min(lowest, key)
            highest = Swift.max(highest, key)
        }
        if lowest == highest { return ranks.map { _ in lowest } }
        // Buckets of keys − lowest by their top (up to) 16 significant bits.
        let width = 64 - (highest &- lowest).leadingZeroBitCount
        let shift = UInt64(Swift.max(0, width - 16))
        let bucketCount = Int(truncatingIfNeeded: (highest &- lowest) >> shift) + 1
        var counts = [Int](repeating: 0, count: bucketCount)
        counts.withUnsafeMutableBufferPointer { counts in
            for key in keys { counts[Int(truncatingIfNeeded: (key &- lowest) &>> shift)] &+= 1 }
        }
        // The bucket of each rank, and the rank within it.
        var targets: [Int] = []
        var within: [(bucket: Int, rank: Int)] = []
        for rank in ranks {
            var bucket = 0, before = 0
            while before + counts[bucket] <= rank {
                before += counts[bucket]
                bucket += 1
            }
            within.append((bucket, rank - before))
            if !targets.contains(bucket) { targets.append(bucket) }
        }
        // The keys of the target buckets, each bucket apart.
        var slotOfBucket = [Int8](repeating: -1, count: bucketCount)
        for (slot, bucket) in targets.enumerated() { slotOfBucket[bucket] = Int8(slot) }
        var gathered = targets.map { bucket -> [UInt64] in
            var keys: [UInt64] = []
            keys.reserveCapacity(counts[bucket])
            return keys
        }
        slotOfBucket.withUnsafeBufferPointer { slotOfBucket in
            for key in keys {
                let slot = slotOfBucket[Int(truncatingIfNeeded: (key &- lowest) &>> shift)]
                if slot >= 0 { gathered[Int(slot)].append(key) }
            }
        }
        // Each target bucket, on its next bits, for the ranks that fall in it.
        var found = [UInt64](repeating: 0, count: ranks.count)
        for (slot, bucket) in targets.enumerated() {
            let indexes = within.indices.filter { within[$0].bucket == bucket }
            let keys = gathered[slot].withUnsafeBufferPointer { Self.keys(atRanks: indexes.map { within[$0].rank }, of: $0) }
            for (index, key) in zip(indexes, keys) { found[index] = key }
        }
        return found
    }
}
