/// Brushing a rectangle of a scatter plot's cells at constant cost (Falcon's technique in two
/// dimensions). When the brush starts, one pass over the filtered rows counts, for every other
/// view, the rows in each (cell, view bin) pair, and sums those counts into summed-area tables
/// over the cells; every brush move after that reads four table entries per view bin, whatever
/// the number of rows.
public struct RectangleBrushTables: Sendable {
    /// The grid's width and height in cells.
    public let columns: Int, rows: Int
    /// Bins (with missing) of each other view.
    private let viewWidths: [Int]
    /// Per view: `table[((row) * (columns + 1) + column) * width + bin]` = filtered rows in cells
    /// left of `column` and below `row`, in view bin `bin`.
    private let tables: [[Int32]]
    /// The same for the rows themselves (one bin).
    private let own: [Int32]

    /// Builds the tables over the rows of `filter`.
    public init(cells: PlaneCells, views: [ColumnBinning], filter: RowSet) {
        let count = cells.codes.count
        precondition(views.allSatisfy { $0.codes.count == count } && filter.rowCount == count, "bins over other rows")
        columns = cells.x.count
        rows = cells.y.count
        let widths = views.map { $0.binCount + 1 }
        let cellCount = columns * rows
        var counts = widths.map { [Int32](repeating: 0, count: cellCount * $0) }
        var ownCounts = [Int32](repeating: 0, count: cellCount)
        cells.codes.withUnsafeBufferPointer { codes in
            for word in filter.words.indices {
                var bits = filter.words[word]
                while bits != 0 {
                    let row = word << 6 + bits.trailingZeroBitCount
                    bits &= bits &- 1
                    let code = codes[row]
                    guard code != PlaneCells.outside else { continue }
                    ownCounts[Int(code)] &+= 1
                    for (index, view) in views.enumerated() {
                        counts[index][Int(code) * widths[index] + Int(view.codes[row])] &+= 1
                    }
                }
            }
        }
        let (columns, rows) = (columns, rows)
        viewWidths = widths
        tables = zip(counts, widths).map { Self.summed($0, columns: columns, rows: rows, width: $1) }
        own = Self.summed(ownCounts, columns: columns, rows: rows, width: 1)
    }

    /// The summed-area table of `counts` (`columns` × `rows` cells of `width` bins each): entry
    /// (`row`, `column`, `bin`) sums the cells left of `column` and below `row`.
    private static func summed(_ counts: [Int32], columns: Int, rows: Int, width: Int) -> [Int32] {
        let stride = columns + 1
        var table = [Int32](repeating: 0, count: (rows + 1) * stride * width)
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = (row * columns + column) * width
                let here = ((row + 1) * stride + column + 1) * width
                let left = ((row + 1) * stride + column) * width
                let below = (row * stride + column + 1) * width
                let corner = (row * stride + column) * width
                for bin in 0..<width {
                    table[here + bin] = counts[cell + bin] &+ table[left + bin] &+ table[below + bin] &- table[corner + bin]
                }
            }
        }
        return table
    }

    /// The rectangle clamped to the grid, as summed-area corners; nil when nothing is left.
    private func corners(_ rectangle: GridRectangle) -> (low: (Int, Int), high: (Int, Int))? {
        let c0 = max(rectangle.columns.lowerBound, 0), c1 = min(rectangle.columns.upperBound, columns - 1)
        let r0 = max(rectangle.rows.lowerBound, 0), r1 = min(rectangle.rows.upperBound, rows - 1)
        guard c0 <= c1, r0 <= r1 else { return nil }
        return ((c0, r0), (c1 + 1, r1 + 1))
    }

    /// Selected counts of view `view` (per bin, missing last) when the cells of `rectangle` are brushed.
    public func selectedCounts(view: Int, rectangle: GridRectangle) -> [Int] {
        let width = viewWidths[view], stride = columns + 1
        guard let (low, high) = corners(rectangle) else { return [Int](repeating: 0, count: width) }
        return tables[view].withUnsafeBufferPointer { table in
            let a = (high.1 * stride + high.0) * width, b = (low.1 * stride + high.0) * width
            let c = (high.1 * stride + low.0) * width, d = (low.1 * stride + low.0) * width
            return (0..<width).map { Int(table[a + $0] &- table[b + $0] &- table[c + $0] &+ table[d + $0]) }
        }
    }

    /// The number of filtered rows in the cells of `rectangle`.
    public func selectedTotal(rectangle: GridRectangle) -> Int {
        let stride = columns + 1
        guard let (low, high) = corners(rectangle) else { return 0 }
        return Int(own[high.1 * stride + high.0] &- own[low.1 * stride + high.0] &- own[high.1 * stride + low.0] &+ own[low.1 * stride + low.0])
    }
}
