/// The best `k` candidates seen so far for one item, best first: a sorted insertion buffer
/// (k is small, so this beats a heap).
struct NeighborList {
    private(set) var ids: [Int32]
    private(set) var scores: [Float]
    private(set) var count = 0
    let k: Int

    init(k: Int) {
        self.k = k
        ids = [Int32](repeating: -1, count: k)
        scores = [Float](repeating: -.infinity, count: k)
    }

    /// Empties the list.
    mutating func reset() { count = 0 }

    /// Offers a candidate (never the same id twice: callers remove repeats).
    @inline(__always)
    mutating func offer(_ id: Int32, _ score: Float) {
        guard k > 0, count < k || score > scores[k - 1] else { return }
        var position = min(count, k - 1)
        while position > 0, scores[position - 1] < score {
            scores[position] = scores[position - 1]
            ids[position] = ids[position - 1]
            position -= 1
        }
        scores[position] = score
        ids[position] = id
        count = min(count + 1, k)
    }
}
