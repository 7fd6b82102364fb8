import TuttiCore
import TuttiTerminal

/// Duplicates among the filtered rows: exact clusters, label conflicts, leaks across splits
/// and near duplicates, with their sizes, splits and labels. Space selects a cluster's rows;
/// Enter opens the pair viewer: two members side by side, the differing cells marked.
public final class DuplicatesPane: Pane {
    public let kind = PaneKind.duplicates
    public let title = "Duplicates"
    private var list = ListCursor()
    /// In the pair viewer: the first member shown (the second is the next one).
    public private(set) var pair: Int?
    private var report: DuplicateReport?
    private var reportFilter: RowSet?
    private var failure: String?

    public init() {}

    /// The cluster under the cursor.
    public var cursor: Int { list.index }

    public var keyHints: [KeyHint] {
        pair == nil ? [KeyHint("↑↓", "cluster"), KeyHint("Space", "select"), KeyHint("Enter", "compare rows")]
                    : [KeyHint("←→", "members"), KeyHint("Space", "select"), KeyHint("Enter", "back")]
    }

    private func current(_ context: PaneContext) -> DuplicateReport? {
        let state = context.state
        if report != nil, reportFilter == state.filter.rows { return report }
        reportFilter = state.filter.rows
        do {
            var options = DuplicateOptions.allApplicable(roles: state.roles)
            options.rows = state.filter.isEmpty ? nil : state.filter.rows
            report = try DuplicateSearch(dataset: state.dataset, roles: state.roles, options: options).run()
            failure = nil
        } catch {
            report = nil
            failure = "\(error)"
        }
        list.set(0, count: 0)
        pair = nil
        return report
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        guard let report = current(context) else {
            canvas.message(failure ?? "", style: theme[.muted])
            return
        }
        if let pair, cursor < report.clusters.count {
            renderPair(&canvas, report.clusters[cursor], first: pair, context: context)
            return
        }
        let summary = report.summary
        var header = "exact \(summary.exactClusters) (+\(NumberFormatting.grouped(summary.exactExtraRows)) rows)"
        if report.kinds.contains(.conflict) { header += " · conflicts \(summary.conflictClusters)" }
        if report.kinds.contains(.leak) { header += " · leaks \(summary.leakClusters)" }
        if report.kinds.contains(.nearText) { header += " · near text \(summary.nearTextClusters)" }
        if report.kinds.contains(.nearVector) { header += " · near vectors \(summary.nearVectorClusters)" }
        canvas.text(header, x: 0, y: 0, style: theme[.muted], maxWidth: width)
        let titles = [("kind", 12, false), ("rows", 5, true), ("sel", 4, true), ("splits", 18, false), ("labels", 14, false)]
        var x = 1
        for (name, columnWidth, right) in titles {
            canvas.text(TextFitting.pad(name, columnWidth, right: right), x: x, y: 1, style: theme[.header])
            x += columnWidth + 1
        }
        canvas.text("row numbers", x: x, y: 1, style: theme[.header])
        list.fit(lines: height - 2, count: report.clusters.count)
        let selection = context.state.selection?.rows
        for line in 0..<list.visible {
            let index = list.scroll + line
            guard index < report.clusters.count else { break }
            let cluster = report.clusters[index]
            let y = line + 2
            let isCursor = index == cursor && context.focused
            let style = isCursor ? theme[.cursor] : theme[.text]
            if isCursor { canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: style) }
            let selected = selection.map { set in cluster.rows.filter { set.contains($0) }.count } ?? 0
            let kindName = cluster.kind.rawValue.replacingOccurrences(of: "_", with: " ")
                + (cluster.similarity.map { " " + NumberFormatting.compact($0, significant: 2) } ?? "")
            let cells = [kindName, String(cluster.size), String(selected), Self.tally(cluster.splits), Self.tally(cluster.labels)]
            var x = 1
            for (offset, (cell, (_, columnWidth, right))) in zip(cells, titles).enumerated() {
                let cellStyle = offset == 2 && selected > 0 && !isCursor ? theme[.selected] : style
                canvas.text(TextFitting.pad(cell, columnWidth, right: right, ellipsis: context.glyphs.ellipsis), x: x, y: y, style: cellStyle)
                x += columnWidth + 1
            }
            canvas.text(cluster.rows.prefix(12).map(String.init).joined(separator: " "), x: x, y: y, style: style, maxWidth: width - x)
        }
        if report.clusters.isEmpty { canvas.text("no duplicates among the filtered rows", x: 1, y: 2, style: theme[.muted]) }
    }

    static func tally(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
    }

    private func renderPair(_ canvas: inout Canvas, _ cluster: DuplicateCluster, first: Int, context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        let dataset = context.state.dataset
        let a = cluster.rows[first], b = cluster.rows[min(first + 1, cluster.rows.count - 1)]
        canvas.text("\(cluster.kind.rawValue) cluster of \(cluster.size): rows \(a) and \(b) (members \(first + 1)–\(first + 2))",
                    x: 0, y: 0, style: theme[.muted], maxWidth: width)
        let nameWidth = min(max(dataset.columns.map { DisplayWidth.of($0.name) }.max() ?? 4, 4), max(8, width / 4))
        let valueWidth = max(4, (width - nameWidth - 4) / 2)
        canvas.text(TextFitting.pad("row \(a)", valueWidth), x: nameWidth + 3, y: 1, style: theme[.header])
        canvas.text(TextFitting.pad("row \(b)", valueWidth), x: nameWidth + 4 + valueWidth, y: 1, style: theme[.header])
        // Differing cells first: they are what the viewer is for.
        let shown = dataset.columns.map { column in
            (column, column.isPresent(a) ? column.text(at: a) : "(missing)", column.isPresent(b) ? column.text(at: b) : "(missing)")
        }.enumerated().sorted { ($0.element.1 == $0.element.2 ? 1 : 0, $0.offset) < ($1.element.1 == $1.element.2 ? 1 : 0, $1.offset) }
            .map(\.element)
        for (line, (column, left, right)) in shown.enumerated() where line + 2 < height {
            let differs = left != right
            let y = line + 2
            canvas.text(TextFitting.pad(column.name, nameWidth, ellipsis: context.glyphs.ellipsis), x: 0, y: y, style: theme[.header])
            if differs { canvas.set(x: nameWidth + 1, y: y, "≠", style: theme[.error]) }
            let style = differs ? theme[.error] : theme[.text]
            canvas.text(TextFitting.pad(left.replacingNewlines(), valueWidth, ellipsis: context.glyphs.ellipsis), x: nameWidth + 3, y: y, style: style)
            canvas.text(TextFitting.pad(right.replacingNewlines(), valueWidth, ellipsis: context.glyphs.ellipsis), x: nameWidth + 4 + valueWidth,
                        y: y, style: style)
        }
    }

    public func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        guard let report = current(context), cursor < report.clusters.count else { return [] }
        let cluster = report.clusters[cursor]
        let lastMember = max(0, cluster.size - 2)
        if pair == nil, list.move(input, count: report.clusters.count) { return [] }
        switch (input, pair) {
        case (.enter, nil): pair = 0
        case (.enter, _): pair = nil
        case (.left, .some(let first)): pair = max(0, first - 1)
        case (.right, .some(let first)): pair = min(lastMember, first + 1)
        case (.space, _):
            return [.dispatch(.select(cluster.rowSet(rowCount: report.rowCount),
                                      .duplicateCluster(kind: cluster.kind.rawValue, index: cursor)))]
        default: break
        }
        return []
    }
}
