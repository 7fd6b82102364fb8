import TuttiCore
import TuttiTerminal

/// Draws one line of the slices table: rows, selected rows (live), the metric, its gap to a
/// baseline, a bar of the metric whose selected part is the selected share, then the text.
/// The text (the slice) keeps room at every width: in a narrow pane the bar goes first, then
/// the selected count, the gap and the rows; the metric stays with the text.
struct SliceRowDrawer {
    /// A column of the table.
    enum Column: Equatable {
        /// One of the number columns, by index into `widths`.
        case number(Int)
        case bar, text
    }

    /// A column shown: where it starts and its width on screen.
    struct Placed: Equatable {
        let column: Column
        let x: Int
        let width: Int
    }

    let context: PaneContext
    let metric: SliceMetric
    /// The metric's value at full bar length.
    let maximum: Double
    let width: Int
    /// The columns that fit the pane, left to right; the text is last, with the rest of the width.
    let placed: [Placed]

    /// The titles and widths of the number columns.
    static func titles(_ metric: SliceMetric) -> [String] { ["rows", "selected", metric.title, "gap"] }
    static let widths = [8, 9, 8, 8]
    static let barWidth = 12
    /// The room the text keeps before any other column is shown (less when no text is longer).
    static let textRoom = 20
    /// The columns besides the text, left to right.
    static let order: [Column] = [.number(0), .number(1), .number(2), .number(3), .bar]
    /// The same, the one kept longest first: the metric, rows, gap, selected, bar.
    static let kept: [Column] = [.number(2), .number(0), .number(3), .number(1), .bar]

    /// A drawer for a pane `width` cells wide whose longest text is `textWidth` cells.
    init(context: PaneContext, metric: SliceMetric, maximum: Double, width: Int, textWidth: Int = textRoom) {
        self.context = context
        self.metric = metric
        self.maximum = maximum
        self.width = width
        var room = width - 1 - min(textWidth, Self.textRoom)
        var kept: [Column] = []
        for column in Self.kept {
            let cells = Self.width(of: column) + 1
            guard cells <= room else { break }
            room -= cells
            kept.append(column)
        }
        var placed: [Placed] = []
        var x = 1
        for column in Self.order where kept.contains(column) {
            placed.append(Placed(column: column, x: x, width: Self.width(of: column)))
            x += Self.width(of: column) + 1
        }
        if x < width { placed.append(Placed(column: .text, x: x, width: width - x)) }
        self.placed = placed
    }

    /// The cells a column other than the text takes.
    private static func width(of column: Column) -> Int {
        switch column {
        case .number(let index): widths[index]
        case .bar: barWidth
        case .text: 0
        }
    }

    /// Where the text starts, and its width (0 when there is no room for it).
    var textX: Int { placed.last { $0.column == .text }?.x ?? width }
    var textWidth: Int { placed.last { $0.column == .text }?.width ?? 0 }

    /// Draws the table's column titles on line `y`.
    func drawTitles(_ canvas: inout Canvas, y: Int) {
        for column in placed {
            switch column.column {
            case .number(let index):
                canvas.cell(Self.titles(metric)[index], x: column.x, y: y, width: column.width, right: true,
                            style: context.theme[.header])
            case .text:
                canvas.fittedText("slice", x: column.x, y: y, style: context.theme[.header], maxWidth: column.width)
            case .bar:
                break
            }
        }
    }

    /// A gap as a signed fixed decimal, never in exponent notation: "+0.034", "-0.067", and
    /// "±0.000" for a gap that rounds to zero; whole numbers from 100 on, to fit the column.
    static func gapText(_ gap: Double) -> String { NumberFormatting.signed(gap, decimals: abs(gap) >= 100 ? 0 : 3) }

    /// Draws `metrics` and the `selected` count (nil: "–", not known) on line `y`, in `style`
    /// (the cursor's: no selected colour).
    func draw(_ canvas: inout Canvas, y: Int, metrics: SliceMetrics, selected known: Int?, baseline: SliceMetrics, text: String,
              style: CellStyle, isCursor: Bool = false) {
        let theme = context.theme
        let selected = known ?? 0
        let value = metrics.value(metric)
        let gap = metrics.gap(metric, to: baseline)
        let cells = [NumberFormatting.grouped(metrics.size), known.map(NumberFormatting.grouped) ?? "–",
                     value.map { NumberFormatting.compact($0) } ?? "–",
                     gap.map(Self.gapText) ?? ""]
        let fraction = maximum > 0 ? (value ?? 0) / maximum : 0
        for column in placed {
            switch column.column {
            case .number(let index):
                let cellStyle = index == 1 && selected > 0 && !isCursor ? theme[.selected] : style
                canvas.cell(cells[index], x: column.x, y: y, width: column.width, right: true, style: cellStyle)
            case .bar:
                let bars = BarRenderer(glyphs: context.glyphs, barStyle: theme[.bar], selectedStyle: theme[.barSelected])
                bars.horizontal(&canvas, x: column.x, y: y, width: column.width, value: fraction,
                                selected: metrics.size > 0 ? fraction * Double(selected) / Double(metrics.size) : 0)
            case .text:
                canvas.text(TextFitting.fit(text, column.width, words: true), x: column.x, y: y, style: style)
            }
        }
    }
}
