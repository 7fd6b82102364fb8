/// The neighbour lists of every item in three flat arrays: `ids[item * k + j]`, its score, and
/// whether the entry came in since the last snapshot (`fresh`, for neighbour descent). Each
/// list is sorted best first; an empty slot has id -1 and score -infinity.
struct NeighborTable {
    let k: Int
    var ids: [Int32]
    var scores: [Float]
    var fresh: [UInt8]

    /// `n` empty lists of `k` slots.
    init(n: Int, k: Int) {
        self.k = k
        ids = [Int32](repeating: -1, count: n * k)
        scores = [Float](repeating: -.infinity, count: n * k)
        fresh = [UInt8](repeating: 0, count: n * k)
    }

    /// Runs `body` with pointers to the three arrays (writers must keep to lists no other writer touches).
    mutating func withPointers<T>(_ body: (Lists) throws -> T) rethrows -> T {
        let k = k
        return try ids.withUnsafeMutableBufferPointer { ids in
            try scores.withUnsafeMutableBufferPointer { scores in
                try fresh.withUnsafeMutableBufferPointer { fresh in
                    try body(Lists(k: k, ids: ids.baseAddress!, scores: scores.baseAddress!, fresh: fresh.baseAddress!))
                }
            }
        }
    }

    /// Raw access to the lists, for workers that each own some of them.
    struct Lists: @unchecked Sendable {
        let k: Int
        let ids: UnsafeMutablePointer<Int32>
        let scores: UnsafeMutablePointer<Float>
        let fresh: UnsafeMutablePointer<UInt8>

        /// The score a candidate must beat to enter `item`'s list.
        @inline(__always)
        func worst(_ item: Int) -> Float { scores[item * k + k - 1] }

        /// Puts `id` into `item`'s list, marked fresh, if it beats the worst entry and is not
        /// there yet; returns whether it went in.
        @inline(__always)
        @discardableResult
        func insert(_ item: Int, _ id: Int32, _ score: Float) -> Bool {
            let base = item * k
            guard score > scores[base + k - 1] else { return false }
            for j in base..<(base + k) where ids[j] == id { return false }
            var position = base + k - 1
            while position > base, scores[position - 1] < score {
                ids[position] = ids[position - 1]
                scores[position] = scores[position - 1]
                fresh[position] = fresh[position - 1]
                position -= 1
            }
            ids[position] = id
            scores[position] = score
            fresh[position] = 1
            return true
        }
    }
}
