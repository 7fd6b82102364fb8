/// Disjoint sets of items (union-find with path halving and union by size): the connected
/// components of the graph of near-duplicate pairs, which `NearClustering` then splits.
struct LinkedClusters {
    private var parent: [Int32]
    private var size: [Int32]

    /// `count` items, each alone.
    init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        size = [Int32](repeating: 1, count: count)
    }

    /// The representative of `item`'s set.
    mutating func root(_ item: Int) -> Int {
        var x = item
        while Int(parent[x]) != x {
            parent[x] = parent[Int(parent[x])]
            x = Int(parent[x])
        }
        return x
    }

    /// Joins the sets of `a` and `b`.
    mutating func link(_ a: Int, _ b: Int) {
        var ra = root(a), rb = root(b)
        guard ra != rb else { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = Int32(ra)
        size[ra] += size[rb]
    }

    /// The sets of at least two items, each ascending, in order of their first item.
    mutating func components() -> [[Int]] {
        var members: [Int: [Int]] = [:]
        var order: [Int] = []
        for item in 0..<parent.count where size[root(item)] >= 2 {
            let key = root(item)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(item)
        }
        return order.map { members[$0]! }
    }
}

/// Locality-sensitive hashing: items hashed into several tables; items sharing a key in a table
/// are candidates, verified one pair at a time.
enum CandidateLinking {
    /// Most earlier items of one bucket an item is checked against, per table: bounds the work in
    /// buckets crowded with items that are already linked.
    static let maxChain = 256

    /// For every table `t` (keys of item `i` at `keys[t * items + i]`), checks each item against
    /// earlier items sharing its key, most recent first, skipping pairs already in one set, and
    /// links the pairs that `similarity` accepts (it returns nil below the threshold).
    static func link(tables: Int, items: Int, keys: [UInt32], phase: String, work: WorkContext,
                     similarity: (Int, Int) -> Double?) throws -> LinkedClusters {
        var clusters = LinkedClusters(count: items)
        var slotCount = 16
        while slotCount < items * 2 { slotCount <<= 1 }
        let mask = slotCount - 1
        var slotKey = [UInt32](repeating: 0, count: slotCount)
        var slotLast = [Int32](repeating: -1, count: slotCount)
        var previous = [Int32](repeating: -1, count: items)
        let progress = PhaseCounter(phase, total: tables, work: work)
        try keys.withUnsafeBufferPointer { keys in
            for table in 0..<tables {
                try work.check("duplicate search")
                for slot in 0..<slotCount { slotLast[slot] = -1 }
                let base = table * items
                for item in 0..<items {
                    let key = keys[base + item]
                    var slot = Int(truncatingIfNeeded: ByteHasher.mix(UInt64(key))) & mask
                    while slotLast[slot] >= 0, slotKey[slot] != key { slot = (slot + 1) & mask }
                    previous[item] = slotLast[slot]
                    slotKey[slot] = key
                    slotLast[slot] = Int32(item)
                    var earlier = Int(previous[item])
                    var steps = 0
                    while earlier >= 0, steps < maxChain {
                        if clusters.root(earlier) != clusters.root(item), similarity(earlier, item) != nil {
                            clusters.link(earlier, item)
                        }
                        earlier = Int(previous[earlier])
                        steps += 1
                    }
                }
                progress.advance()
            }
        }
        return clusters
    }
}
