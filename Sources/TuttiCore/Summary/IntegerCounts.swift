/// How many times each value occurs in an integer column whose values lie in a small range
/// (ages, counts, class labels): one pass over the rows, then the distinct count and the
/// quantiles are read off the counts, with no sort and no copy of the values.
struct IntegerCounts {
    /// The widest range (largest minus smallest value, plus one) counted this way: the counts
    /// stay within the caches. Wider columns are selected and hashed as keys (`RadixSelect`, `KeyDistinct`).
    static let maxRange = 1 << 18

    private let lowest: Int64
    private let counts: [UInt32]
    /// The number of present values counted.
    let total: Int

    /// The counts of `values` at the rows of `validity`, whose values lie in `lowest ... highest`;
    /// nil when that range is wider than `maxRange` or there are too many rows for 32-bit counts.
    init?(_ values: UnsafeBufferPointer<Int64>, validity: RowSet, lowest: Int64, highest: Int64) {
        let (span, overflow) = highest.subtractingReportingOverflow(lowest)
        guard !overflow, span >= 0, span < Self.maxRange, validity.count < Int(UInt32.max) else { return nil }
        var counts = [UInt32](repeating: 0, count: Int(span) + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            validity.forEachMember { counts[Int(values[$0] &- lowest)] &+= 1 }
        }
        self.lowest = lowest
        self.counts = counts
        total = validity.count
    }

    /// The number of distinct values.
    var distinctCount: Int { counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }

    /// The quantiles of the values, as if they were sorted.
    var quantiles: Quantiles? {
        Quantiles(sortedCount: total) { Double(value(atRank: $0)) }
    }

    /// The value of sorted rank `rank` (0-based, below `total`).
    private func value(atRank rank: Int) -> Int64 {
        var seen = 0
        for (offset, count) in counts.enumerated() {
            seen += Int(count)
            if seen > rank { return lowest + Int64(offset) }
        }
        return lowest + Int64(counts.count - 1)
    }
}
