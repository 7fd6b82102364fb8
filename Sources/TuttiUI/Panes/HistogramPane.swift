import Foundation
import TuttiCore
import TuttiTerminal

/// A histogram of one column: numbers as vertical bars in eighth blocks, categories as
/// horizontal bars. Every bar shows the filtered count, its selected part in a second tone
/// and glyph. Brush bins with Shift+arrows or a mouse drag; every other pane follows live.
/// Numbers are cut into even bins, at quantiles or on a log x scale (`b`); counts can be drawn
/// on a log y scale (`L`). `e` draws a model metric per bin over the bars (the error rate, or what
/// `E` picks) as a line of markers on a scale of its own at the right; on the score's histogram
/// the share of positive labels against the diagonal, the reliability curve, with the ECE in the
/// title.
public struct HistogramPane: Pane {
    public let kind = PaneKind.histogram
    /// The column shown.
    public let column: String
    /// Requested bins (nil: fit the pane's width).
    public private(set) var requestedBins: Int?
    /// How numbers are cut into bins.
    public private(set) var mode: BinMode
    /// Whether bar heights are on a log scale of the counts (log y).
    public private(set) var logScale = false
    /// The bin under the cursor.
    public private(set) var cursor = 0
    /// The metric drawn per bin over the bars (`e`, `E`); nil: none.
    public private(set) var overlayMetric: SliceMetric?
    /// The overlay's values for the filter, the bins and the metric, as the last layout left them.
    private var overlay: HistogramOverlayCache?
    /// The metric `e` last turned off, which it turns on again.
    private var turnedOff: SliceMetric?
    /// Whether a mouse drag brushes this pane (the brush itself is the workspace's).
    private var dragging = false
    private var binning: ColumnBinning?
    private var binningTarget = 0
    private var binningMode = BinMode.even
    /// The score threshold the bins were made at (a histogram of the predictions follows it).
    private var binningThreshold: ScoreThreshold?
    private var counts: HistogramCounts?
    private var countsKey: (filter: RowSet, selection: RowSet?)?
    /// On a sample of a table in a SQL engine: the engine's counts, as the last layout left them.
    private var exact: EngineHistogram?
    /// On a sample of a table in a SQL engine: which numbers the bars are, for the title.
    private var engineNote: String?
    private var scroll = 0
    private var lastSize = (width: 0, height: 0)
    private var failure: String?

    public init(column: String, bins: Int? = nil, mode: BinMode = .even, logScale: Bool = false, overlay: SliceMetric? = nil) {
        self.column = column
        requestedBins = bins
        self.mode = mode
        self.logScale = logScale
        overlayMetric = overlay
    }

    public var title: String {
        let scales = [mode == .quantile ? "quantile bins" : mode == .log ? "log x" : nil, logScale ? "log y" : nil].compactMap { $0 }
        let ece = overlayMetric == nil ? nil : overlay?.values?.expectedCalibrationError
        return "Histogram: \(column)" + (scales.isEmpty ? "" : " (" + scales.joined(separator: ", ") + ")")
            + (ece.map { " · ECE \(NumberFormatting.fixed($0))" } ?? "")
            + (overlayMetric != nil && overlay?.isFresh == false ? " · updating…" : "")
            + (engineNote.map { " · " + $0 } ?? "")
    }

    public mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        switch message {
        case .input(let input): return handle(input, context: context)
        case .layout(let width, let height): return layOut(width: width, height: height, context: context)
        case .jobEnded(let handle):
            _ = overlay?.receive(handle)
            return []
        case .find, .goToRow: return []
        }
    }

    public var savedSettings: PaneSettings {
        PaneSettings(column: column, bins: requestedBins, logScale: logScale ? true : nil, binMode: mode == .even ? nil : mode,
                     overlay: overlayMetric?.rawValue)
    }

    public func label(for action: PaneAction) -> String? {
        switch action {
        case .cycleBinMode: Self.modeNames[mode.next]
        case .toggleLogScale: logScale ? "linear y" : "log y"
        case .toggleOverlay: overlayMetric == nil ? nil : "overlay off"
        default: nil
        }
    }

    /// What the `b` key's hint calls each mode.
    private static let modeNames: [BinMode: String] = [.even: "even bins", .quantile: "quantile bins", .log: "log x"]

    /// The current binning (after at least one layout).
    public var currentBinning: ColumnBinning? { binning }

    public var brushBinning: ColumnBinning? { binning }

    private var isCategorical: Bool {
        if case .values = binning?.scheme { return true }
        return false
    }

    // MARK: Data

    private mutating func ensureBinning(_ context: PaneContext, width: Int, height: Int) {
        let categorical = context.state.dataset.column(named: column).map { $0.kind == .categorical || $0.kind == .boolean } ?? false
        let scaleWidth = overlayMetric == nil ? 0 : HistogramOverlayCache.scaleAllowance
        let fit = categorical ? max(2, height - 2) : max(2, min(60, (width - 8 - scaleWidth) / 2))
        let target = requestedBins ?? fit
        guard binning == nil || target != binningTarget || mode != binningMode || thresholdMovedColumn(context.state) else {
            return
        }
        if target == binningTarget, mode == binningMode, followStep(context.state) { return }
        do {
            binning = try ColumnBinning(dataset: context.state.dataset, column: column, bins: target, mode: mode)
            binningTarget = target
            binningMode = mode
            binningThreshold = context.state.threshold
            failure = nil
            countsKey = nil
            cursor = min(cursor, max(0, (binning?.binCount ?? 1) - 1))
        } catch {
            failure = "\(error)"
        }
    }

    /// Whether the score threshold re-derived this column since the bins were made: only the
    /// prediction column changes when the threshold moves, so other columns keep their bins.
    private func thresholdMovedColumn(_ state: ExplorerState) -> Bool {
        binningThreshold != state.threshold && [binningThreshold?.prediction, state.threshold?.prediction].contains(column)
    }

    /// Follows a threshold step on a histogram of the predictions by moving only the rows it
    /// flipped: the bins recoded and, when the filter and selection are those counted, the counts
    /// updated from those rows. False when the column must be binned again.
    private mutating func followStep(_ state: ExplorerState) -> Bool {
        guard let binning, let old = binningThreshold, let new = state.threshold, let flips = new.flips(since: old),
              let recoded = new.predictionBinning(updating: binning, since: old) else { return false }
        self.binning = recoded
        binningThreshold = new
        if let counts, let key = countsKey, key.filter == state.filter.rows, key.selection == state.selection?.rows {
            self.counts = counts.recounted(flips.rows, from: binning, to: recoded, filter: key.filter, selection: key.selection)
        } else {
            countsKey = nil
        }
        return true
    }

    /// Counts the bins over the filter and selection, unless they are counted already.
    private mutating func updateCounts(_ context: PaneContext) {
        guard let binning else { return }
        let filter = context.state.filter.rows
        let selection = context.state.selection?.rows
        if let key = countsKey, key.filter == filter, key.selection == selection, counts != nil { return }
        counts = HistogramCounts(binning, filter: filter, selection: selection)
        countsKey = (filter, selection)
    }

    /// Lays the pane out for an interior of `width` × `height`: the bins that fit, their counts,
    /// and the categories in view; returns the work that computes the metric per bin, when it
    /// is on and not computed for the current state.
    mutating func layOut(width: Int, height: Int, context: PaneContext) -> [PaneCommand] {
        lastSize = (width, height)
        ensureBinning(context, width: width, height: height)
        guard failure == nil, let binning else { return [] }
        updateCounts(context)
        takeEngineCounts(context.engine, binning: binning, pane: context.id)
        var commands: [PaneCommand] = []
        if let overlayMetric {
            var cache = overlay ?? HistogramOverlayCache()
            commands = cache.update(context.state, binning: binning, metric: overlayMetric)
            overlay = cache
        }
        let rows = height - 2
        guard isCategorical, height >= 3, rows >= 1 else { return commands }
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + rows { scroll = cursor - rows + 1 }
        return commands
    }

    /// Keeps the engine's counts of the whole table, when the explorer shows a sample of one, and
    /// says in the title whose numbers the bars are: the table's once the engine answered (the
    /// sample's until then).
    private mutating func takeEngineCounts(_ engine: EngineFigures?, binning: ColumnBinning, pane: PaneID) {
        guard let engine else {
            exact = nil
            engineNote = nil
            return
        }
        let histogram = engine.histograms?.histogram(pane: pane, binning: binning)
        exact = histogram?.filtered?.count == counts?.filtered.count ? histogram : nil
        let updating = histogram?.updating == true
        engineNote = exact != nil ? "table of \(engine.tableRows.text)" + (updating ? " · updating…" : "")
            : "sample \(NumberFormatting.grouped(engine.sampleRows))" + (updating ? " · …" : "")
    }

    /// The counts the bars draw: the engine's over the whole table when it gave them, else the
    /// sample's.
    private var shownCounts: HistogramCounts? {
        guard var shown = counts, let exact, let filtered = exact.filtered else { return counts }
        shown.filtered = filtered
        shown.selected = exact.selected ?? [Int](repeating: 0, count: filtered.count)
        return shown
    }

    /// Selected counts per bin: from the live brush when one runs, else the committed selection.
    /// A brush on another histogram reads the engine's Falcon table for this one when the bars
    /// are the engine's.
    private func selectedCounts(_ context: PaneContext, _ counts: HistogramCounts) -> [Int] {
        guard let brush = context.brush else { return counts.selected }
        if brush.source == context.id, let range = brush.bins?.range {
            return counts.filtered.indices.map { range.contains($0) && $0 < counts.filtered.count - 1 ? counts.filtered[$0] : 0 }
        }
        if let exact { return exact.selected ?? [Int](repeating: 0, count: counts.filtered.count) }
        return brush.selectedCounts(forPane: context.id) ?? counts.selected
    }

    // MARK: Rendering

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let height = canvas.size.height
        let theme = context.theme
        if let failure {
            canvas.fittedText(failure, x: 0, y: 0, style: theme[.error])
            return
        }
        guard let binning, let counts = shownCounts, height >= 3 else { return }
        let selected = selectedCounts(context, counts)
        let filteredTotal = counts.filtered.dropLast().reduce(0, +)
        let selectedTotal = selected.dropLast().reduce(0, +)
        var header = "\(NumberFormatting.grouped(filteredTotal)) rows"
        if selectedTotal > 0 || context.state.selection != nil || context.brush != nil {
            header += " · \(NumberFormatting.grouped(selectedTotal)) selected"
        }
        if let missing = counts.filtered.last, missing > 0 { header += " · \(NumberFormatting.grouped(missing)) missing" }
        let drawer = overlayDrawer(context)
        if let drawer { header += " · " + drawer.legend(withScale: isCategorical) }
        canvas.fittedText(header, x: 0, y: 0, style: theme[.muted])
        let bars = BarRenderer(glyphs: context.glyphs, barStyle: theme[.bar], selectedStyle: theme[.barSelected])
        let brushRange = context.brush.flatMap { $0.source == context.id ? $0.bins?.range : nil }
        if isCategorical {
            renderHorizontal(&canvas, binning, counts, selected, bars, brushRange, drawer, context)
        } else {
            renderVertical(&canvas, binning, counts, selected, bars, brushRange, drawer, context)
        }
        if overlayMetric != nil, drawer == nil, let failure = overlay?.failure {
            canvas.fittedText(failure, x: 0, y: 1, style: theme[.error])
        }
    }

    /// The drawer of the metric per bin, when it is on and computed.
    private func overlayDrawer(_ context: PaneContext) -> HistogramOverlayDrawer? {
        guard overlayMetric != nil, let values = overlay?.values else { return nil }
        return HistogramOverlayDrawer(overlay: values, glyphs: context.glyphs, theme: context.theme)
    }

    private func scaled(_ value: Int, _ maximum: Int) -> Double {
        guard maximum > 0, value > 0 else { return 0 }
        if logScale { return log1p(Double(value)) / log1p(Double(maximum)) }
        return Double(value) / Double(maximum)
    }

    private func renderVertical(_ canvas: inout Canvas, _ binning: ColumnBinning, _ counts: HistogramCounts,
                                _ selected: [Int], _ bars: BarRenderer, _ brushRange: ClosedRange<Int>?,
                                _ drawer: HistogramOverlayDrawer?, _ context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        let maximum = counts.filtered.dropLast().max() ?? 0
        let axisWidth = max(DisplayWidth.of(NumberFormatting.grouped(maximum)), 1) + 1
        let chartHeight = height - 3
        let chartWidth = width - axisWidth - (drawer?.scaleWidth ?? 0)
        guard chartHeight >= 1, chartWidth >= binning.binCount else {
            canvas.fittedText("too narrow: \(binning.binCount) bins", x: 0, y: 1, style: theme[.muted])
            return
        }
        let barWidth = chartWidth / binning.binCount
        canvas.fittedText(NumberFormatting.grouped(maximum), x: 0, y: 1, style: theme[.muted], maxWidth: axisWidth - 1)
        canvas.text("0", x: axisWidth - 2, y: chartHeight, style: theme[.muted])
        for bin in 0..<binning.binCount {
            let x0 = axisWidth + bin * barWidth
            let drawWidth = barWidth >= 3 ? barWidth - 1 : barWidth
            if let brushRange, brushRange.contains(bin) {
                canvas.restyle(Rect(x: x0, y: 1, width: barWidth, height: chartHeight)) { $0.background = theme[.brush].background; $0.attributes.formUnion(theme[.brush].attributes) }
            }
            for dx in 0..<drawWidth {
                canvas.within(Rect(x: x0 + dx, y: 1, width: 1, height: chartHeight)) { column in
                    bars.vertical(&column, x: 0, height: chartHeight, value: scaled(counts.filtered[bin], maximum),
                                  selected: counts.filtered[bin] > 0
                                      ? scaled(counts.filtered[bin], maximum) * Double(selected[bin]) / Double(counts.filtered[bin]) : 0)
                }
            }
            if bin == cursor, context.focused {
                canvas.set(x: x0, y: chartHeight + 1, context.glyphs.upMark, style: theme[.key])
            }
        }
        if let drawer {
            drawer.drawVertical(&canvas, chartHeight: chartHeight, x0: axisWidth, barWidth: barWidth,
                                drawWidth: barWidth >= 3 ? barWidth - 1 : barWidth, scaleX: axisWidth + binning.binCount * barWidth)
        }
        drawAxis(&canvas, binning, y: chartHeight + 1, axisWidth: axisWidth, barWidth: barWidth, context: context)
        let info = binInfo(binning, counts, selected, cursor) + (drawer?.binText(cursor) ?? "")
        canvas.fittedText(info, x: 0, y: chartHeight + 2, style: context.focused ? theme[.text] : theme[.muted])
    }

    /// The axis under the bars: the first bin's label under its start and the last bin's upper end
    /// under its end; with uneven bins (quantile, log x) also the lower edges between, where they fit
    /// without covering the cursor's mark.
    private func drawAxis(_ canvas: inout Canvas, _ binning: ColumnBinning, y: Int, axisWidth: Int, barWidth: Int,
                          context: PaneContext) {
        guard case .numeric(let edges, let integral) = binning.scheme, let first = binning.labels.first else { return }
        let style = context.theme[.muted]
        let count = binning.binCount
        canvas.fittedText(first, x: axisWidth, y: y, style: style)
        // Whole-number bins of one value each are labelled by their value; other bins by their edges.
        let unitBins = integral && edges[count] - edges[count - 1] == 1
        let last = unitBins ? NumberFormatting.shortest(edges[count - 1]) : NumberFormatting.compact(edges[count])
        let firstEnd = axisWidth + DisplayWidth.of(first) + 1
        let lastX = max(firstEnd, axisWidth + count * barWidth - DisplayWidth.of(last))
        if count > 1 || !unitBins { canvas.fittedText(last, x: lastX, y: y, style: style) }
        guard binning.mode != .even else { return }
        let cursorX = context.focused ? axisWidth + cursor * barWidth : -1
        var free = firstEnd
        for bin in 1..<max(count, 1) {
            let x = axisWidth + bin * barWidth
            let label = binning.labels[bin]
            let end = x + DisplayWidth.of(label)
            guard x >= free, end < lastX, !(x...end).contains(cursorX) else { continue }
            canvas.text(label, x: x, y: y, style: style)
            free = end + 1
        }
    }

    private func renderHorizontal(_ canvas: inout Canvas, _ binning: ColumnBinning, _ counts: HistogramCounts,
                                  _ selected: [Int], _ bars: BarRenderer, _ brushRange: ClosedRange<Int>?,
                                  _ drawer: HistogramOverlayDrawer?, _ context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        let rows = height - 2
        guard rows >= 1 else { return }
        let maximum = counts.filtered.dropLast().max() ?? 0
        let labelWidth = min(max(binning.labels.map { DisplayWidth.of($0) }.max() ?? 4, 4), max(6, width / 3))
        let countWidth = DisplayWidth.of(NumberFormatting.grouped(maximum)) + 2
        let barWidth = max(1, width - labelWidth - countWidth - 3)
        for line in 0..<rows {
            let bin = scroll + line
            guard bin < binning.binCount else { break }
            let y = line + 1
            let isCursor = bin == cursor && context.focused
            let labelStyle = isCursor ? theme[.cursor] : theme[.text]
            canvas.cell(binning.labels[bin], x: 1, y: y, width: labelWidth, style: labelStyle)
            if isCursor { canvas.set(x: 0, y: y, context.glyphs.cursorMark, style: theme[.key]) }
            let barX = labelWidth + 2
            if let brushRange, brushRange.contains(bin) {
                canvas.restyle(Rect(x: barX, y: y, width: barWidth, height: 1)) { $0.background = theme[.brush].background; $0.attributes.formUnion(theme[.brush].attributes) }
            }
            let value = scaled(counts.filtered[bin], maximum)
            bars.horizontal(&canvas, x: barX, y: y, width: barWidth, value: value,
                            selected: counts.filtered[bin] > 0 ? value * Double(selected[bin]) / Double(counts.filtered[bin]) : 0)
            canvas.fittedText(NumberFormatting.grouped(counts.filtered[bin]), x: barX + barWidth + 1, y: y, style: theme[.muted], maxWidth: countWidth)
            drawer?.drawHorizontal(&canvas, bin: bin, x: barX, y: y, width: barWidth)
        }
        canvas.fittedText(binInfo(binning, counts, selected, cursor) + (drawer?.binText(cursor) ?? ""), x: 0, y: height - 1,
                          style: context.focused ? theme[.text] : theme[.muted])
    }

    private func binInfo(_ binning: ColumnBinning, _ counts: HistogramCounts, _ selected: [Int], _ bin: Int) -> String {
        guard bin < binning.binCount else { return "" }
        let label: String
        switch binning.range(of: bin...bin) {
        case .numeric(let lower, let upper, let includesUpper):
            if case .numeric(_, true) = binning.scheme, lower == upper {
                label = binning.valueText(lower)
            } else if case .numeric(_, true) = binning.scheme {
                label = "\(binning.valueText(lower))–\(binning.valueText(upper))"
            } else {
                label = "[\(NumberFormatting.compact(lower)), \(NumberFormatting.compact(upper))\(includesUpper ? "]" : ")")"
            }
        case .values:
            label = binning.labels[bin]
        }
        return "\(label): \(NumberFormatting.grouped(counts.filtered[bin])) rows, \(NumberFormatting.grouped(selected[bin])) selected"
    }

    // MARK: Input

    mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        guard let binning else { return [] }
        let last = binning.binCount - 1
        let (previous, next): (PaneInput, PaneInput) = isCategorical ? (.up, .down) : (.left, .right)
        switch input {
        case previous:
            cursor = max(0, cursor - 1)
        case next:
            cursor = min(last, cursor + 1)
        case .home:
            cursor = 0
        case .end:
            cursor = last
        case .extendLeft, .extendRight:
            let step = input == .extendLeft ? -1 : 1
            let anchor = cursor
            cursor = min(max(0, cursor + step), last)
            guard let brush = context.brush?.bins, context.brush?.source == context.id else {
                return [.beginBrush(binning, anchor: anchor, bins: ordered(anchor, cursor))]
            }
            return [.moveBrush(ordered(brush.anchor, cursor))]
        case .space:
            return [.beginBrush(binning, anchor: cursor, bins: cursor...cursor), .commitBrush]
        case .enter:
            guard context.brush != nil else { return [] }
            return [.commitBrush]
        case .action(.toggleLogScale):
            logScale.toggle()
        case .action(.cycleBinMode):
            return changeMode(context)
        case .action(.toggleOverlay):
            return toggleOverlay(context)
        case .action(.nextOverlayMetric):
            return nextOverlayMetric(context)
        case .action(.moreBins):
            requestedBins = min(min(requestedBins ?? binningTarget, ColumnBinning.maxBins) * 2, ColumnBinning.maxBins)
        case .action(.fewerBins):
            requestedBins = max((requestedBins ?? binningTarget) / 2, 1)
        case .mousePress(let x, let y):
            guard let bin = bin(atX: x, y: y) else { return [] }
            cursor = bin
            dragging = true
            return [.beginBrush(binning, anchor: bin, bins: bin...bin)]
        case .mouseDrag(let x, let y):
            guard dragging, let brush = context.brush?.bins, context.brush?.source == context.id,
                  let bin = bin(atX: x, y: y, clamp: true) else { return [] }
            cursor = bin
            return [.moveBrush(ordered(brush.anchor, bin))]
        case .mouseRelease:
            guard dragging else { return [] }
            dragging = false
            return [.commitBrush]
        default:
            return []
        }
        return []
    }

    private func ordered(_ a: Int, _ b: Int) -> ClosedRange<Int> { min(a, b)...max(a, b) }

    /// `e`: the metric per bin on (the one last shown, else the default for the column) or off.
    private mutating func toggleOverlay(_ context: PaneContext) -> [PaneCommand] {
        if overlayMetric != nil {
            turnedOff = overlayMetric
            overlayMetric = nil
            return [.message("overlay off")]
        }
        var cache = overlay ?? HistogramOverlayCache()
        defer { overlay = cache }
        guard let evaluator = cache.evaluator(for: context.state) else { return [.error(Self.noMetric(cache.evaluatorProblem))] }
        let state = context.state
        let shown = turnedOff.flatMap { BinMetricOverlay.metrics(evaluator).contains($0) ? $0 : nil }
        guard let metric = shown ?? BinMetricOverlay.defaultMetric(evaluator, column: column, roles: state.roles) else {
            return [.error(Self.noMetric(nil))]
        }
        overlayMetric = metric
        return [.message(describe(metric, evaluator, state))]
    }

    /// `E`: the next metric the roles allow, drawn per bin.
    private mutating func nextOverlayMetric(_ context: PaneContext) -> [PaneCommand] {
        var cache = overlay ?? HistogramOverlayCache()
        defer { overlay = cache }
        guard let evaluator = cache.evaluator(for: context.state) else { return [.error(Self.noMetric(cache.evaluatorProblem))] }
        let metrics = BinMetricOverlay.metrics(evaluator)
        guard !metrics.isEmpty else { return [.error(Self.noMetric(nil))] }
        let next: SliceMetric
        if let current = overlayMetric, let index = metrics.firstIndex(of: current) {
            next = metrics[(index + 1) % metrics.count]
        } else {
            next = BinMetricOverlay.defaultMetric(evaluator, column: column, roles: context.state.roles) ?? metrics[0]
        }
        overlayMetric = next
        return [.message(describe(next, evaluator, context.state))]
    }

    /// What the overlay now shows, for the status line.
    private func describe(_ metric: SliceMetric, _ evaluator: SliceEvaluator, _ state: ExplorerState) -> String {
        if metric == .baseRate, BinMetricOverlay.isScoreHistogram(evaluator, column: column, roles: state.roles) {
            return "reliability: the share of positive labels per score bin against the diagonal (E: next metric, e: off)"
        }
        return "\(metric.title) per bin, on the scale at the right (E: next metric, e: off)"
    }

    private static func noMetric(_ reason: String?) -> String {
        reason ?? "no metric to draw per bin: it needs label and prediction columns, or a loss (set them with --label, --prediction, --loss)"
    }

    /// `b`: the next bin mode, binned at once so the message can say what it did.
    private mutating func changeMode(_ context: PaneContext) -> [PaneCommand] {
        guard !isCategorical else { return [.message("'\(column)' holds categories: one bar per value, no bin modes")] }
        mode = mode.next
        ensureBinning(context, width: lastSize.width, height: lastSize.height)
        var commands: [PaneCommand] = context.brush?.source == context.id ? [.cancelBrush] : []
        switch (mode, binning?.mode) {
        case (.log, .even?):
            commands.append(.message("log x: '\(column)' has no value above 0; the bins stay even (b: next mode)"))
        case (.log, _):
            commands.append(.message("log x" + (binning?.nonPositiveBin != nil ? ": the first bin holds the values ≤ 0" : "")))
        case (.quantile, _):
            commands.append(.message("quantile bins: about the same number of rows in each (tied values share a bin)"))
        case (.even, _):
            commands.append(.message("even bins"))
        }
        return commands
    }

    /// The bin under interior coordinates (`x`, `y`).
    private func bin(atX x: Int, y: Int, clamp: Bool = false) -> Int? {
        guard let binning, binning.binCount > 0 else { return nil }
        if isCategorical {
            let bin = scroll + y - 1
            if clamp { return min(max(bin, 0), binning.binCount - 1) }
            return bin >= 0 && bin < binning.binCount && y >= 1 ? bin : nil
        }
        let maximum = shownCounts?.filtered.dropLast().max() ?? 0
        let axisWidth = max(DisplayWidth.of(NumberFormatting.grouped(maximum)), 1) + 1
        let scaleWidth = overlayMetric == nil ? 0 : overlay?.values.map(HistogramOverlayDrawer.scaleWidth) ?? 0
        let barWidth = max(1, (lastSize.width - axisWidth - scaleWidth) / binning.binCount)
        let bin = (x - axisWidth) / barWidth
        if clamp { return min(max(bin, 0), binning.binCount - 1) }
        return x >= axisWidth && bin < binning.binCount ? bin : nil
    }
}
