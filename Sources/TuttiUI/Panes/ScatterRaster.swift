import TuttiCore

/// A scatter plot cut into terminal cells, ready to draw: per cell the Braille dots of the
/// filtered points, of the filtered-out ones (drawn faint) and of the selected ones, how many
/// filtered points fell in it (density), and its most common colour category. Made in one
/// pass over the points' dot codes.
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

    /// Rasters the points of `plane` (a grid of `2 × width` by `4 × height` dots, row 0 at the
    /// bottom) over `filter`; a row is selected when `isSelected` says so, or — for a rectangle
    /// being brushed on this plot — when its cell lies in `brushed` (cells, row 0 at the bottom).
    init(plane: PlaneCells, width: Int, height: Int, filter: RowSet, isSelected: ((Int) -> Bool)?,
         brushed: GridRectangle?, coloring: ScatterColoring?) {
        self.width = width
        self.height = height
        let cellCount = width * height
        dots = [UInt8](repeating: 0, count: cellCount)
        faint = dots
        selected = dots
        counts = [Int32](repeating: 0, count: cellCount)
        colors = [UInt8](repeating: ScatterColoring.missing, count: cellCount)
        let categories = coloring.map { $0.names.count } ?? 0
        var votes = [Int32](repeating: 0, count: categories > 0 ? cellCount * categories : 0)
        let dotWidth = plane.x.count, dotHeight = plane.y.count
        plane.codes.withUnsafeBufferPointer { codes in
            for row in codes.indices {
                let code = codes[row]
                guard code != PlaneCells.outside else { continue }
                let dotX = Int(code) % dotWidth, dotY = dotHeight - 1 - Int(code) / dotWidth
                let cell = (dotY >> 2) * width + dotX >> 1
                let bit = BrailleDots.bit(dx: dotX & 1, dy: dotY & 3)
                guard filter.contains(row) else {
                    faint[cell] |= bit
                    continue
                }
                dots[cell] |= bit
                counts[cell] += 1
                if let isSelected, isSelected(row) { selected[cell] |= bit }
                if let coloring, coloring.codes[row] != ScatterColoring.missing {
                    votes[cell * categories + Int(coloring.codes[row])] += 1
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
        if categories > 0 {
            for cell in 0..<cellCount where counts[cell] > 0 {
                let tally = votes[cell * categories..<(cell + 1) * categories]
                if let best = tally.indices.max(by: { tally[$0] < tally[$1] }), tally[best] > 0 {
                    colors[cell] = UInt8(best - cell * categories)
                }
            }
        }
        densest = counts.max() ?? 0
    }
}
