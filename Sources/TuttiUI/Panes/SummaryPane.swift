import TuttiCore
import TuttiTerminal

/// One row per column: name, kind, role, missing, distinct, range or top value, and a
/// sparkline of its distribution; under it, the cursor column's statistics. Under a filter every
/// figure is of the filtered rows, with the whole data's value beside it where it differs, and
/// each sparkline draws the filtered rows over the whole data's shape. Enter opens the column's
/// histogram. The figures of the filtered rows are computed in the background: after a filter
/// change the pane shows those of the filter before, and says it is updating, until they arrive.
public struct SummaryPane: Pane {
    public let kind = PaneKind.summary
    private var list = ListCursor()
    private var statistics = SummaryStatistics()
    private var sparklines = SummarySparklines()
    private var filtering = SummaryFiltering()
    /// On a sample of a table in a SQL engine: the engine's figures of the whole table.
    private var exact = SummaryEngineFigures()
    /// On a sample of a table in a SQL engine: what the engine says, as the last layout left it.
    private var engine: EngineFigures?
    /// The lines under the table for the cursor column's statistics.
    private var detailLines = 0
    /// The table's columns (title, width, right-aligned) and where they go, at the last layout.
    private var table: (columns: [(String, Int, Bool)], window: ColumnWindow)?

    public init() {}

    /// The column under the cursor.
    public var cursor: Int { list.index }

    public var title: String {
        if let problem = filtering.problem { return "Summary · filtered figures: \(problem)" }
        return (filtering.isUpdating ? "Summary · updating…" : "Summary") + (engineNote.map { " · " + $0 } ?? "")
    }

    /// Whose figures the pane shows, on a sample of a table in an engine: the table's once the
    /// engine gave them (the distribution sparklines stay the sample's), else the sample's.
    private var engineNote: String? {
        guard let engine else { return nil }
        if exact.isExact(engine) { return "table of \(engine.tableRows.text)" }
        return "sample \(NumberFormatting.grouped(engine.sampleRows))" + (exact.isAsking ? " · …" : "")
    }

    /// The figures of the column at `index`: the engine's when it gave them, else the sample's.
    private func entry(_ index: Int) -> SummaryStatistics.Entry? {
        guard let sample = statistics.entry(index, filtering: filtering) else { return nil }
        return exact.entry(sample.whole.name, engine: engine) ?? sample
    }

    public mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        switch message {
        case .input(let input): return handle(input, context: context)
        case .layout(let width, let height): return layOut(width: width, height: height, context: context)
        case .jobEnded(let handle):
            if !exact.receive(handle) { _ = filtering.receive(handle) }
            return []
        case .find, .goToRow: return []
        }
    }

    /// Lays the table out for an interior of `width` × `height`: the columns that fit, the
    /// summaries in view (and the cursor's), and their sparklines; returns the work that
    /// computes the figures of the filtered rows, when some are missing.
    mutating func layOut(width: Int, height: Int, context: PaneContext) -> [PaneCommand] {
        let columns = context.state.dataset.columns
        detailLines = height >= 8 ? 2 : height >= 5 ? 1 : 0
        list.fit(lines: height - 1 - detailLines, count: columns.count)
        let inView = list.scroll..<min(list.scroll + list.visible, columns.count)
        statistics.prepare(inView, state: context.state)
        statistics.prepare(list.index..<list.index + 1, state: context.state)  // for the details under the table
        let nameWidth = min(max(columns.map { DisplayWidth.of($0.name) }.max() ?? 6, 6), max(8, width / 4))
        // Most telling first, so a narrow pane still shows what matters; the range or top value
        // takes what room is left, up to 28 cells (44 under a filter).
        var titles: [(String, Int, Bool)] = [
            ("column", nameWidth, false), ("kind", 7, false), ("missing", 7, true), ("distinct", 8, true),
            ("distribution", 12, false), ("role", 10, false),
        ]
        let rangeX = titles.reduce(1) { $0 + $1.1 + 1 }
        // Under a filter the whole data's value follows the filtered one, so the column may grow.
        let filtered = context.state.filteredCount < context.state.dataset.rowCount
        titles.append(("range / top", min(filtered ? 44 : 28, max(12, width - rangeX)), false))
        let window = ColumnWindow(widths: titles.map(\.1), x: 1, width: width, minimums: [1: 4, 4: 4, 5: 4, 6: 8])
        table = (titles, window)
        var binnings: [Int: (width: Int, binning: ColumnBinning)] = [:]
        if let sparkline = window.placed.first(where: { $0.index == 4 }) {
            sparklines.prepare(inView, width: sparkline.width, dataset: context.state.dataset)
            binnings = sparklines.binnings(inView)
        }
        let wanted = Set(inView).union([list.index]).filter { $0 < columns.count }.sorted()
        engine = context.engine
        return filtering.prepare(wanted, binnings: binnings, state: context.state) + exact.prepare(context.engine)
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let width = canvas.size.width
        let theme = context.theme
        let count = context.state.dataset.columns.count
        guard let (columns, window) = table else { return }
        for placed in window.placed {
            let (title, _, right) = columns[placed.index]
            canvas.cell(title, x: placed.x, y: 0, width: placed.width, right: right, style: theme[.header])
        }
        canvas.columnMarks(window, y: 0, style: theme[.muted])
        for line in 0..<list.visible {
            let index = list.scroll + line
            guard index < count, let entry = entry(index) else { break }
            let summary = entry.shown
            let y = line + 1
            let isCursor = index == cursor && context.focused
            let style = isCursor ? theme[.cursor] : theme[.text]
            if isCursor {
                canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: style)
                canvas.set(x: 0, y: y, context.glyphs.cursorMark, style: style)
            }
            let rows = entry.filteredCount
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
                default: canvas.cell(SummaryText.range(entry, width: columnWidth), x: x, y: y, width: columnWidth, style: style)
                }
            }
        }
        drawDetails(&canvas, context: context)
    }

    /// The cursor column's statistics on the pane's last lines, broken between pieces.
    private func drawDetails(_ canvas: inout Canvas, context: PaneContext) {
        guard detailLines > 0, let entry = entry(cursor) else { return }
        let width = canvas.size.width - 2
        var lines: [String] = []
        for piece in SummaryText.details(entry) {
            if let last = lines.last, lines.count == detailLines || DisplayWidth.of(last + " · " + piece) <= width {
                lines[lines.count - 1] = last + " · " + piece
            } else {
                lines.append(piece)
            }
        }
        let style = context.focused ? context.theme[.text] : context.theme[.muted]
        for (offset, line) in lines.enumerated() {
            canvas.fittedText(line, x: 1, y: canvas.size.height - lines.count + offset, style: style, maxWidth: width)
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

    private func drawSparkline(_ canvas: inout Canvas, index: Int, x: Int, y: Int, width: Int, context: PaneContext,
                               style: CellStyle) {
        guard let line = sparklines.line(index) else { return }
        let onCursor = style.foreground != .standard
        var behind = context.theme[.muted]
        if onCursor { behind.background = style.background }
        SummarySparklines.draw(line, filtered: filtering.sparkline(index, width: line.width), into: &canvas, x: x, y: y,
                               width: width, levels: context.glyphs.sparkline,
                               bar: onCursor ? style : context.theme[.bar], behind: behind)
    }

    mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        let columns = context.state.dataset.columns
        let count = columns.count
        if list.move(input, count: count) { return [] }
        switch input {
        case .mousePress(_, let y):
            list.click(line: y - 1, count: count)
        case .action(.groupBy):
            guard cursor < count else { return [] }
            let name = columns[cursor].name
            var groups = context.state.groupColumns
            if let index = groups.firstIndex(of: name) { groups.remove(at: index) } else { groups.append(name) }
            if groups.count > 3 { return [.message("slices group by at most 3 columns")] }
            return [.dispatch(.setGroupColumns(groups)),
                    .message(groups.isEmpty ? "no group columns: slices are found by SliceLine" : "group by: " + groups.joined(separator: ", "))]
        case .enter:
            guard cursor < count else { return [] }
            let column = columns[cursor]
            switch column.kind {
            case .text, .vector:
                return [.message("'\(column.name)' is \(column.kind.rawValue): no histogram (try a filter like len(\(column.name)) > 100)")]
            default:
                return [.openHistogram(column.name)]
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
