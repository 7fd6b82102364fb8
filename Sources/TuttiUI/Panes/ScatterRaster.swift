import TuttiCore

/// A scatter plot cut into terminal cells, ready to draw: per cell the Braille dots of the
/// filtered points and of the filtered-out ones (drawn faint), how many filtered points fell in
/// it (density), and its most common colour category. Made in one pass over the points' cells
/// (the filtered rows a set bit of the filter at a time, then the others) when the dot grid,
/// the filter or the colouring changes; the selected points' dots are laid over it separately
/// (`selectedDots`), so a brush moving over the plot costs a pass over its cells only.
struct ScatterRaster {
    let width: Int
    let height: Int
    private(set) var dots: [UInt8]
    private(set) var faint: [UInt8]
    private(set) var counts: [Int32]
    /// Per cell: the category most of its filtered points have (`ScatterColoring.missing` if none).
    private(set) var colors: [UInt8]
    /// The largest count of any cell.
    private(set) var densest: Int32 = 0

    /// Where each row's point lies on the screen: its cell (line × width + column, `outside`
    /// when it is not shown) and its dot's bit in that cell; made once per dot grid.
    struct Placement {
        static let outside = UInt32.max
        let cells: [UInt32]
        let bits: [UInt8]

        /// The screen cells and dots of `plane`'s points (a grid of `2 × width` by `4 × height`
        /// dots, row 0 at the bottom).
        init(plane: PlaneCells, width: Int) {
            let dotWidth = plane.x.count, dotHeight = plane.y.count
            var cells = [UInt32](repeating: Self.outside, count: plane.codes.count)
            var bits = [UInt8](repeating: 0, count: plane.codes.count)
            for (row, code) in plane.codes.enumerated() where code != PlaneCells.outside {
                let dotX = Int(code) % dotWidth, dotY = dotHeight - 1 - Int(code) / dotWidth
                cells[row] = UInt32((dotY >> 2) * width + dotX >> 1)
                bits[row] = BrailleDots.bit(dx: dotX & 1, dy: dotY & 3)
            }
            self.cells = cells
            self.bits = bits
        }
    }

    /// Rasters the points placed by `placement` over `filter`.
    init(placement: Placement, width: Int, height: Int, filter: RowSet, coloring: ScatterColoring?) {
        self.width = width
        self.height = height
        let cellCount = width * height
        var dots = [UInt8](repeating: 0, count: cellCount), faint = dots
        var counts = [Int32](repeating: 0, count: cellCount)
        let categories = coloring.map { $0.names.count } ?? 0
        var votes = [Int32](repeating: 0, count: max(1, cellCount * categories))
        let colorCodes = coloring?.codes ?? []
        placement.cells.withUnsafeBufferPointer { cells in
            placement.bits.withUnsafeBufferPointer { bits in
                colorCodes.withUnsafeBufferPointer { colorCodes in
                    dots.withUnsafeMutableBufferPointer { dots in
                        faint.withUnsafeMutableBufferPointer { faint in
                            counts.withUnsafeMutableBufferPointer { counts in
                                votes.withUnsafeMutableBufferPointer { votes in
                                    let rowCount = cells.count
                                    // The filtered rows, a set bit at a time, then the others.
                                    Self.forEachRow(of: filter.words, passing: true, rowCount: rowCount) { row in
                                        let cell = cells[row]
                                        guard cell != Placement.outside else { return }
                                        let index = Int(cell)
                                        dots[index] |= bits[row]
                                        counts[index] &+= 1
                                        if categories > 0, colorCodes[row] != ScatterColoring.missing {
                                            votes[index * categories + Int(colorCodes[row])] &+= 1
                                        }
                                    }
                                    Self.forEachRow(of: filter.words, passing: false, rowCount: rowCount) { row in
                                        let cell = cells[row]
                                        if cell != Placement.outside { faint[Int(cell)] |= bits[row] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var colors = [UInt8](repeating: ScatterColoring.missing, count: cellCount)
        if categories > 0 {
            for cell in 0..<cellCount where counts[cell] > 0 {
                let tally = votes[cell * categories..<(cell + 1) * categories]
                if let best = tally.indices.max(by: { tally[$0] < tally[$1] }), tally[best] > 0 {
                    colors[cell] = UInt8(best - cell * categories)
                }
            }
        }
        self.dots = dots
        self.faint = faint
        self.counts = counts
        self.colors = colors
        densest = counts.max() ?? 0
    }

    /// Calls `body` with every row below `rowCount` whose bit in `words` is set (`passing`) or clear.
    @inline(__always)
    private static func forEachRow(of words: [UInt64], passing: Bool, rowCount: Int, _ body: (Int) -> Void) {
        words.withUnsafeBufferPointer { words in
            for word in 0..<words.count {
                let base = word << 6
                var bits = passing ? words[word] : ~words[word]
                if base + 64 > rowCount { bits &= (1 << UInt64(max(0, rowCount - base))) &- 1 }
                while bits != 0 {
                    body(base + bits.trailingZeroBitCount)
                    bits &= bits &- 1
                }
            }
        }
    }

    /// The dots of the selected filtered points per cell: the whole cells of `brushed` (a
    /// rectangle being brushed on this plot, row 0 at the bottom), else the rows `isSelected`
    /// says (a brush on another pane), else the members of `selection`.
    func selectedDots(placement: Placement, filter: RowSet, selection: RowSet?, isSelected: ((Int) -> Bool)?,
                      brushed: GridRectangle?) -> [UInt8] {
        var selected = [UInt8](repeating: 0, count: width * height)
        if let brushed {
            for line in 0..<height {
                for column in 0..<width where brushed.contains(column: column, row: height - 1 - line) {
                    selected[line * width + column] = dots[line * width + column]
                }
            }
        } else if let isSelected {
            filter.forEachMember { row in
                let cell = placement.cells[row]
                if cell != Placement.outside, isSelected(row) { selected[Int(cell)] |= placement.bits[row] }
            }
        } else if let selection {
            selection.intersection(filter).forEachMember { row in
                let cell = placement.cells[row]
                if cell != Placement.outside { selected[Int(cell)] |= placement.bits[row] }
            }
        }
        return selected
    }
}
