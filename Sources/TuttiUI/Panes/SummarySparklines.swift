import TuttiCore
import TuttiTerminal

/// The summary pane's sparklines: each column in view binned to the width of its cell, with the
/// whole data's counts and, under a filter, the filtered rows' counts on the same bins. Binned
/// again only when the width or the data changes; counted again only when the filter changes.
struct SummarySparklines {
    /// One column's sparkline.
    struct Line {
        /// The cells it was binned for.
        let width: Int
        let binning: ColumnBinning?
        /// Rows per bin over the whole data (missing left out).
        let whole: [Int]
        /// Filtered rows per bin, on the same bins; nil when every row passes.
        var filtered: [Int]?
        /// The filtered rows `filtered` counts.
        var counted: RowSet?
    }

    private var dataset: Dataset?
    private var lines: [Int: Line] = [:]

    /// Makes sure the columns at `indexes` have lines `width` cells wide whose filtered counts
    /// are of `filteredRows` (nil: every row passes).
    mutating func prepare(_ indexes: Range<Int>, width: Int, dataset data: Dataset, filteredRows: RowSet?) {
        if let previous = dataset, previous !== data {
            let kept = SummaryStatistics.sameColumns(previous, data)
            lines = lines.filter { $0.key < kept }
        }
        dataset = data
        for index in indexes.clamped(to: data.columns.indices) {
            if lines[index]?.width != width {
                let binning = try? ColumnBinning(dataset: data, column: data.columns[index].name, bins: width)
                lines[index] = Line(width: width, binning: binning, whole: binning.map { Array($0.totals.dropLast()) } ?? [],
                                    filtered: nil, counted: nil)
            }
            guard var line = lines[index], line.counted != filteredRows else { continue }
            line.counted = filteredRows
            if let rows = filteredRows, let binning = line.binning {
                line.filtered = Array(HistogramCounts(binning, filter: rows, selection: nil).filtered.dropLast())
            } else {
                line.filtered = nil
            }
            lines[index] = line
        }
    }

    /// The line of the column at `index`, once prepared.
    func line(_ index: Int) -> Line? { lines[index] }

    /// Draws `line` from (`x`, `y`) in at most `width` cells. Without a filter, the whole data's
    /// shape in `bar`; under one, the filtered rows' shape (scaled to its own peak) in `bar`,
    /// and the whole data's shape in `behind` where no filtered row falls.
    static func draw(_ line: Line, into canvas: inout Canvas, x: Int, y: Int, width: Int, levels: [Character],
                     bar: CellStyle, behind: CellStyle) {
        let wholePeak = line.whole.max() ?? 0
        let filteredPeak = line.filtered?.max() ?? 0
        func level(_ count: Int, of peak: Int) -> Character {
            levels[min(levels.count - 1, Int(Double(count) / Double(peak) * Double(levels.count - 1) + 0.5))]
        }
        for offset in 0..<min(width, line.whole.count) {
            if let filtered = line.filtered {
                if filtered[offset] > 0 {
                    canvas.set(x: x + offset, y: y, level(filtered[offset], of: filteredPeak), style: bar)
                } else if line.whole[offset] > 0 {
                    canvas.set(x: x + offset, y: y, level(line.whole[offset], of: wholePeak), style: behind)
                }
            } else if line.whole[offset] > 0 {
                canvas.set(x: x + offset, y: y, level(line.whole[offset], of: wholePeak), style: bar)
            }
        }
    }
}
