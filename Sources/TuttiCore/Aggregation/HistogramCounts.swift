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
