import TuttiCore
import TuttiTerminal

/// Symphony's Familiarity: how typical each filtered row is among the filtered rows — the mean
/// similarity to its k nearest neighbours in the vector column, or in the standardised numeric
/// feature columns when there is none — computed in the background. A histogram of the scores
/// sits on top (←→ a bin, Shift+←→ or a mouse drag brushes a score range live across panes,
/// Enter selects it); below, the rows from least to most familiar (↑↓), in a section per value
/// of the group column (the pane's own, `b`, or the first shared one). The row under the cursor
/// is the focused row; Space toggles it into the selection; `n` selects it and the rows most like
/// it; `K` changes k.
public struct FamiliarityPane: Pane {
    public let kind = PaneKind.familiarity
    /// The column the pane groups by (`b`); nil groups by the first shared group column, if any.
    public private(set) var groupColumn: String?
    /// The histogram bin under the cursor.
    public private(set) var binCursor = 0
    private var list = ListCursor()
    private var scores = BackgroundValue<ScoresKey, FamiliarityScores>()
    private var compared: NeighborColumns?
    private var current: FamiliarityScores?
    private var binning: (key: BinningKey, value: ColumnBinning)?
    private var counts: (key: CountsKey, value: HistogramCounts)?
    private var listing: (key: ListingKey, value: FamiliarityListing)?
    /// The texts of the rows in view, by row.
    private var rowTexts: [Int: String] = [:]
    private var frame = ChartFrame(chartHeight: 0, axisWidth: 0, barWidth: 1, listTop: 0, listLines: 0)
    private var notice: String?
    private var dragging = false
    private var rowsLikeThis = RowsLikeThis()
    /// The focused row as this pane last shared it.
    private var sharedRow: Int?

    /// What the scores are computed from.
    private struct ScoresKey: Equatable {
        let columns: [String]
        let k: Int
        let filter: RowSet
    }

    /// What the histogram's bins are made from: the scores (their table, by identity) and the bin
    /// count.
    private struct BinningKey: Equatable {
        let table: Dataset
        let bins: Int

        static func == (a: BinningKey, b: BinningKey) -> Bool { a.table === b.table && a.bins == b.bins }
    }

    /// What the bins are counted over.
    private struct CountsKey: Equatable {
        let binning: BinningKey
        let selection: RowSet?
    }

    /// What the list is made from.
    private struct ListingKey: Equatable {
        let binning: BinningKey
        let group: String?
    }

    /// Where things lie in the interior: the chart's height (bars), the count axis's width, each
    /// bin's width, and the list's first line and line count.
    private struct ChartFrame {
        let chartHeight: Int, axisWidth: Int, barWidth: Int, listTop: Int, listLines: Int
    }

    /// The most bins the histogram has.
    static let maxBins = 40

    /// A familiarity pane grouped by `groupColumn` (nil: the shared group columns).
    public init(groupColumn: String? = nil) {
        self.groupColumn = groupColumn
    }

    public var title: String {
        guard let current else { return "Familiarity" }
        return "Familiarity: k \(current.k)" + (compared.map { " · \($0.summary)" } ?? "")
    }

    public var savedSettings: PaneSettings { PaneSettings(column: groupColumn) }

    public var brushBinning: ColumnBinning? { binning?.value }

    /// The rows listed, least familiar first (within each group), and their group headings.
    var entries: [FamiliarityListing.Entry] { listing?.value.entries ?? [] }

    /// The row under the list's cursor.
    public var cursorRow: Int? { listing?.value.row(at: list.index) }

    /// The group column in force: the pane's own, else the first shared one.
    private func effectiveGroup(_ state: ExplorerState) -> String? { groupColumn ?? state.groupColumns.first }

    // MARK: Update

    public mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        switch message {
        case .input(let input):
            return handle(input, context: context)
        case .layout(let width, let height):
            return layOut(width: width, height: height, context: context)
        case .jobEnded(let handle):
            if scores.receive(handle) { return [] }
            return rowsLikeThis.receive(handle, state: context.state) ?? []
        case .find, .goToRow:
            return []
        }
    }

    /// Asks for the scores of the filtered rows (again when the filter, k or the columns change),
    /// then bins them for the width, counts the bins and lists the rows for the groups.
    private mutating func layOut(width: Int, height: Int, context: PaneContext) -> [PaneCommand] {
        let state = context.state
        guard let choice = NeighborColumns(state) else {
            notice = NeighborColumns.missing
            return []
        }
        compared = choice
        let columns = choice.columns(in: state.dataset)
        let key = ScoresKey(columns: choice.names, k: state.neighborCount, filter: state.filter.rows)
        let commands = scores.request(for: key, label: "familiarity") { handle in
            try FamiliarityScores(columns: columns, k: key.k, filter: key.filter, handle: handle)
        }
        switch scores.status {
        case .ready(let value):
            current = value
        case let status:
            current = nil
            notice = status.explanation(doing: "scoring familiarity (k \(key.k), \(choice.summary))", work: "familiarity")
            return commands
        }
        guard let current else { return commands }
        let chartHeight = min(8, max(2, (height - 4) / 3))
        guard height >= chartHeight + 5, width >= 16 else {
            notice = "too small for the familiarity pane"
            return commands
        }
        notice = nil
        let cancel = layOutChart(current, width: width, chartHeight: chartHeight, context: context)
        guard let (binningKey, binning) = binning else { return commands + cancel }
        let listingKey = ListingKey(binning: binningKey, group: effectiveGroup(state))
        if listing?.key != listingKey {
            do {
                let split = try listingKey.group.map { try GroupSplit(dataset: state.dataset, column: $0, filter: state.filter.rows) }
                listing = (listingKey, FamiliarityListing(current, split: split, binning: binning))
            } catch {
                listing = (ListingKey(binning: listingKey.binning, group: nil), FamiliarityListing(current, split: nil, binning: binning))
                groupColumn = nil
                return commands + [.error("cannot group by \(listingKey.group ?? ""): \(error)")]
            }
        }
        let listTop = chartHeight + 3
        frame = ChartFrame(chartHeight: chartHeight, axisWidth: frame.axisWidth, barWidth: frame.barWidth, listTop: listTop,
                           listLines: height - listTop)
        list.fit(lines: frame.listLines, count: entries.count)
        if listing?.value.row(at: list.index) == nil, list.index + 1 < entries.count { list.set(list.index + 1, count: entries.count) }
        list.fit(lines: frame.listLines, count: entries.count)
        rowTexts = [:]
        for index in list.scroll..<min(list.scroll + list.visible, entries.count) {
            if case .row(let row) = entries[index] { rowTexts[row] = Self.rowText(row, dataset: state.dataset, compared: choice) }
        }
        return commands + cancel + shareFocus()
    }

    /// Bins the scores for the width (when the width or the scores changed) and counts the bins;
    /// returns the cancelling of the pane's own brush when its bins changed under it.
    private mutating func layOutChart(_ scores: FamiliarityScores, width: Int, chartHeight: Int,
                                      context: PaneContext) -> [PaneCommand] {
        var cancel: [PaneCommand] = []
        let axisWidth = max(DisplayWidth.of(NumberFormatting.grouped(scores.order.count)), 1) + 1
        let bins = max(2, min(Self.maxBins, (width - axisWidth) / 2))
        let key = BinningKey(table: scores.table, bins: bins)
        if binning?.key != key {
            if context.brush?.source == context.id {
                dragging = false
                cancel = [.cancelBrush]
            }
            guard let made = try? ColumnBinning(dataset: scores.table, column: FamiliarityScores.columnName, bins: bins) else {
                binning = nil
                return cancel
            }
            binning = (key, made)
        }
        guard let binning = binning?.value else { return cancel }
        binCursor = min(binCursor, binning.binCount - 1)
        let countsKey = CountsKey(binning: key, selection: context.state.selection?.rows)
        if counts?.key != countsKey {
            counts = (countsKey, HistogramCounts(binning, filter: context.state.filter.rows, selection: countsKey.selection))
        }
        frame = ChartFrame(chartHeight: chartHeight, axisWidth: axisWidth, barWidth: max(1, (width - axisWidth) / binning.binCount),
                           listTop: 0, listLines: 0)
        return cancel
    }

    /// A row's values after its score: `name value` for each column but the compared vector.
    private static func rowText(_ row: Int, dataset: Dataset, compared: NeighborColumns) -> String {
        var parts: [String] = []
        for column in dataset.columns where !(compared.isVector && column.name == compared.names[0]) {
            guard column.kind != .vector else { continue }
            let value = column.isPresent(row) ? String(column.text(at: row).replacingNewlines().prefix(40)) : "·"
            parts.append("\(column.name) \(value)")
            if parts.count == 24 { break }
        }
        return parts.joined(separator: " · ")
    }

    // MARK: Input

    private mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        let state = context.state
        if case .cancelled = scores.status, input == .enter { return scores.retry() }
        if list.move(input, count: entries.count) {
            skipHeading(forward: input != .up && input != .pageUp && input != .home && input != .scrollUp)
            return shareFocus()
        }
        switch input {
        case .left: binCursor = max(0, binCursor - 1)
        case .right: binCursor = min(max(0, (binning?.value.binCount ?? 1) - 1), binCursor + 1)
        case .extendLeft, .extendRight:
            guard let binning = binning?.value else { return [] }
            let anchor = binCursor
            binCursor = min(max(0, binCursor + (input == .extendLeft ? -1 : 1)), binning.binCount - 1)
            guard let live = context.brush?.bins, context.brush?.source == context.id else {
                return [.beginBrush(binning, anchor: anchor, bins: min(anchor, binCursor)...max(anchor, binCursor))]
            }
            return [.moveBrush(min(live.anchor, binCursor)...max(live.anchor, binCursor))]
        case .enter:
            let range = context.brush?.source == context.id ? context.brush?.bins?.range : nil
            return select(bins: range ?? binCursor...binCursor, state: state)
        case .space:
            guard let row = cursorRow else { return [] }
            list.set(list.index + 1, count: entries.count)
            skipHeading(forward: true)
            return [.dispatch(.toggleRow(row))] + shareFocus()
        case .mousePress(let x, let y):
            return press(x: x, y: y)
        case .mouseDrag(let x, _):
            guard dragging, let live = context.brush?.bins, context.brush?.source == context.id, let bin = bin(atX: x, clamp: true)
            else { return [] }
            binCursor = bin
            return [.moveBrush(min(live.anchor, bin)...max(live.anchor, bin))]
        case .mouseRelease:
            guard dragging else { return [] }
            dragging = false
            guard let range = context.brush?.source == context.id ? context.brush?.bins?.range : nil else { return [] }
            return select(bins: range, state: state)
        case .action(.rowsLikeThis):
            return rowsLikeThis.start(row: cursorRow, state: state)
        case .action(.nextNeighborCount):
            return RowsLikeThis.nextCount(state)
        case .action(.nextGroupColumn):
            return nextGroup(state)
        default:
            break
        }
        return []
    }

    /// Moves the cursor off a group heading, onward (or back, at the ends).
    private mutating func skipHeading(forward: Bool) {
        guard listing?.value.row(at: list.index) == nil, !entries.isEmpty else { return }
        let step = forward ? 1 : -1
        if listing?.value.row(at: list.index + step) != nil {
            list.set(list.index + step, count: entries.count)
        } else if listing?.value.row(at: list.index - step) != nil {
            list.set(list.index - step, count: entries.count)
        }
    }

    /// Makes the cursor's row the shared focused row, when it moved since the pane last did.
    private mutating func shareFocus() -> [PaneCommand] {
        guard let row = cursorRow, row != sharedRow else { return [] }
        sharedRow = row
        return [.dispatch(.focusRow(row))]
    }

    /// A click: on the chart, starts a brush at the bin; on the list, moves the cursor.
    private mutating func press(x: Int, y: Int) -> [PaneCommand] {
        if y >= frame.listTop {
            list.click(line: y - frame.listTop, count: entries.count)
            skipHeading(forward: true)
            return shareFocus()
        }
        guard y >= 1, y <= frame.chartHeight + 1, let binning = binning?.value, let bin = bin(atX: x, clamp: false) else { return [] }
        binCursor = bin
        dragging = true
        return [.beginBrush(binning, anchor: bin, bins: bin...bin)]
    }

    /// The bin under interior column `x`, clamped to the bins when `clamp`.
    private func bin(atX x: Int, clamp: Bool) -> Int? {
        guard let count = binning?.value.binCount, count > 0 else { return nil }
        let bin = (x - frame.axisWidth) / max(1, frame.barWidth)
        if clamp { return min(max(bin, 0), count - 1) }
        return x >= frame.axisWidth && bin < count ? bin : nil
    }

    /// Selects the rows whose score lies in `bins` (the live brush, if any, is dropped).
    private func select(bins: ClosedRange<Int>, state: ExplorerState) -> [PaneCommand] {
        guard let binning = binning?.value else { return [] }
        let rows = binning.rows(in: bins, within: state.filter.rows)
        var description = FamiliarityScores.columnName
        if case .numeric(let lower, let upper, _) = binning.range(of: bins) {
            description += " \(NumberFormatting.fixed(lower, decimals: 3)) to \(NumberFormatting.fixed(upper, decimals: 3))"
        }
        return [.cancelBrush, .dispatch(.select(rows, .described(description))),
                .message("selected \(NumberFormatting.grouped(rows.count)) rows: \(description)")]
    }

    /// `b`: the next column to group by — each categorical or boolean column, then none (the
    /// shared group columns again).
    private mutating func nextGroup(_ state: ExplorerState) -> [PaneCommand] {
        let choices = state.dataset.columns.filter { $0.kind == .categorical || $0.kind == .boolean }.map(\.name)
        let all: [String?] = [nil] + choices
        groupColumn = all[((all.firstIndex(of: groupColumn) ?? 0) + 1) % all.count]
        list.set(0, count: 0)
        if let groupColumn { return [.message("grouped by \(groupColumn)")] }
        if let shared = state.groupColumns.first { return [.message("grouped by the shared group column \(shared)")] }
        return [.message("not grouped")]
    }

    // MARK: Rendering

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        if let notice {
            canvas.fittedText(notice, x: 0, y: 0, style: theme[.muted])
            return
        }
        guard let current, let binning = binning?.value, let counts = counts?.value, let listing = listing?.value else { return }
        let state = context.state
        var header = "\(NumberFormatting.grouped(current.order.count)) rows, least familiar first"
        let selectedCount = context.brush?.selectedCount ?? state.selectedCount
        if state.selection != nil || context.brush != nil { header += " · \(NumberFormatting.grouped(selectedCount)) selected" }
        let unscored = state.filteredCount - current.order.count
        if unscored > 0 { header += " · \(NumberFormatting.grouped(unscored)) without a score" }
        if let group = effectiveGroup(state) { header += " · by \(group)" }
        canvas.fittedText(header, x: 0, y: 0, style: theme[.muted])
        drawChart(&canvas, binning: binning, counts: counts, context: context)
        drawList(&canvas, listing, current: current, context: context)
    }

    /// Selected counts per bin: the live brush's when one runs, else the selection's.
    private func selectedCounts(_ counts: HistogramCounts, context: PaneContext) -> [Int] {
        guard let brush = context.brush else { return counts.selected }
        if brush.source == context.id, let range = brush.bins?.range {
            return counts.filtered.indices.map { range.contains($0) && $0 < counts.filtered.count - 1 ? counts.filtered[$0] : 0 }
        }
        return brush.selectedCounts(forPane: context.id) ?? counts.selected
    }

    private func drawChart(_ canvas: inout Canvas, binning: ColumnBinning, counts: HistogramCounts, context: PaneContext) {
        let theme = context.theme
        let height = frame.chartHeight
        let selected = selectedCounts(counts, context: context)
        let maximum = counts.filtered.dropLast().max() ?? 0
        canvas.fittedText(NumberFormatting.grouped(maximum), x: 0, y: 1, style: theme[.muted], maxWidth: frame.axisWidth - 1)
        canvas.text("0", x: frame.axisWidth - 2, y: height, style: theme[.muted])
        let bars = BarRenderer(glyphs: context.glyphs, barStyle: theme[.bar], selectedStyle: theme[.barSelected])
        let brushRange = context.brush.flatMap { $0.source == context.id ? $0.bins?.range : nil }
        for bin in 0..<binning.binCount {
            let x = frame.axisWidth + bin * frame.barWidth
            if let brushRange, brushRange.contains(bin) {
                canvas.restyle(Rect(x: x, y: 1, width: frame.barWidth, height: height)) {
                    $0.background = theme[.brush].background
                    $0.attributes.formUnion(theme[.brush].attributes)
                }
            }
            let count = counts.filtered[bin]
            let value = maximum > 0 ? Double(count) / Double(maximum) : 0
            let part = count > 0 ? value * Double(selected[bin]) / Double(count) : 0
            for dx in 0..<(frame.barWidth >= 3 ? frame.barWidth - 1 : frame.barWidth) {
                canvas.within(Rect(x: x + dx, y: 1, width: 1, height: height)) { column in
                    bars.vertical(&column, x: 0, height: height, value: value, selected: part)
                }
            }
        }
        let axisY = height + 1
        let markX = frame.axisWidth + binCursor * frame.barWidth
        if case .numeric(let edges, _) = binning.scheme, let low = edges.first, let high = edges.last {
            drawScoreAxis(&canvas, low: low, high: high, y: axisY, end: frame.axisWidth + binning.binCount * frame.barWidth,
                          markX: context.focused ? markX : nil, style: theme[.muted])
        }
        if context.focused { canvas.set(x: markX, y: axisY, context.glyphs.upMark, style: theme[.key]) }
        var info = ""
        if case .numeric(let lower, let upper, let includesUpper) = binning.range(of: binCursor...binCursor) {
            info = "familiarity \(NumberFormatting.fixed(lower, decimals: 3))–\(NumberFormatting.fixed(upper, decimals: 3))"
                + (includesUpper ? " (inclusive)" : "")
        }
        let inBin = counts.filtered[binCursor]
        info += ": \(NumberFormatting.grouped(inBin)) row\(inBin == 1 ? "" : "s")"
        if selected[binCursor] > 0 { info += ", \(NumberFormatting.grouped(selected[binCursor])) selected" }
        canvas.fittedText(info, x: 0, y: axisY + 1, style: context.focused ? theme[.text] : theme[.muted])
    }

    /// The lowest and highest score under the first and last bins (moved aside for the cursor's
    /// mark at `markX`).
    private func drawScoreAxis(_ canvas: inout Canvas, low: Double, high: Double, y: Int, end: Int, markX: Int?, style: CellStyle) {
        let left = NumberFormatting.fixed(low, decimals: 2), right = NumberFormatting.fixed(high, decimals: 2)
        let leftWidth = DisplayWidth.of(left), rightWidth = DisplayWidth.of(right)
        var leftX = frame.axisWidth, rightX = end - rightWidth
        if let markX, markX >= leftX, markX < leftX + leftWidth { leftX = markX + 1 }
        if let markX, markX >= rightX, markX < end { rightX = markX - rightWidth }
        canvas.fittedText(left, x: leftX, y: y, style: style)
        if rightX > leftX + leftWidth { canvas.fittedText(right, x: rightX, y: y, style: style) }
    }

    private func drawList(_ canvas: inout Canvas, _ listing: FamiliarityListing, current: FamiliarityScores, context: PaneContext) {
        let theme = context.theme
        let width = canvas.size.width
        let numberWidth = String(max(context.state.dataset.rowCount - 1, 0)).count
        let selection = context.state.selection?.rows
        for line in 0..<min(frame.listLines, max(0, listing.entries.count - list.scroll)) {
            let index = list.scroll + line, y = frame.listTop + line
            switch listing.entries[index] {
            case .heading(let section):
                let part = listing.sections[section]
                let text = "\(part.title) · \(NumberFormatting.grouped(part.count)) rows · median \(NumberFormatting.fixed(part.median, decimals: 3)) "
                let used = canvas.fittedText(text, x: 0, y: y, style: theme[.header].adding(.bold))
                let most = part.binCounts.max() ?? 0
                let levels = context.glyphs.sparkline
                for (bin, count) in part.binCounts.enumerated() where used + bin < width {
                    let level = most > 0 && count > 0 ? max(0, Int((Double(count) / Double(most) * Double(levels.count - 1)).rounded())) : -1
                    canvas.set(x: used + bin, y: y, level >= 0 ? levels[level] : " ", style: theme[.bar])
                }
            case .row(let row):
                let isCursor = index == list.index && context.focused
                let isSelected = context.brush?.contains(row) ?? selection?.contains(row) ?? false
                var style = isCursor ? theme[.cursor] : theme[.text]
                if isSelected && !isCursor { style = theme[.selected] }
                if isCursor { canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: style) }
                if isSelected { canvas.set(x: 0, y: y, context.glyphs.selectionMark, style: style) }
                var x = 2 + canvas.text(TextFitting.pad(String(row), numberWidth, right: true), x: 2, y: y,
                                        style: isCursor ? style : theme[.muted])
                x += 2 + canvas.text(NumberFormatting.fixed(current.scores[row]), x: x + 2, y: y, style: style)
                canvas.fittedText(rowTexts[row] ?? "", x: x + 2, y: y, style: isCursor ? style : theme[.muted])
            }
        }
        if listing.entries.isEmpty { canvas.fittedText("no row has a score", x: 2, y: frame.listTop, style: theme[.muted]) }
    }
}
