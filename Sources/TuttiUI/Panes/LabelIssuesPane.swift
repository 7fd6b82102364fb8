import TuttiCore
import TuttiTerminal

/// Likely label errors among the filtered rows, found by confident learning as `tutti
/// label-issues` finds them (from the score, `prob_<class>` columns or a probability vector),
/// ranked by self-confidence, lowest first: the row, its label, the suggested class, the
/// self-confidence and the row's first other columns. The search runs in the background again
/// whenever the filter (or the data, or the roles) changes. The cursor focuses its row, so the
/// instance pane shows it; Space toggles the row into the selection; Enter selects every issue.
public struct LabelIssuesPane: BackgroundComputedPane {
    public let kind = PaneKind.labelIssues
    public let title = "Label issues"
    private var list = ListCursor()
    /// The search over the filtered rows, in the background.
    private var search = BackgroundValue<SearchKey, Found>()
    /// The issues on screen: nil while the search runs, after it failed, or after a stop.
    private var found: Found?
    /// The search the issues on screen came from (a new one puts the cursor back on the first).
    private var shownKey: SearchKey?
    private var failure: String?
    private var stopped = false
    /// The row this pane last made the focused row.
    private var sharedRow: Int?

    /// What the issues depend on.
    struct SearchKey: Equatable {
        let filter: RowSet
        let roles: ColumnRoles
        let dataset: ObjectIdentifier
    }

    /// The issues found, and where their probabilities came from.
    struct Found: Sendable {
        let issues: [ConfidentLearning.Issue]
        let source: LabelIssueSource
    }

    public init() {}

    /// The issues listed, ranked (empty while the search runs).
    public var issues: [ConfidentLearning.Issue] { found?.issues ?? [] }

    /// The issue under the cursor, by its rank.
    public var cursor: Int { list.index }

    mutating func sync(_ context: PaneContext) -> [PaneCommand] {
        let state = context.state
        let key = SearchKey(filter: state.filter.rows, roles: state.roles, dataset: ObjectIdentifier(state.dataset))
        let commands = search.request(for: key, label: "label issue search", work: { handle in try Self.find(state, handle) })
        let status = search.status
        stopped = status.isStopped
        failure = status.explanation(doing: "finding likely label errors", work: "the label issue search")
        found = nil
        guard case .ready(let ready) = status else { return commands }
        if shownKey != key {
            shownKey = key
            list.set(0, count: 0)
        }
        found = ready
        list.set(list.index, count: ready.issues.count)
        return commands
    }

    /// Confident learning over the filtered rows of `state`, stopping when `handle` is cancelled.
    private static func find(_ state: ExplorerState, _ handle: JobHandle) throws -> Found {
        let source = try LabelIssueSource(dataset: state.dataset, roles: state.roles)
        let work = WorkContext(cancellation: handle.cancellation)
        return Found(issues: try source.issues(in: state.dataset, filter: state.filter.rows, work: work), source: source)
    }

    var isStopped: Bool { found == nil && stopped }

    mutating func receive(_ ended: JobHandle) -> Bool { search.receive(ended) }

    mutating func retry() -> [PaneCommand] { search.retry() }

    mutating func layOut(width: Int, height: Int, context: PaneContext) {
        list.fit(lines: height - 2, count: issues.count)
    }

    mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        guard let found, !found.issues.isEmpty else { return [] }
        if list.move(input, count: found.issues.count) { return shareFocus() }
        switch input {
        case .mousePress(_, let y):
            list.click(line: y - 2, count: found.issues.count)
            return shareFocus()
        case .space:
            return [.dispatch(.toggleRow(found.issues[list.index].row))] + shareFocus()
        case .enter:
            let rows = RowSet(rowCount: context.state.dataset.rowCount, rows: found.issues.map(\.row))
            return [.dispatch(.select(rows, .rows)),
                    .message("selected the \(NumberFormatting.grouped(found.issues.count)) likely label errors (f filters to them)")]
        default:
            return []
        }
    }

    /// Makes the cursor's row the shared focused row, when it moved.
    private mutating func shareFocus() -> [PaneCommand] {
        guard let row = found?.issues[list.index].row, row != sharedRow else { return [] }
        sharedRow = row
        return [.dispatch(.focusRow(row))]
    }

    // MARK: Rendering

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        guard let found else {
            canvas.message(failure ?? "", style: theme[.muted])
            return
        }
        let state = context.state
        let count = NumberFormatting.grouped(found.issues.count)
        canvas.fittedText("\(count) likely label error\(found.issues.count == 1 ? "" : "s") among "
                          + "\(NumberFormatting.grouped(state.filteredCount)) filtered rows · \(found.source.description)",
                          x: 0, y: 0, style: theme[.muted])
        let columns = Self.columns(found, state: state, width: canvas.size.width)
        var x = 1
        for column in columns {
            canvas.cell(column.title, x: x, y: 1, width: column.width, right: column.right, style: theme[.header])
            x += column.width + 1
        }
        guard !found.issues.isEmpty else {
            canvas.fittedText("no likely label errors among the filtered rows", x: 1, y: 2, style: theme[.muted])
            return
        }
        let selection = state.selection?.rows
        for (offset, issue) in found.issues.dropFirst(list.scroll).prefix(list.visible).enumerated() {
            let y = offset + 2
            let isCursor = list.scroll + offset == list.index && context.focused
            let style = isCursor ? theme[.cursor] : theme[.text]
            if isCursor { canvas.fill(Rect(x: 0, y: y, width: canvas.size.width, height: 1), style: style) }
            if selection?.contains(issue.row) == true {
                canvas.set(x: 0, y: y, context.glyphs.selectionMark, style: isCursor ? style : theme[.selected])
            }
            var x = 1
            for column in columns {
                let text = column.value(issue)
                canvas.cell(text.isEmpty ? "·" : text, x: x, y: y, width: column.width, right: column.right,
                            style: text.isEmpty && !isCursor ? theme[.muted] : style)
                x += column.width + 1
            }
        }
    }

    /// A column of the list: its title, width, alignment and the cell of an issue.
    private struct ListColumn {
        let title: String
        let width: Int
        let right: Bool
        let value: (ConfidentLearning.Issue) -> String
    }

    /// The issue's own columns, then as many of the row's other columns (neither the label nor a
    /// probability) as fit in `width`.
    private static func columns(_ found: Found, state: ExplorerState, width: Int) -> [ListColumn] {
        let dataset = state.dataset, classes = found.source.classes
        let classWidth = min(max(classes.map { DisplayWidth.of($0) }.max() ?? 0, 9), 16)
        var columns = [
            ListColumn(title: "row", width: max(3, String(max(dataset.rowCount - 1, 0)).count), right: true) { String($0.row) },
            ListColumn(title: "label", width: classWidth, right: false) { classes[$0.label] },
            ListColumn(title: "suggested", width: classWidth, right: false) { classes[$0.suggested] },
            ListColumn(title: "self-conf", width: 9, right: true) { NumberFormatting.fixed($0.selfConfidence) },
        ]
        var used = columns.reduce(1) { $0 + $1.width + 1 }
        let skipped = Set([found.source.label] + probabilityColumns(found.source))
        for column in dataset.columns where !skipped.contains(column.name) && column.kind != .vector {
            let cellWidth = min(max(DisplayWidth.of(column.name), 6), 16)
            guard used + cellWidth <= width else { break }
            used += cellWidth + 1
            columns.append(ListColumn(title: column.name, width: cellWidth, right: column.kind.isNumeric) { issue in
                column.isPresent(issue.row) ? column.text(at: issue.row).replacingNewlines() : ""
            })
        }
        return columns
    }

    /// The columns the probabilities were read from.
    private static func probabilityColumns(_ source: LabelIssueSource) -> [String] {
        switch source.kind {
        case .score(let name), .vector(let name): [name]
        case .columns(let names): names
        }
    }
}
