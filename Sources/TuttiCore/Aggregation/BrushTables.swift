import Dispatch

/// Brushing at constant cost (the technique of Falcon, Moritz et al., CHI 2019).
///
/// When a brush starts on one histogram (the *brushed* view), one pass over the filtered rows
/// counts, for every other view, how many rows fall in each (brushed bin, view bin) pair, and
/// keeps those counts cumulated along the brushed bins. Every brush move after that is a
/// subtraction of two table rows per view: its cost depends on the bin counts, not the rows.
public struct BrushTables: Sendable {
    /// The brushed view's bin count (without missing).
    public let brushedBins: Int
    /// Bins (with missing) of each other view.
    private let viewWidths: [Int]
    /// Per view: `cumulative[a * width + v]` = filtered rows with brushed bin < a and view bin v,
    /// for a in 0 ... brushedBins + 1.
    private let cumulative: [[Int32]]
    /// Filtered rows per brushed bin, cumulated.
    private let brushedCumulative: [Int32]

    /// Builds the tables over the rows of `filter`, on all cores.
    public init(brushed: ColumnBinning, views: [ColumnBinning], filter: RowSet) {
        let rows = brushed.codes.count
        precondition(views.allSatisfy { $0.codes.count == rows } && filter.rowCount == rows, "bins over other rows")
        let brushedRows = brushed.binCount + 1
        let widths = views.map { $0.binCount + 1 }
        let workers = rows >= 1 << 16 ? 2 : 1
        let wordsPerWorker = (filter.words.count + workers - 1) / workers
        let partials = ResultSlots<[[Int32]]>.collect(count: workers) { worker in
            var tables = widths.map { [Int32](repeating: 0, count: brushedRows * $0) }
            let firstWord = worker * wordsPerWorker
            let endWord = min(firstWord + wordsPerWorker, filter.words.count)
            brushed.codes.withUnsafeBufferPointer { brushedCodes in
                filter.words.withUnsafeBufferPointer { words in
                    for (index, view) in views.enumerated() {
                        let width = widths[index]
                        view.codes.withUnsafeBufferPointer { viewCodes in
                            tables[index].withUnsafeMutableBufferPointer { table in
                                for word in firstWord..<max(firstWord, endWord) {
                                    var bits = words[word]
                                    let base = word << 6
                                    while bits != 0 {
                                        let row = base + bits.trailingZeroBitCount
                                        table[Int(brushedCodes[row]) * width + Int(viewCodes[row])] &+= 1
                                        bits &= bits &- 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return tables
        }
        var cumulative: [[Int32]] = []
        for (index, width) in widths.enumerated() {
            var table = [Int32](repeating: 0, count: (brushedRows + 1) * width)
            for a in 0..<brushedRows {
                for v in 0..<width {
                    var sum: Int32 = 0
                    for partial in partials { sum &+= partial[index][a * width + v] }
                    table[(a + 1) * width + v] = table[a * width + v] &+ sum
                }
            }
            cumulative.append(table)
        }
        var own = [Int32](repeating: 0, count: brushedRows + 1)
        let counts = HistogramCounts(brushed, filter: filter, selection: nil).filtered
        for a in 0..<brushedRows { own[a + 1] = own[a] + Int32(counts[a]) }
        brushedBins = brushed.binCount
        viewWidths = widths
        self.cumulative = cumulative
        brushedCumulative = own
    }

    /// The number of other views.
    public var viewCount: Int { viewWidths.count }

    /// Selected counts of view `view` (per bin, with missing last) when brushed bins `bins` are
    /// selected.
    public func selectedCounts(view: Int, bins: ClosedRange<Int>) -> [Int] {
        let width = viewWidths[view]
        let low = max(bins.lowerBound, 0), high = min(bins.upperBound, brushedBins - 1)
        guard low <= high else { return [Int](repeating: 0, count: width) }
        return cumulative[view].withUnsafeBufferPointer { table in
            (0..<width).map { Int(table[(high + 1) * width + $0] - table[low * width + $0]) }
        }
    }

    /// The number of filtered rows in brushed bins `bins`.
    public func selectedTotal(bins: ClosedRange<Int>) -> Int {
        let low = max(bins.lowerBound, 0), high = min(bins.upperBound, brushedBins - 1)
        guard low <= high else { return 0 }
        return Int(brushedCumulative[high + 1] - brushedCumulative[low])
    }
}
