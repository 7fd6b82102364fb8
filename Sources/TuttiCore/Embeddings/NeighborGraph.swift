/// The `k` nearest neighbours of every item of a vector space (the item itself left out), best
/// first.
///
/// Up to `exactLimit` items every pair is scored. Above, the lists start from a
/// `ProjectionForest`: every pair of items sharing a leaf is scored once, for both items (a
/// leaf's members are near in memory too, so this is a tight loop). Rounds of neighbour
/// descent (Dong, Moses and Li 2011) then refine them: an item scores the neighbours of its
/// neighbours and the items listing the same neighbours, since a neighbour of a neighbour is
/// likely a neighbour — but only through an entry that is new since the last round, as the
/// other pairs were scored before.
struct NeighborGraph: Sendable {
    /// Neighbours per item (at most `count - 1`).
    let k: Int
    /// `ids[item * k + j]`: the item's j-th nearest neighbour.
    let ids: [Int32]
    /// The matching scores (see `VectorSpace`).
    let scores: [Float]

    /// How the approximate search is tuned.
    struct Tuning: Sendable {
        /// Items up to which every pair is scored.
        var exactLimit = 4096
        /// Trees in the forest.
        var trees = 6
        /// Most items per leaf (raised to 2k + 2 for large k).
        var leafSize = 48
        /// Rounds of neighbour descent.
        var rounds = 2
    }

    /// The graph of `space` with `k` neighbours per item.
    init(space: VectorSpace, k wanted: Int, tuning: Tuning = Tuning(), work: WorkContext) throws {
        let n = space.count
        let k = max(0, min(wanted, n - 1))
        self.k = k
        guard k > 0 else {
            ids = []
            scores = []
            return
        }
        var table = NeighborTable(n: n, k: k)
        if n <= tuning.exactLimit {
            try Self.exact(space, table: &table, work: work)
        } else {
            let leafSize = max(tuning.leafSize, 2 * k + 2)
            let forest = try ProjectionForest(space: space, count: tuning.trees, leafSize: leafSize, seed: 0xFA_3111, work: work)
            try Self.joinLeaves(space, forest: forest, table: &table, work: work)
            for round in 0..<tuning.rounds {
                try Self.descend(space, table: &table, phase: "familiarity: refining \(round + 1)", work: work)
            }
        }
        ids = table.ids
        scores = table.scores
    }

    /// Every pair scored, items in chunks on all cores.
    private static func exact(_ space: VectorSpace, table: inout NeighborTable, work: WorkContext) throws {
        let n = space.count
        let progress = PhaseCounter("familiarity: pairs", total: n, work: work)
        table.withPointers { lists in
            space.items.values.withUnsafeBufferPointer { values in
                nonisolated(unsafe) let values = values.baseAddress!
                WorkChunks(items: n, minimumChunk: 64).run { range in
                    for item in range {
                        if work.isCancelled { return }
                        for other in 0..<n where other != item {
                            lists.insert(item, Int32(other), space.score(values, item, other))
                        }
                    }
                    progress.advance(by: range.count)
                }
            }
        }
        try work.check("familiarity")
    }

    /// Scores every pair of items sharing a leaf, tree by tree; a tree's leaves in parallel (an
    /// item lies in one leaf of a tree, so no two workers touch the same list).
    private static func joinLeaves(_ space: VectorSpace, forest: ProjectionForest, table: inout NeighborTable,
                                   work: WorkContext) throws {
        let progress = PhaseCounter("familiarity: leaves", total: forest.trees.count * space.count, work: work)
        table.withPointers { lists in
            space.items.values.withUnsafeBufferPointer { values in
                nonisolated(unsafe) let values = values.baseAddress!
                for tree in forest.trees {
                    let leaves = tree.leafStarts.count - 1
                    WorkChunks(items: leaves, minimumChunk: 32).run { range in
                        tree.order.withUnsafeBufferPointer { order in
                            for leaf in range {
                                if work.isCancelled { return }
                                let start = Int(tree.leafStarts[leaf]), end = Int(tree.leafStarts[leaf + 1])
                                for a in start..<end {
                                    let itemA = Int(order[a])
                                    for b in (a + 1)..<end {
                                        let itemB = Int(order[b])
                                        let score = space.score(values, itemA, itemB)
                                        lists.insert(itemA, Int32(itemB), score)
                                        lists.insert(itemB, Int32(itemA), score)
                                    }
                                }
                            }
                            progress.advance(by: Int(tree.leafStarts[range.upperBound] - tree.leafStarts[range.lowerBound]))
                        }
                    }
                }
            }
        }
        try work.check("familiarity")
    }

    /// One round of neighbour descent.
    private static func descend(_ space: VectorSpace, table: inout NeighborTable, phase: String, work: WorkContext) throws {
        let n = space.count, k = table.k
        let previous = table
        table.fresh = [UInt8](repeating: 0, count: n * k)
        let reverse = ReverseNeighbors(previous)
        let progress = PhaseCounter(phase, total: n, work: work)
        table.withPointers { lists in
            space.items.values.withUnsafeBufferPointer { values in
                nonisolated(unsafe) let values = values.baseAddress!
                previous.ids.withUnsafeBufferPointer { previousIds in
                    previous.fresh.withUnsafeBufferPointer { previousFresh in
                        nonisolated(unsafe) let ids = previousIds.baseAddress!, fresh = previousFresh.baseAddress!
                        WorkChunks(items: n, minimumChunk: 64).run { range in
                            var seen = [Int32](repeating: -1, count: n)
                            seen.withUnsafeMutableBufferPointer { seen in
                                for item in range {
                                    if work.isCancelled { return }
                                    let mark = Int32(item)
                                    seen[item] = mark
                                    for j in (item * k)..<(item * k + k) where ids[j] >= 0 { seen[Int(ids[j])] = mark }
                                    func consider(_ other: Int32) {
                                        guard other >= 0, seen[Int(other)] != mark else { return }
                                        seen[Int(other)] = mark
                                        lists.insert(item, other, space.score(values, item, Int(other)))
                                    }
                                    // Through the item's neighbours: theirs, and the items listing them.
                                    for j in (item * k)..<(item * k + k) {
                                        let neighbor = Int(ids[j])
                                        guard neighbor >= 0 else { continue }
                                        let isNew = fresh[j] != 0
                                        for jj in (neighbor * k)..<(neighbor * k + k) where isNew || fresh[jj] != 0 { consider(ids[jj]) }
                                        reverse.forEach(of: neighbor) { other, otherIsNew in
                                            if isNew || otherIsNew { consider(other) }
                                        }
                                    }
                                    // Through the items listing this one: them, and their neighbours.
                                    reverse.forEach(of: item) { lister, isNew in
                                        if isNew { consider(lister) }
                                        let base = Int(lister) * k
                                        for jj in base..<(base + k) where isNew || fresh[jj] != 0 { consider(ids[jj]) }
                                    }
                                }
                            }
                            progress.advance(by: range.count)
                        }
                    }
                }
            }
        }
        try work.check("familiarity")
    }
}

/// For every item, the items whose lists hold it (at most `k` of them), and whether that entry
/// is fresh.
private struct ReverseNeighbors: Sendable {
    let k: Int
    let ids: [Int32]
    let fresh: [Bool]
    let counts: [Int32]

    init(_ table: NeighborTable) {
        let k = table.k, n = table.ids.count / max(k, 1)
        var ids = [Int32](repeating: -1, count: n * k), fresh = [Bool](repeating: false, count: n * k)
        var counts = [Int32](repeating: 0, count: n)
        for item in 0..<n {
            for j in (item * k)..<(item * k + k) {
                let neighbor = Int(table.ids[j])
                guard neighbor >= 0, counts[neighbor] < k else { continue }
                let slot = neighbor * k + Int(counts[neighbor])
                ids[slot] = Int32(item)
                fresh[slot] = table.fresh[j] != 0
                counts[neighbor] += 1
            }
        }
        self.k = k
        self.ids = ids
        self.fresh = fresh
        self.counts = counts
    }

    /// Calls `body` with every item listing `item`, and whether its entry is fresh.
    @inline(__always)
    func forEach(of item: Int, _ body: (Int32, Bool) -> Void) {
        for slot in (item * k)..<(item * k + Int(counts[item])) { body(ids[slot], fresh[slot]) }
    }
}
