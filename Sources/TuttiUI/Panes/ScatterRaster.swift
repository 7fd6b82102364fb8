import TuttiCore

/// A scatter plot cut into terminal cells, ready to draw: per cell the Braille dots of the
/// filtered points, of the filtered-out ones (drawn faint) and of the selected ones, how many
/// filtered points fell in it (density), and its most common colour category. Made in one
/// pass over the points' cells, a word of the filter at a time.
struct ScatterRaster {
    let width: Int
    let height: Int
    private(set) var dots: [UInt8]
    private(set) var faint: [UInt8]
    private(set) var selected: [UInt8]
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

    /// Rasters the points placed by `placement` over `filter`; a row is selected when it is in
    /// `selection` or `isSelected` says so, or — for a rectangle being brushed on this plot —
    /// when its cell lies in `brushed` (cells, row 0 at the bottom).
    init(placement: Placement, width: Int, height: Int, filter: RowSet, selection: RowSet?, isSelected: ((Int) -> Bool)?,
         brushed: GridRectangle?, coloring: ScatterColoring?) {
        self.width = width
        self.height = height
        let cellCount = width * height
        var dots = [UInt8](repeating: 0, count: cellCount), faint = dots, selected = dots
        var counts = [Int32](repeating: 0, count: cellCount)
        let categories = coloring.map { $0.names.count } ?? 0
        var votes = [Int32](repeating: 0, count: max(1, cellCount * categories))
        let rowCount = placement.cells.count
        let noColors = [UInt8](repeating: ScatterColoring.missing, count: categories > 0 ? 0 : rowCount)
        let colorCodes = coloring?.codes ?? noColors
        let selectionWords = selection?.words ?? [UInt64](repeating: 0, count: filter.words.count)
        placement.cells.withUnsafeBufferPointer { cells in
            placement.bits.withUnsafeBufferPointer { bits in
                filter.words.withUnsafeBufferPointer { filterWords in
                    selectionWords.withUnsafeBufferPointer { selectionWords in
                        colorCodes.withUnsafeBufferPointer { colorCodes in
                            dots.withUnsafeMutableBufferPointer { dots in
                                faint.withUnsafeMutableBufferPointer { faint in
                                    selected.withUnsafeMutableBufferPointer { selected in
                                        counts.withUnsafeMutableBufferPointer { counts in
                                            votes.withUnsafeMutableBufferPointer { votes in
                                                for word in 0..<filterWords.count {
                                                    let passing = filterWords[word], chosen = selectionWords[word]
                                                    let base = word << 6
                                                    for row in base..<min(base + 64, rowCount) {
                                                        let cell = cells[row]
                                                        guard cell != Placement.outside else { continue }
                                                        let index = Int(cell), bit = bits[row], shift = UInt64(row - base)
                                                        guard (passing >> shift) & 1 != 0 else {
                                                            faint[index] |= bit
                                                            continue
                                                        }
                                                        dots[index] |= bit
                                                        counts[index] &+= 1
                                                        if (chosen >> shift) & 1 != 0 || isSelected?(row) == true { selected[index] |= bit }
                                                        if categories > 0, colorCodes[row] != ScatterColoring.missing {
                                                            votes[index * categories + Int(colorCodes[row])] &+= 1
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let brushed {
            for line in 0..<height {
                for column in 0..<width where brushed.contains(column: column, row: height - 1 - line) {
                    selected[line * width + column] = dots[line * width + column]
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
        self.selected = selected
        self.counts = counts
        self.colors = colors
        densest = counts.max() ?? 0
    }
}
