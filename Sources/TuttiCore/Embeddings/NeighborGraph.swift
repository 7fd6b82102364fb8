/// The `k` nearest neighbours of every item of a vector space (the item itself left out), best
/// first.
///
/// Up to `exactLimit` items every pair is scored. Above, candidates come from a
/// `ProjectionForest` (the members of an item's leaf in each tree), are re-ranked by their exact
/// score, and the lists are then refined by a few rounds of neighbour descent (Dong, Moses and
/// Li 2011): the neighbours of an item's neighbours, and the items that list it, are scored too,
/// since a neighbour of a neighbour is likely a neighbour.
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
        var ids = [Int32](repeating: -1, count: n * k)
        var scores = [Float](repeating: -.infinity, count: n * k)
        if n <= tuning.exactLimit {
            try Self.exact(space, k: k, ids: &ids, scores: &scores, work: work)
        } else {
            let leafSize = max(tuning.leafSize, 2 * k + 2)
            let forest = try ProjectionForest(space: space, count: tuning.trees, leafSize: leafSize, seed: 0xFA_3111, work: work)
            try Self.improve(space, k: k, ids: &ids, scores: &scores, phase: "familiarity: leaves", work: work) { item, found in
                for tree in forest.trees { found.append(contentsOf: tree.leafMembers(of: item)) }
            }
            for round in 0..<tuning.rounds {
                let previous = ids
                let reverse = Self.reverse(previous, n: n, k: k)
                try Self.improve(space, k: k, ids: &ids, scores: &scores, phase: "familiarity: refining \(round + 1)",
                                 work: work) { item, found in
                    for j in 0..<k {
                        let neighbor = Int(previous[item * k + j])
                        guard neighbor >= 0 else { continue }
                        found.append(contentsOf: previous[(neighbor * k)..<((neighbor + 1) * k)])
                        found.append(contentsOf: reverse[neighbor])
                    }
                    for other in reverse[item] {
                        found.append(other)
                        found.append(contentsOf: previous[(Int(other) * k)..<((Int(other) + 1) * k)])
                    }
                }
            }
        }
        self.ids = ids
        self.scores = scores
    }

    /// Every pair scored, items in chunks on all cores.
    private static func exact(_ space: VectorSpace, k: Int, ids: inout [Int32], scores: inout [Float],
                              work: WorkContext) throws {
        let n = space.count
        let everyItem = (0..<n).map(Int32.init)
        try improve(space, k: k, ids: &ids, scores: &scores, phase: "familiarity: pairs", work: work) { _, found in
            found.append(contentsOf: everyItem)
        }
    }

    /// For every item, scores the candidates `candidates` appends (repeats, -1 and the item
    /// itself are skipped) against its current list, keeping the best `k`; items in chunks on
    /// all cores.
    private static func improve(_ space: VectorSpace, k: Int, ids: inout [Int32], scores: inout [Float],
                                phase: String, work: WorkContext,
                                candidates: (Int, inout [Int32]) -> Void) throws {
        let n = space.count
        let chunks = WorkChunks(items: n, minimumChunk: 64)
        let progress = PhaseCounter(phase, total: n, work: work)
        space.items.values.withUnsafeBufferPointer { values in
            nonisolated(unsafe) let values = values.baseAddress!
            ids.withUnsafeMutableBufferPointer { ids in
                scores.withUnsafeMutableBufferPointer { scores in
                    nonisolated(unsafe) let ids = ids.baseAddress!, scores = scores.baseAddress!
                    chunks.run { range in
                        var seen = [Int32](repeating: -1, count: n)
                        var list = NeighborList(k: k)
                        var found: [Int32] = []
                        for item in range {
                            if work.isCancelled { return }
                            list.reset()
                            seen[item] = Int32(item)
                            for j in 0..<k where ids[item * k + j] >= 0 {
                                let other = ids[item * k + j]
                                seen[Int(other)] = Int32(item)
                                list.offer(other, scores[item * k + j])
                            }
                            found.removeAll(keepingCapacity: true)
                            candidates(item, &found)
                            for other in found where other >= 0 && seen[Int(other)] != Int32(item) {
                                seen[Int(other)] = Int32(item)
                                list.offer(other, space.score(values, item, Int(other)))
                            }
                            for j in 0..<k {
                                ids[item * k + j] = j < list.count ? list.ids[j] : -1
                                scores[item * k + j] = j < list.count ? list.scores[j] : -.infinity
                            }
                        }
                        progress.advance(by: range.count)
                    }
                }
            }
        }
        try work.check("familiarity")
    }

    /// For every item, the items whose lists hold it (at most `k` of them).
    private static func reverse(_ ids: [Int32], n: Int, k: Int) -> [[Int32]] {
        var lists = [[Int32]](repeating: [], count: n)
        for item in 0..<n {
            for j in 0..<k {
                let neighbor = Int(ids[item * k + j])
                if neighbor >= 0, lists[neighbor].count < k { lists[neighbor].append(Int32(item)) }
            }
        }
        return lists
    }
}
