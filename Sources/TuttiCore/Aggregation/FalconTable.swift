/// One linked view's Falcon table (Moritz et al., CHI 2019) made from counts that came from
/// elsewhere — a SQL engine's `GROUP BY brushed bin, view bin` — rather than from rows in
/// memory (those build `BrushTables` directly).
///
/// The counts are kept cumulated along the brushed bins, so what a brush over any range of
/// brushed bins selects in the view is the difference of two table rows: the cost of a brush
/// step depends on the bin counts, never on the rows.
public struct FalconTable: Sendable, Equatable {
    /// The brushed view's bin count (without missing, which a brush never covers).
    public let brushedBins: Int
    /// The view's bins, missing included (its last entry).
    public let viewWidth: Int
    /// `cumulative[a * viewWidth + v]`: rows with brushed bin < a and view bin v, for a in
    /// 0 ... brushedBins + 1.
    private let cumulative: [Int]
    /// Rows with brushed bin < a, for a in 0 ... brushedBins + 1 (rows in no view bin included).
    private let brushedCumulative: [Int]

    /// The table of `counts` for a brushed view of `brushedBins` bins (plus missing, bin
    /// `brushedBins`) and a view of `viewWidth` bins (missing included). Counts whose brushed bin
    /// lies outside 0 ... brushedBins are left out; counts whose view bin lies outside
    /// 0 ..< viewWidth (rows holding a value the view has no bin for) count for the brushed view
    /// only.
    public init(brushedBins: Int, viewWidth: Int, counts: [BinPairCount]) {
        precondition(brushedBins >= 0 && viewWidth >= 1, "a Falcon table needs bins")
        let rows = brushedBins + 1
        var table = [Int](repeating: 0, count: (rows + 1) * viewWidth)
        var own = [Int](repeating: 0, count: rows + 1)
        for count in counts where (0..<rows).contains(count.brushed) {
            own[count.brushed + 1] += count.count
            if (0..<viewWidth).contains(count.view) { table[(count.brushed + 1) * viewWidth + count.view] += count.count }
        }
        for a in 0..<rows {
            own[a + 1] += own[a]
            for v in 0..<viewWidth { table[(a + 1) * viewWidth + v] += table[a * viewWidth + v] }
        }
        self.brushedBins = brushedBins
        self.viewWidth = viewWidth
        cumulative = table
        brushedCumulative = own
    }

    /// The table of `brushed` against `view` over the rows of `filter`, counted in memory: what a
    /// SQL engine's table must equal.
    public static func counting(brushed: ColumnBinning, view: ColumnBinning, filter: RowSet) -> FalconTable {
        let width = view.binCount + 1
        var grid = [Int](repeating: 0, count: (brushed.binCount + 1) * width)
        filter.forEachMember { row in grid[Int(brushed.codes[row]) * width + Int(view.codes[row])] += 1 }
        let counts = grid.indices.compactMap { cell in
            grid[cell] == 0 ? nil : BinPairCount(brushed: cell / width, view: cell % width, count: grid[cell])
        }
        return FalconTable(brushedBins: brushed.binCount, viewWidth: width, counts: counts)
    }

    /// The view's counts per bin (missing last) of the rows whose brushed bin lies in `bins`.
    public func selectedCounts(bins: ClosedRange<Int>) -> [Int] {
        guard let (low, high) = clamped(bins) else { return [Int](repeating: 0, count: viewWidth) }
        return (0..<viewWidth).map { cumulative[(high + 1) * viewWidth + $0] - cumulative[low * viewWidth + $0] }
    }

    /// The view's counts per bin (missing last) of the rows in brushed bin `bin`, which may be
    /// the brushed view's missing bin (`brushedBins`): one row of the full 2-D count table.
    public func viewCounts(brushedBin bin: Int) -> [Int] {
        guard (0...brushedBins).contains(bin) else { return [Int](repeating: 0, count: viewWidth) }
        return (0..<viewWidth).map { cumulative[(bin + 1) * viewWidth + $0] - cumulative[bin * viewWidth + $0] }
    }

    /// The rows whose brushed bin lies in `bins`.
    public func selectedTotal(bins: ClosedRange<Int>) -> Int {
        guard let (low, high) = clamped(bins) else { return 0 }
        return brushedCumulative[high + 1] - brushedCumulative[low]
    }

    /// `bins` within the real brushed bins, or nil when none is left.
    private func clamped(_ bins: ClosedRange<Int>) -> (Int, Int)? {
        let low = max(bins.lowerBound, 0), high = min(bins.upperBound, brushedBins - 1)
        return low <= high ? (low, high) : nil
    }
}

/// How many rows fall in bin `brushed` of the brushed view and bin `view` of a linked view.
public struct BinPairCount: Sendable, Equatable {
    /// The brushed view's bin (its bin count for missing).
    public let brushed: Int
    /// The linked view's bin (its bin count for missing).
    public let view: Int
    /// The rows in both.
    public let count: Int

    /// `count` rows in brushed bin `brushed` and view bin `view`.
    public init(brushed: Int, view: Int, count: Int) {
        self.brushed = brushed
        self.view = view
        self.count = count
    }
}
