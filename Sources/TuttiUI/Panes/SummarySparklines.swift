import TuttiCore
import TuttiTerminal

/// The summary pane's sparklines: each column in view binned to the width of its cell, with the
/// whole data's counts; under a filter, the filtered rows' counts on the same bins come from
/// `SummaryFiltering`. Binned again only when the width or the data changes.
struct SummarySparklines {
    /// One column's sparkline.
    struct Line {
        /// The cells it was binned for.
        let width: Int
        let binning: ColumnBinning?
        /// Rows per bin over the whole data (missing left out).
        let whole: [Int]
    }

    private var dataset: Dataset?
    private var lines: [Int: Line] = [:]

    /// Makes sure the columns at `indexes` have lines `width` cells wide.
    mutating func prepare(_ indexes: Range<Int>, width: Int, dataset data: Dataset) {
        if let previous = dataset, previous !== data {
            let kept = SummaryStatistics.unchangedColumns(previous, data)
            lines = lines.filter { kept.contains($0.key) }
        }
        dataset = data
        for index in indexes.clamped(to: data.columns.indices) where lines[index]?.width != width {
            let binning = try? ColumnBinning(dataset: data, column: data.columns[index].name, bins: width)
            lines[index] = Line(width: width, binning: binning, whole: binning.map { Array($0.totals.dropLast()) } ?? [])
        }
    }

    /// The line of the column at `index`, once prepared.
    func line(_ index: Int) -> Line? { lines[index] }

    /// The bins of the lines of the columns at `indexes` (those that have bins), with their
    /// widths, by column index: what the filtered rows are counted on.
    func binnings(_ indexes: Range<Int>) -> [Int: (width: Int, binning: ColumnBinning)] {
        var binnings: [Int: (width: Int, binning: ColumnBinning)] = [:]
        for index in indexes {
            if let line = lines[index], let binning = line.binning { binnings[index] = (line.width, binning) }
        }
        return binnings
    }

    /// Draws `line` from (`x`, `y`) in at most `width` cells. Without `filtered` counts, the
    /// whole data's shape in `bar`; with them, the filtered rows' shape (scaled to its own peak)
    /// in `bar`, and the whole data's shape in `behind` where no filtered row falls.
    static func draw(_ line: Line, filtered: [Int]?, into canvas: inout Canvas, x: Int, y: Int, width: Int,
                     levels: [Character], bar: CellStyle, behind: CellStyle) {
        let wholePeak = line.whole.max() ?? 0
        let filteredPeak = filtered?.max() ?? 0
        func level(_ count: Int, of peak: Int) -> Character {
            levels[min(levels.count - 1, Int(Double(count) / Double(peak) * Double(levels.count - 1) + 0.5))]
        }
        for offset in 0..<min(width, line.whole.count) {
            if let filtered {
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
