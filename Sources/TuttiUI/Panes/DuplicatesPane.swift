import TuttiCore
import TuttiTerminal

/// Duplicates among the filtered rows: exact clusters, label conflicts, leaks across splits
/// and near duplicates, grouped by kind under headings, with their sizes, similarity,
/// selected counts, splits and labels. `s` / `r` sort the clusters of each kind; Space selects
/// a cluster's rows; `f` filters to the rows of every cluster of the kind under the cursor;
/// Enter opens the pair viewer: two members side by side, the differing cells (and words) marked;
/// `n` selects the first (or the viewed) member and the rows most like it. On a sample of a
/// table in a SQL engine the search runs on the sample, and the title says so.
public struct DuplicatesPane: BackgroundComputedPane {
    public let kind = PaneKind.duplicates
    public var title: String { "Duplicates" + (sampleNote.map { " · " + $0 } ?? "") }
    /// On a sample of a table in a SQL engine: "on sample 3,000 of 48,842" (nil on data loaded whole).
    private var sampleNote: String?
    /// What the clusters of each kind are sorted by.
    public private(set) var sortKey: DuplicateSort
    /// Whether the sort is descending.
    public private(set) var descending: Bool
    private var list = ListCursor()
    /// The cluster under the cursor, by its index in the report; nil until there is one.
    private var cursorCluster: Int?
    /// In the pair viewer: the first member shown (the second is the next one).
    public private(set) var pair: Int?
    private var pairView: DuplicatePairView?
    /// The first line of the pair viewer in view, and the largest it can be at the last render.
    private var pairScroll = 0
    private var pairScrollLimit = 0
    private var pairVisible = 1
    /// The search over the filtered rows, in the background.
    private var search = BackgroundValue<RowSet, DuplicateReport>()
    private var rowsLikeThis = RowsLikeThis()
    /// The filter of the report on screen (a new one resets the cursor).
    private var shownFilter: RowSet?
    private var failure: String?
    private var stopped = false
    /// The report on screen: nil while the search runs, after it failed, or after a stop.
    private var report: DuplicateReport?
    /// The list's lines in the current order, at the last update.
    private var lines: [DuplicateListLine] = []

    /// What the list's order depends on (the selection only when sorting by it).
    private struct OrderKey: Equatable {
        let filter: RowSet?
        let sort: DuplicateSort
        let descending: Bool
        let selection: RowSet?
    }

    /// The list's lines for an order, kept so that keys elsewhere do not sort every cluster again.
    private var order: (key: OrderKey, lines: [DuplicateListLine])?

    /// A pane sorted by `sortKey`, in its usual direction unless `descending` says otherwise.
    public init(sortKey: DuplicateSort = .size, descending: Bool? = nil) {
        self.sortKey = sortKey
        self.descending = descending ?? sortKey.startsDescending
    }

    /// A pane sorted as a view file's settings say (`sortColumn` "size", "similarity", "selected"
    /// or "kind", and `descending`); by size when they name no sort.
    public init(settings: PaneSettings) {
        self.init(sortKey: settings.sortColumn.flatMap(DuplicateSort.init(rawValue:)) ?? .size, descending: settings.descending)
    }

    /// The cluster under the cursor, by its index in the report.
    public var cursor: Int { cursorCluster ?? 0 }

    /// Esc in the pair viewer goes back to the list.
    public mutating func closeInnerView() -> Bool {
        guard pair != nil else { return false }
        pair = nil
        return true
    }

    public var savedSettings: PaneSettings { PaneSettings(sortColumn: sortKey.rawValue, descending: descending) }

    public var keyScopes: [KeyScope] { pair == nil ? [.pane(.duplicates)] : [.pairViewer, .pane(.duplicates)] }

    /// Asks for the search over the current filter (stopping an old one) and, once it has
    /// ended, takes its report (or `failure` saying why there is none); returns the work to
    /// start or stop.
    mutating func sync(_ context: PaneContext) -> [PaneCommand] {
        let state = context.state
        sampleNote = context.engine.map {
            "on sample \(NumberFormatting.grouped($0.sampleRows)) of \($0.tableRows.text)"
        }
        let commands = search.request(for: state.filter.rows, label: "duplicate search",
                                      work: { handle in try Self.search(state, handle) })
        let status = search.status
        stopped = status.isStopped
        failure = status.explanation(doing: "searching for duplicates", work: "the duplicate search")
        report = nil
        guard case .ready(let ready) = status else { return commands }
        if shownFilter != state.filter.rows {
            shownFilter = state.filter.rows
            list.set(0, count: 0)
            cursorCluster = nil
            pair = nil
            pairView = nil
        }
        report = ready
        arrange(ready, context)
        return commands
    }

    /// Searches the filtered rows for every kind of duplicate the roles allow, reporting
    /// progress to `handle` and stopping when it is cancelled.
    private static func search(_ state: ExplorerState, _ handle: JobHandle) throws -> DuplicateReport {
        var options = DuplicateOptions.allApplicable(roles: state.roles)
        options.rows = state.filter.isEmpty ? nil : state.filter.rows
        let work = WorkContext(progress: { handle.report($0.fraction, detail: $0.phase) }, cancellation: handle.cancellation)
        return try DuplicateSearch(dataset: state.dataset, roles: state.roles, options: options).run(work: work)
    }

    /// Puts the list's lines in the current order, with the list cursor back on its cluster.
    private mutating func arrange(_ report: DuplicateReport, _ context: PaneContext) {
        let selection = context.state.selection?.rows
        let key = OrderKey(filter: shownFilter, sort: sortKey, descending: descending,
                           selection: sortKey == .selected ? selection : nil)
        let lines: [DuplicateListLine]
        if let order, order.key == key {
            lines = order.lines
        } else {
            lines = DuplicateListOrder.lines(report, by: sortKey, descending: descending, selection: selection)
            order = (key, lines)
        }
        let line = cursorCluster.flatMap { lines.firstIndex(of: .cluster($0)) } ?? lines.firstIndex { $0.cluster != nil } ?? 0
        list.set(line, count: lines.count)
        cursorCluster = lines.isEmpty ? nil : lines[list.index].cluster
        self.lines = lines
    }

    /// Moves the list cursor off a heading (to the cluster above when it was moving up).
    private mutating func settle(_ lines: [DuplicateListLine], movingUp: Bool) {
        var line = list.index
        if lines[line].cluster == nil { line += movingUp && line > 0 ? -1 : 1 }
        list.set(line, count: lines.count)
        cursorCluster = lines[list.index].cluster
    }

    /// Lays the pane out for an interior of `width` × `height`: the clusters in view, or the
    /// pair viewer's lines and how far they scroll.
    mutating func layOut(width: Int, height: Int, context: PaneContext) {
        guard let report else { return }
        guard let pair, let index = cursorCluster else {
            list.fit(lines: height - 2, count: lines.count)
            return
        }
        let cluster = report.clusters[index]
        let a = cluster.rows[pair], b = cluster.rows[min(pair + 1, cluster.rows.count - 1)]
        if pairView.map({ $0.rows != (a, b) || $0.width != width }) ?? true {
            let state = context.state
            pairView = DuplicatePairView(dataset: state.dataset, rows: a, b, width: width, ellipsis: context.glyphs.ellipsis,
                                         similarity: DuplicatePairView.similarity(of: cluster, rows: a, b, dataset: state.dataset,
                                                                                  roles: state.roles))
        }
        guard let view = pairView else { return }
        pairVisible = max(1, height - 2)
        pairScrollLimit = max(0, view.lines.count - pairVisible)
        pairScroll = min(pairScroll, pairScrollLimit)
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        guard let report else {
            canvas.message(failure ?? "", style: theme[.muted])
            return
        }
        if let pair, let index = cursorCluster {
            renderPair(&canvas, report.clusters[index], first: pair, context: context)
        } else {
            renderList(&canvas, report, lines, context: context)
        }
    }

    private static let columns: [(title: String, width: Int, right: Bool, sort: DuplicateSort?)] = [
        ("kind", 16, false, .kind), ("sim", 5, true, .similarity), ("rows", 5, true, .size), ("sel", 5, true, .selected),
        ("splits", 18, false, nil), ("labels", 14, false, nil),
    ]

    private func renderList(_ canvas: inout Canvas, _ report: DuplicateReport, _ lines: [DuplicateListLine], context: PaneContext) {
        let width = canvas.size.width
        let theme = context.theme
        let summary = report.summary
        let count = NumberFormatting.grouped
        var header = "exact \(count(summary.exactClusters)) (+\(count(summary.exactExtraRows)) rows)"
        if report.kinds.contains(.conflict) { header += " · conflicts \(count(summary.conflictClusters))" }
        if report.kinds.contains(.leak) { header += " · leaks \(count(summary.leakClusters))" }
        if report.kinds.contains(.nearText) { header += " · near text \(count(summary.nearTextClusters))" }
        if report.kinds.contains(.nearVector) { header += " · near vectors \(count(summary.nearVectorClusters))" }
        canvas.fittedText(header, x: 0, y: 0, style: theme[.muted])
        let widths = Self.columnWidths(paneWidth: width)
        var x = 1
        for (column, columnWidth) in zip(Self.columns, widths) {
            let arrow = column.sort == sortKey ? (descending ? "↓" : "↑") : ""
            canvas.cell(column.title + arrow, x: x, y: 1, width: columnWidth, right: column.right, style: theme[.header])
            x += columnWidth + 1
        }
        canvas.fittedText("row numbers", x: x, y: 1, style: theme[.header])
        let selection = context.state.selection?.rows
        for (offset, line) in lines.dropFirst(list.scroll).prefix(list.visible).enumerated() {
            let y = offset + 2
            switch line {
            case .heading(let kind, let clusters):
                canvas.fittedText("\(Self.heading(kind)) · \(NumberFormatting.grouped(clusters)) cluster\(clusters == 1 ? "" : "s")",
                                  x: 0, y: y, style: theme[.title])
            case .cluster(let index):
                let cluster = report.clusters[index]
                let isCursor = index == cursorCluster && context.focused
                let style = isCursor ? theme[.cursor] : theme[.text]
                if isCursor { canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: style) }
                let selected = selection.map { set in cluster.rows.count(where: set.contains) } ?? 0
                let cells = [Self.kindCell(cluster), cluster.similarity.map(Self.similarityText) ?? "",
                             NumberFormatting.grouped(cluster.size), NumberFormatting.grouped(selected),
                             Self.tally(cluster.splits), Self.tally(cluster.labels)]
                var x = 1
                for (offset, (cell, column)) in zip(cells, Self.columns).enumerated() {
                    let cellStyle = offset == 3 && selected > 0 && !isCursor ? theme[.selected] : style
                    canvas.cell(cell, x: x, y: y, width: widths[offset], right: column.right, style: cellStyle)
                    x += widths[offset] + 1
                }
                canvas.text(RowNumberList.text(cluster.rows, width: width - x, ellipsis: TextFit.ellipsis),
                            x: x, y: y, style: style, maxWidth: width - x)
            }
        }
        if lines.isEmpty { canvas.fittedText("no duplicates among the filtered rows", x: 1, y: 2, style: theme[.muted]) }
    }

    /// The columns' widths in a pane `paneWidth` wide: room beyond what the fixed columns and
    /// a few row numbers need goes to the splits and labels (up to 40 cells each).
    private static func columnWidths(paneWidth: Int) -> [Int] {
        var widths = columns.map(\.width)
        let spare = max(0, paneWidth - widths.reduce(0) { $0 + $1 + 1 } - 30)
        widths[4] += min(22, spare * 3 / 5)
        widths[5] += min(26, spare - spare * 3 / 5)
        return widths
    }

    /// A similarity with three decimals, as the command line shows it.
    static func similarityText(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// The heading of a kind's clusters.
    static func heading(_ kind: DuplicateKind) -> String {
        switch kind {
        case .exact: "exact duplicates"
        case .conflict: "label conflicts"
        case .leak: "leaks across splits"
        case .nearText: "near-duplicate texts"
        case .nearVector: "near-duplicate vectors"
        }
    }

    /// The kind column of a cluster: its kind, and for a leak the kind of cluster that leaks.
    static func kindCell(_ cluster: DuplicateCluster) -> String {
        let name = { (kind: DuplicateKind) in kind.rawValue.replacingOccurrences(of: "_", with: " ") }
        guard cluster.kind == .leak, let basis = cluster.basis else { return name(cluster.kind) }
        return name(basis).replacingOccurrences(of: " ", with: "-") + " leak"
    }

    static func tally(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
    }

    private func renderPair(_ canvas: inout Canvas, _ cluster: DuplicateCluster, first: Int, context: PaneContext) {
        let height = canvas.size.height
        let a = cluster.rows[first], b = cluster.rows[min(first + 1, cluster.rows.count - 1)]
        guard let view = pairView, view.rows == (a, b) else { return }
        var header = "\(Self.kindCell(cluster)) cluster of \(cluster.size): rows \(a) and \(b) (members \(first + 1)–\(first + 2))"
        if pairScrollLimit > 0 {
            header += " · lines \(pairScroll + 1)–\(min(view.lines.count, pairScroll + pairVisible)) of \(view.lines.count)"
        }
        if view.isPartial { header += " · words marked among the first \(NumberFormatting.grouped(WordDiff.wordLimit)) that differ" }
        canvas.fittedText(header, x: 0, y: 0, style: context.theme[.muted])
        view.draw(into: &canvas, top: 1, height: height - 1, scroll: pairScroll, theme: context.theme)
    }

    /// Scrolls the pair viewer for a navigation input; false when `input` is not one.
    private mutating func scrollPair(_ input: PaneInput) -> Bool {
        switch input {
        case .up: pairScroll -= 1
        case .down: pairScroll += 1
        case .pageUp: pairScroll -= pairVisible
        case .pageDown: pairScroll += pairVisible
        case .home: pairScroll = 0
        case .end: pairScroll = pairScrollLimit
        case .scrollUp: pairScroll -= 3
        case .scrollDown: pairScroll += 3
        default: return false
        }
        pairScroll = min(max(0, pairScroll), pairScrollLimit)
        return true
    }

    var isStopped: Bool { report == nil && stopped }

    mutating func receive(_ ended: JobHandle) -> Bool { search.receive(ended) }

    mutating func retry() -> [PaneCommand] { search.retry() }

    mutating func otherWorkEnded(_ ended: JobHandle, context: PaneContext) -> [PaneCommand] {
        rowsLikeThis.receive(ended, state: context.state) ?? []
    }

    mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        guard let report else { return [] }
        switch input {
        case .action(.sort):
            sortKey = DuplicateSort.allCases[((DuplicateSort.allCases.firstIndex(of: sortKey) ?? 0) + 1) % DuplicateSort.allCases.count]
            descending = sortKey.startsDescending
            return [.message("clusters sorted by \(sortKey.rawValue) \(descending ? "descending" : "ascending")")]
        case .action(.reverse):
            descending.toggle()
            return [.message("clusters sorted by \(sortKey.rawValue) \(descending ? "descending" : "ascending")")]
        default: break
        }
        guard let index = cursorCluster else {
            return input == .action(.filterToKind) ? [.message("no duplicate clusters among the filtered rows")] : []
        }
        let cluster = report.clusters[index]
        if pair != nil, scrollPair(input) { return [] }
        let before = list.index
        if pair == nil, list.move(input, count: lines.count) {
            settle(lines, movingUp: list.index < before)
            return []
        }
        switch (input, pair) {
        case (.mousePress(_, let y), nil):
            list.click(line: y - 2, count: lines.count)
            settle(lines, movingUp: false)
        case (.enter, nil):
            pair = 0
            pairScroll = 0
        case (.enter, _): pair = nil
        case (.left, .some(let first)):
            pair = max(0, first - 1)
            pairScroll = 0
        case (.right, .some(let first)):
            pair = min(max(0, cluster.size - 2), first + 1)
            pairScroll = 0
        case (.space, _):
            return [.dispatch(.select(cluster.rowSet(rowCount: report.rowCount),
                                      .duplicateCluster(kind: cluster.kind.rawValue, index: index)))]
        case (.action(.rowsLikeThis), let first):
            return rowsLikeThis.start(row: cluster.rows[min(first ?? 0, cluster.rows.count - 1)], state: context.state)
        case (.action(.nextNeighborCount), _):
            return RowsLikeThis.nextCount(context.state)
        case (.action(.filterToKind), _):
            // Every cluster of the kind: index -1 stands for all of them.
            let rows = RowSet(rowCount: report.rowCount, rows: report.clusters(of: cluster.kind).flatMap(\.rows))
            return [.dispatch(.select(rows, .duplicateCluster(kind: cluster.kind.rawValue, index: -1))), .dispatch(.filterToSelection)]
        default: break
        }
        return []
    }
}
