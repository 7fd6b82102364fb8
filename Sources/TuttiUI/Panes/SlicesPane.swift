import TuttiCore
import TuttiTerminal

/// Where the model fails: slices of the filtered rows with their metrics — grouped by the
/// group columns when they are set, otherwise found by SliceLine. Sortable; a bar shows the
/// sort metric; the selected count of each slice follows the selection live; Enter selects a
/// slice's rows (the selection remembers its predicates, so `f` filters to it).
public final class SlicesPane: Pane {
    public let kind = PaneKind.slices
    /// The metric the table is sorted by.
    public private(set) var sortMetric = SliceMetric.error
    public private(set) var descending = true
    /// The fewest rows a found slice may have (nil: SliceLine's default).
    public private(set) var minimumSize: Int?
    private var list = ListCursor()
    private var report: SliceReport?
    private var sliceRows: [RowSet] = []
    private var reportKey: (filter: RowSet, groups: [String], minimumSize: Int?)?
    private var failure: String?

    private static let sortable: [SliceMetric] = [.error, .accuracy, .fnr, .fpr, .meanLoss, .f1]

    public init() {}

    /// The slice under the cursor.
    public var cursor: Int { list.index }

    public var title: String {
        guard let report else { return "Slices" }
        return report.search == nil ? "Slices: groups" : "Slices: found by SliceLine"
    }

    public var keyHints: [KeyHint] {
        [KeyHint("↑↓", "slice"), KeyHint("Enter", "select"), KeyHint("s", "sort"), KeyHint("r", "reverse"),
         KeyHint("[ ]", "min size")]
    }

    private func current(_ context: PaneContext) -> SliceReport? {
        let state = context.state
        if let key = reportKey, key.filter == state.filter.rows, key.groups == state.groupColumns,
           key.minimumSize == minimumSize, report != nil {
            return report
        }
        reportKey = (state.filter.rows, state.groupColumns, minimumSize)
        do {
            let evaluator = try SliceEvaluator(dataset: state.dataset, roles: state.roles)
            var fresh: SliceReport
            if state.groupColumns.isEmpty {
                let objective: SliceObjective = state.roles[.label] != nil && state.roles[.prediction] != nil ? .error : .loss
                fresh = try SliceReport.discovered(dataset: state.dataset, roles: state.roles, evaluator: evaluator,
                                                   objective: objective, options: SliceLineOptions(minimumSupport: minimumSize),
                                                   filter: state.filter.rows)
            } else {
                fresh = try SliceReport.grouped(dataset: state.dataset, evaluator: evaluator,
                                                columns: Array(state.groupColumns.prefix(3)), binning: .equalWidth(10),
                                                filter: state.filter.rows)
            }
            fresh.sort(by: sortMetric, descending: descending)
            sliceRows = try fresh.entries.map { try SliceReport.rows(matching: $0.predicates, dataset: state.dataset, filter: state.filter.rows) }
            report = fresh
            failure = nil
        } catch {
            report = nil
            sliceRows = []
            failure = "\(error)"
        }
        return report
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        guard let report = current(context) else {
            canvas.message(failure ?? "", style: theme[.muted])
            return
        }
        let overall = report.overall.value(sortMetric)
        var header = "\(report.entries.count) slices · sorted by \(sortMetric.title) \(descending ? "↓" : "↑")"
        if let overall { header += " · all rows \(NumberFormatting.compact(overall))" }
        if report.search != nil { header += " · min size \(NumberFormatting.grouped(report.search?.minimumSupport ?? 0))" }
        canvas.text(header, x: 0, y: 0, style: theme[.muted], maxWidth: width)
        let columns = ["rows", "selected", sortMetric.title, "gap"]
        let widths = [8, 9, 8, 8]
        var x = 1
        for (title, columnWidth) in zip(columns, widths) {
            canvas.text(TextFitting.pad(title, columnWidth, right: true), x: x, y: 1, style: theme[.header])
            x += columnWidth + 1
        }
        let barWidth = 12
        canvas.text("slice", x: x + barWidth + 1, y: 1, style: theme[.header])
        list.fit(lines: height - 2, count: report.entries.count)
        let maximum = report.entries.compactMap { $0.metrics.value(sortMetric) }.max() ?? 0
        let selection = context.state.selection?.rows
        let bars = BarRenderer(glyphs: context.glyphs, barStyle: theme[.bar], selectedStyle: theme[.barSelected])
        for line in 0..<list.visible {
            let index = list.scroll + line
            guard index < report.entries.count else { break }
            let entry = report.entries[index]
            let y = line + 2
            let isCursor = index == cursor && context.focused
            let style = isCursor ? theme[.cursor] : theme[.text]
            if isCursor { canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: style) }
            let selected = selection.map { sliceRows[index].intersectionCount($0) } ?? 0
            let value = entry.metrics.value(sortMetric)
            let gap = value.flatMap { v in overall.map { v - $0 } }
            let cells = [NumberFormatting.grouped(entry.metrics.size), NumberFormatting.grouped(selected),
                         value.map { NumberFormatting.compact($0) } ?? "–",
                         gap.map { ($0 >= 0 ? "+" : "") + NumberFormatting.compact($0, significant: 3) } ?? ""]
            var x = 1
            for (offset, (cell, columnWidth)) in zip(cells, widths).enumerated() {
                let cellStyle = offset == 1 && selected > 0 && !isCursor ? theme[.selected] : style
                canvas.text(TextFitting.pad(cell, columnWidth, right: true), x: x, y: y, style: cellStyle)
                x += columnWidth + 1
            }
            let fraction = maximum > 0 ? (value ?? 0) / maximum : 0
            bars.horizontal(&canvas, x: x, y: y, width: barWidth, value: fraction,
                            selected: entry.metrics.size > 0 ? fraction * Double(selected) / Double(entry.metrics.size) : 0)
            canvas.text(entry.expression, x: x + barWidth + 1, y: y, style: style, maxWidth: width - x - barWidth - 1)
        }
    }

    public func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        guard let report = current(context) else { return [] }
        if list.move(input, count: report.entries.count) { return [] }
        switch input {
        case .mousePress(_, let y):
            list.click(line: y - 2, count: report.entries.count)
        case .enter, .space:
            guard cursor < report.entries.count else { return [] }
            return [.dispatch(.select(sliceRows[cursor], .slice(report.entries[cursor].predicates)))]
        case .character("s"):
            let index = Self.sortable.firstIndex(of: sortMetric) ?? 0
            sortMetric = Self.sortable[(index + 1) % Self.sortable.count]
            resort()
        case .character("r"):
            descending.toggle()
            resort()
        case .character("["), .character("]"):
            guard report.search != nil else { return [.message("the minimum size applies to found slices (no group columns)")] }
            let now = minimumSize ?? report.search?.minimumSupport ?? 32
            minimumSize = input == .character("[") ? max(1, now / 2) : now * 2
            list.set(0, count: 0)
        default: break
        }
        return []
    }

    private func resort() {
        guard var sorted = report else { return }
        let order = zip(sorted.entries, sliceRows).map { $0 }
        sorted.sort(by: sortMetric, descending: descending)
        sliceRows = sorted.entries.map { entry in order.first { $0.0 == entry }!.1 }
        report = sorted
        list.set(0, count: 0)
    }
}
