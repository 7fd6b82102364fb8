import TuttiCore
import TuttiTerminal

/// Draws one line of the slices table: rows, selected rows (live), the metric, its gap to a
/// baseline, a bar of the metric whose selected part is the selected share, then the text.
struct SliceRowDrawer {
    let context: PaneContext
    let metric: SliceMetric
    /// The metric's value at full bar length.
    let maximum: Double
    let width: Int

    /// The titles and widths of the number columns.
    static func titles(_ metric: SliceMetric) -> [String] { ["rows", "selected", metric.title, "gap"] }
    static let widths = [8, 9, 8, 8]
    static let barWidth = 12

    /// Where the bar and the text start.
    static let barX = 1 + widths.reduce(0) { $0 + $1 + 1 }
    static let textX = barX + barWidth + 1

    /// The columns that fit the pane: the four numbers, the bar, and the text (at least 10 cells).
    var window: ColumnWindow {
        ColumnWindow(widths: Self.widths + [Self.barWidth, max(10, width - Self.textX)], x: 1, width: width)
    }

    /// Draws the table's column titles on line `y`.
    func drawTitles(_ canvas: inout Canvas, y: Int) {
        let window = window
        for placed in window.placed {
            switch placed.index {
            case ..<Self.widths.count:
                canvas.cell(Self.titles(metric)[placed.index], x: placed.x, y: y, width: placed.width, right: true,
                            style: context.theme[.header])
            case Self.widths.count + 1:
                canvas.fittedText("slice", x: placed.x, y: y, style: context.theme[.header], maxWidth: placed.width)
            default:
                break
            }
        }
        canvas.columnMarks(window, y: y, style: context.theme[.muted])
    }

    /// A gap as a signed fixed decimal, never in exponent notation: "+0.034", "-0.067", and
    /// "±0.000" for a gap that rounds to zero; whole numbers from 100 on, to fit the column.
    static func gapText(_ gap: Double) -> String {
        let decimals = abs(gap) >= 100 ? 0 : 3
        let text = String(format: "%.\(decimals)f", abs(gap))
        guard text.contains(where: { $0 != "0" && $0 != "." }) else { return "±" + text }
        return (gap < 0 ? "-" : "+") + text
    }

    /// Draws `metrics` of `rows` on line `y`, in `style` (the cursor's: no selected colour).
    func draw(_ canvas: inout Canvas, y: Int, metrics: SliceMetrics, rows: RowSet, baseline: SliceMetrics, text: String,
              style: CellStyle, isCursor: Bool = false) {
        let theme = context.theme
        let selected = context.state.selection.map { rows.intersectionCount($0.rows) } ?? 0
        let value = metrics.value(metric)
        let gap = metrics.gap(metric, to: baseline)
        let cells = [NumberFormatting.grouped(metrics.size), NumberFormatting.grouped(selected),
                     value.map { NumberFormatting.compact($0) } ?? "–",
                     gap.map(Self.gapText) ?? ""]
        let fraction = maximum > 0 ? (value ?? 0) / maximum : 0
        for placed in window.placed {
            switch placed.index {
            case ..<cells.count:
                let cellStyle = placed.index == 1 && selected > 0 && !isCursor ? theme[.selected] : style
                canvas.cell(cells[placed.index], x: placed.x, y: y, width: placed.width, right: true, style: cellStyle)
            case cells.count:
                let bars = BarRenderer(glyphs: context.glyphs, barStyle: theme[.bar], selectedStyle: theme[.barSelected])
                bars.horizontal(&canvas, x: placed.x, y: y, width: placed.width, value: fraction,
                                selected: metrics.size > 0 ? fraction * Double(selected) / Double(metrics.size) : 0)
            default:
                canvas.text(TextFitting.fit(text, placed.width, words: true), x: placed.x, y: y, style: style)
            }
        }
    }
}
