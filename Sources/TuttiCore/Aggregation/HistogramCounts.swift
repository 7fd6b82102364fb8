/// The three counts every histogram bar shows: all rows, rows that pass the filter, and
/// filtered rows that are selected. Each array has `binCount + 1` entries, the last for missing.
public struct HistogramCounts: Sendable, Equatable {
    public var all: [Int]
    public var filtered: [Int]
    public var selected: [Int]

    /// Counts `binning` under `filter` and `selection` in one pass over the filtered rows.
    public init(_ binning: ColumnBinning, filter: RowSet, selection: RowSet?) {
        all = binning.totals
        var filtered = [Int](repeating: 0, count: binning.binCount + 1)
        var selected = [Int](repeating: 0, count: binning.binCount + 1)
        binning.codes.withUnsafeBufferPointer { codes in
            filtered.withUnsafeMutableBufferPointer { f in
                selected.withUnsafeMutableBufferPointer { s in
                    filter.words.withUnsafeBufferPointer { filterWords in
                        let selectionWords = selection?.words
                        for word in 0..<filterWords.count {
                            var bits = filterWords[word]
                            var chosen = selectionWords.map { $0[word] & bits } ?? 0
                            let base = word << 6
                            while bits != 0 {
                                f[Int(codes[base + bits.trailingZeroBitCount])] &+= 1
                                bits &= bits &- 1
                            }
                            while chosen != 0 {
                                s[Int(codes[base + chosen.trailingZeroBitCount])] &+= 1
                                chosen &= chosen &- 1
                            }
                        }
                    }
                }
            }
        }
        self.filtered = filtered
        self.selected = selected
    }

    /// The counts after the rows of `rows` moved from their bins in `binning` to their bins in
    /// `recoded` (the same bins, other codes: a threshold step's flipped rows), visiting only those
    /// rows: a row outside `filter` changes only `all`. The same counts as counting `recoded` afresh.
    public func recounted(_ rows: ArraySlice<UInt32>, from binning: ColumnBinning, to recoded: ColumnBinning, filter: RowSet,
                          selection: RowSet?) -> HistogramCounts {
        precondition(recoded.binCount == binning.binCount, "recounting on other bins")
        var counts = self
        counts.all = recoded.totals
        for row in rows.lazy.map(Int.init) where filter.contains(row) {
            let old = Int(binning.codes[row]), new = Int(recoded.codes[row])
            counts.filtered[old] -= 1
            counts.filtered[new] += 1
            if selection?.contains(row) == true {
                counts.selected[old] -= 1
                counts.selected[new] += 1
            }
        }
        return counts
    }

    /// Counts per group: `result[g]` are the counts of rows whose group bin is `g`.
    public static func grouped(_ binning: ColumnBinning, by groups: ColumnBinning, filter: RowSet,
                               selection: RowSet?) -> [HistogramCounts] {
        (0...groups.binCount).map { group in
            let members = groups.rows(in: group...group, within: filter)
            var counts = HistogramCounts(binning, filter: members, selection: selection)
            counts.all = counts.filtered
            return counts
        }
    }
}
