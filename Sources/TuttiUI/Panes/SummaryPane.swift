import TuttiCore
import TuttiTerminal

/// One row per column: name, kind, role, missing, distinct, range or top value, and a
/// sparkline of its distribution. Enter opens the column's histogram.
public struct SummaryPane: KeysAndLayoutPane {
    public let kind = PaneKind.summary
    public let title = "Summary"
    private var list = ListCursor()
    /// Each column's sparkline counts, and the width they were binned for.
    private var sparklines: [Int: (width: Int, counts: [Int])] = [:]
    /// The table's columns (title, width, right-aligned) and where they go, at the last layout.
    private var table: (columns: [(String, Int, Bool)], window: ColumnWindow)?

    public init() {}

    /// The column under the cursor.
    public var cursor: Int { list.index }


    /// Lays the table out for an interior of `width` × `height`: the columns that fit, the
    /// summaries in view, and their sparklines.
    mutating func layOut(width: Int, height: Int, context: PaneContext) {
        let summaries = context.summaries
        list.fit(lines: height - 1, count: summaries.count)
        let nameWidth = min(max(summaries.map { DisplayWidth.of($0.name) }.max() ?? 6, 6), max(8, width / 4))
        // Most telling first, so a narrow pane still shows what matters; the range or top value
        // takes what room is left, up to 28 cells.
        var columns: [(String, Int, Bool)] = [
            ("column", nameWidth, false), ("kind", 7, false), ("missing", 7, true), ("distinct", 8, true),
            ("distribution", 12, false), ("role", 10, false),
        ]
        let rangeX = columns.reduce(1) { $0 + $1.1 + 1 }
        columns.append(("range / top", min(28, max(12, width - rangeX)), false))
        let window = ColumnWindow(widths: columns.map(\.1), x: 1, width: width, minimums: [1: 4, 4: 4, 5: 4, 6: 8])
        table = (columns, window)
        guard let sparkline = window.placed.first(where: { $0.index == 4 }) else { return }
        for index in list.scroll..<min(list.scroll + list.visible, summaries.count) where sparklines[index]?.width != sparkline.width {
            let column = context.state.dataset.columns[index]
            let binning = try? ColumnBinning(dataset: context.state.dataset, column: column.name, bins: sparkline.width)
            sparklines[index] = (sparkline.width, binning.map { Array($0.totals.dropLast()) } ?? [])
        }
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let width = canvas.size.width
        let theme = context.theme
        let summaries = context.summaries
        guard let (columns, window) = table else { return }
        for placed in window.placed {
            let (title, _, right) = columns[placed.index]
            canvas.cell(title, x: placed.x, y: 0, width: placed.width, right: right, style: theme[.header])
        }
        canvas.columnMarks(window, y: 0, style: theme[.muted])
        let rows = context.state.dataset.rowCount
        for line in 0..<list.visible {
            let index = list.scroll + line
            guard index < summaries.count else { break }
            let summary = summaries[index]
            let y = line + 1
            let isCursor = index == cursor && context.focused
            let style = isCursor ? theme[.cursor] : theme[.text]
            if isCursor {
                canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: style)
                canvas.set(x: 0, y: y, context.glyphs.cursorMark, style: style)
            }
            let missing = rows > 0 ? Double(summary.missing) / Double(rows) * 100 : 0
            for placed in window.placed {
                let (x, columnWidth, right) = (placed.x, placed.width, columns[placed.index].2)
                switch placed.index {
                case 0: canvas.cell(summary.name, x: x, y: y, width: columnWidth, style: style)
                case 1: canvas.cell(Self.shortKind(summary), x: x, y: y, width: columnWidth, style: style)
                case 2:
                    let text = summary.missing == 0 ? "0" : missing < 0.1 ? "<0.1%"
                        : NumberFormatting.compact(missing, significant: 2) + "%"
                    canvas.cell(text, x: x, y: y, width: columnWidth, right: right, style: style)
                case 3: canvas.cell(NumberFormatting.grouped(summary.distinct), x: x, y: y, width: columnWidth, right: right, style: style)
                case 4: drawSparkline(&canvas, index: index, x: x, y: y, width: columnWidth, context: context, style: style)
                case 5: canvas.cell(roleText(summary.name, state: context.state), x: x, y: y, width: columnWidth,
                                    style: isCursor ? style : theme[.key])
                default: canvas.cell(rangeText(summary, width: columnWidth), x: x, y: y, width: columnWidth, style: style)
                }
            }
        }
    }

    /// The kind in a few letters: int, float, bool, cat, text, vec[n].
    static func shortKind(_ summary: ColumnSummary) -> String {
        switch summary.kind {
        case .integer: "int"
        case .float: "float"
        case .boolean: "bool"
        case .categorical: "cat"
        case .text: "text"
        case .vector: "vec[\(summary.vectorWidth ?? 0)]"
        case .datetime: "time"
        }
    }

    /// The range, or the top value with its count fitted to `width` as a unit.
    private func rangeText(_ summary: ColumnSummary, width: Int) -> String {
        if summary.kind == .datetime, let low = summary.min, let high = summary.max {
            return TimeFormatting.iso(Int64(low)).prefix(10) + "–" + TimeFormatting.iso(Int64(high)).prefix(10)
        }
        if let low = summary.min, let high = summary.max {
            return "\(NumberFormatting.compact(low))–\(NumberFormatting.compact(high))"
        }
        if let top = summary.top.first { return TextFitting.counted(top.value, count: NumberFormatting.grouped(top.count), width) }
        return ""
    }

    private func drawSparkline(_ canvas: inout Canvas, index: Int, x: Int, y: Int, width: Int, context: PaneContext,
                               style: CellStyle) {
        let counts = sparklines[index]?.counts ?? []
        guard let maximum = counts.max(), maximum > 0 else { return }
        let levels = context.glyphs.sparkline
        for (offset, count) in counts.prefix(width).enumerated() where count > 0 {
            let level = min(levels.count - 1, Int(Double(count) / Double(maximum) * Double(levels.count - 1) + 0.5))
            canvas.set(x: x + offset, y: y, levels[level], style: style.foreground == .standard ? context.theme[.bar] : style)
        }
    }

    mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        let count = context.summaries.count
        if list.move(input, count: count) { return [] }
        switch input {
        case .mousePress(_, let y):
            list.click(line: y - 1, count: count)
        case .action(.groupBy):
            guard cursor < count else { return [] }
            let name = context.summaries[cursor].name
            var groups = context.state.groupColumns
            if let index = groups.firstIndex(of: name) { groups.remove(at: index) } else { groups.append(name) }
            if groups.count > 3 { return [.message("slices group by at most 3 columns")] }
            return [.dispatch(.setGroupColumns(groups)),
                    .message(groups.isEmpty ? "no group columns: slices are found by SliceLine" : "group by: " + groups.joined(separator: ", "))]
        case .enter:
            guard cursor < count else { return [] }
            let summary = context.summaries[cursor]
            switch summary.kind {
            case .text, .vector:
                return [.message("'\(summary.name)' is \(summary.kind.rawValue): no histogram (try a filter like len(\(summary.name)) > 100)")]
            default:
                return [.openHistogram(summary.name)]
            }
        default:
            break
        }
        return []
    }

    /// The role column: the column's role now (roles change with a view), and "group" when it is
    /// a group column (`b`).
    private func roleText(_ name: String, state: ExplorerState) -> String {
        let role = state.roles.role(ofColumn: name)?.rawValue ?? ""
        guard state.groupColumns.contains(name) else { return role }
        return role.isEmpty ? "group" : role + "+group"
    }
}
