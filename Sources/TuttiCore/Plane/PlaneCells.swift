/// Points of the plane cut into the cells of an even grid: per row, the cell its (x, y) falls
/// in, or `outside` (missing, or beyond the grid). Made once per grid, so a brush or a frame
/// reads codes instead of coordinates. When x and y are columns, a rectangle of cells reads
/// back as the comparisons that select the same rows.
public struct PlaneCells: Sendable {
    /// The code of a row outside the grid or missing a coordinate.
    public static let outside = UInt32.max
    public let x: PlaneAxis
    public let y: PlaneAxis
    /// Per row: `row * x.count + column` of its cell, or `outside`.
    public let codes: [UInt32]
    /// The columns x and y come from, when they are columns (nil for computed coordinates).
    public let columnNames: (x: String, y: String)?

    /// Cuts the points (`xs[row]`, `ys[row]`) of the rows in `present` into the cells of `x` × `y`.
    public init(xs: [Double], ys: [Double], present: RowSet, x: PlaneAxis, y: PlaneAxis, columnNames: (x: String, y: String)? = nil) {
        precondition(xs.count == ys.count && present.rowCount == xs.count, "coordinates over other rows")
        self.x = x
        self.y = y
        self.columnNames = columnNames
        var codes = [UInt32](repeating: Self.outside, count: xs.count)
        let width = x.count
        xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                codes.withUnsafeMutableBufferPointer { codes in
                    for word in present.words.indices {
                        var bits = present.words[word]
                        while bits != 0 {
                            let row = word << 6 + bits.trailingZeroBitCount
                            bits &= bits &- 1
                            guard let column = x.cell(of: xs[row]), let line = y.cell(of: ys[row]) else { continue }
                            codes[row] = UInt32(line * width + column)
                        }
                    }
                }
            }
        }
        self.codes = codes
    }

    private init(x: PlaneAxis, y: PlaneAxis, codes: [UInt32], columnNames: (x: String, y: String)?) {
        self.x = x
        self.y = y
        self.codes = codes
        self.columnNames = columnNames
    }

    /// The same points on a grid `xFactor` × `yFactor` times coarser (the cells of a terminal
    /// from its Braille dots), without reading the coordinates again.
    public func coarsened(x xFactor: Int, y yFactor: Int) -> PlaneCells {
        let coarseX = x.coarsened(by: xFactor), coarseY = y.coarsened(by: yFactor)
        let width = x.count, coarseWidth = coarseX.count
        let maxColumn = coarseX.count - 1, maxRow = coarseY.count - 1
        let coarse = codes.map { code -> UInt32 in
            guard code != Self.outside else { return code }
            let column = min(Int(code) % width / xFactor, maxColumn), row = min(Int(code) / width / yFactor, maxRow)
            return UInt32(row * coarseWidth + column)
        }
        return PlaneCells(x: coarseX, y: coarseY, codes: coarse, columnNames: columnNames)
    }

    /// The rows whose cell lies in `rectangle`.
    public func rows(in rectangle: GridRectangle) -> RowSet {
        let width = x.count
        var set = RowSet(rowCount: codes.count)
        for (row, code) in codes.enumerated() where code != Self.outside {
            let cell = Int(code)
            if rectangle.contains(column: cell % width, row: cell / width) { set.insert(row) }
        }
        return set
    }

    /// The conditions on the x and y columns that select the rows of `rectangle` — each range
    /// closed below, open above except at the grid's edge — or nil when x and y are not columns.
    public func predicates(for rectangle: GridRectangle) -> [SlicePredicate]? {
        guard let columnNames else { return nil }
        func range(_ name: String, _ axis: PlaneAxis, _ cells: ClosedRange<Int>) -> [SlicePredicate] {
            let last = cells.upperBound >= axis.count - 1
            return [SlicePredicate(column: name, op: ">=", value: NumberFormatting.shortest(axis.edge(cells.lowerBound))),
                    SlicePredicate(column: name, op: last ? "<=" : "<", value: NumberFormatting.shortest(axis.edge(cells.upperBound + 1)))]
        }
        return range(columnNames.x, x, rectangle.columns) + range(columnNames.y, y, rectangle.rows)
    }
}
