import TuttiCore
import TuttiTerminal

/// What the confusion pane shows of a regression (a numeric label with many values and a
/// numeric prediction) under its table of label bins × prediction bins on one shared scale:
/// the MAE, RMSE, R² and mean error of the filtered rows (and of the selection), and the
/// histogram of the residuals, prediction − label, on a range symmetric about 0 with the
/// selection's part in the selected tone. Counted in the background when the filter, the
/// selection or the number of bins changes; the last figures stay drawn until the new ones
/// arrive (`isFresh` false), so a frame never waits for them. On a sample of a table in a SQL
/// engine, the figures of the whole table (`updateExact`) replace the sample's once counted.
struct ConfusionRegression {
    let task: RegressionTask
    /// The figures of some filtered and selected rows.
    struct Figures: Sendable {
        let filtered: RegressionSums
        let selected: RegressionSums?
        let residuals: NumericHistogram
        let selectedResiduals: NumericHistogram?
    }
    /// What the figures are counted from.
    private struct Key: Equatable {
        let filter: RowSet
        let selection: RowSet?
        let bins: Int
    }
    private var work = RefreshingValue<Key, Figures>()
    /// What the engine's figures are counted from: the expressions of the filter and of filter
    /// and selection, and the sample's rows the residual bins are made on.
    private struct ExactKey: Equatable {
        let filter: String
        let selection: String?
        let sample: Key
    }
    private var exactWork = RefreshingValue<ExactKey, Figures>()

    /// The heading over the residual bars.
    static let residualHeading = "residuals (prediction − label)"

    init(task: RegressionTask) {
        self.task = task
    }

    /// The figures last counted (of the current rows when `isFresh`): the whole table's when the
    /// engine counted them for the current rows, else the sample's.
    var figures: Figures? { isExact ? exactWork.value : work.value }

    /// Whether `figures` are of the rows asked for last.
    var isFresh: Bool { isExact || work.isFresh }

    /// Whether `figures` are the engine's, of the whole table.
    var isExact: Bool { exactWork.isFresh }

    /// Whether the engine is counting the figures of the whole table.
    var isAskingExact: Bool { exactWork.isWorking }

    /// Asks for the metrics and residuals of `filter` and `selection` in about `bins` bins, unless
    /// they are counted or being counted; returns the work to start.
    mutating func update(filter: RowSet, selection: RowSet?, bins: Int) -> [PaneCommand] {
        let task = self.task
        return work.request(for: Key(filter: filter, selection: selection, bins: bins), label: "regression figures") { _ in
            let chosen = selection.map { $0.intersection(filter) }
            return Figures(filtered: task.sums(over: filter), selected: chosen.map { task.sums(over: $0) },
                           residuals: task.residualHistogram(over: filter, bins: bins),
                           selectedResiduals: chosen.map { task.residualHistogram(over: $0, bins: bins, scaleRows: filter) })
        }
    }

    /// On a sample of a table in a SQL engine: asks the engine for the figures of the whole
    /// table's rows under the filter (and selection) — the residuals in the bins the sample's
    /// filtered rows make, in about `bins` — of columns `label` and `prediction`, unless they are
    /// counted or being counted; returns the work to start. When the engine cannot count them
    /// (a filter or selection of picked rows), forgets the last and returns the work to stop,
    /// so the sample's figures show.
    mutating func updateExact(_ engine: EngineFigures, state: ExplorerState, label: String, prediction: String,
                              bins: Int) -> [PaneCommand] {
        let selection = state.selection == nil ? nil : engine.selectionFilter
        guard let query = engine.regressionFigures, let filter = engine.filter, state.selection == nil || selection != nil else {
            return exactWork.reset()
        }
        let rows = state.filter.rows, task = self.task
        // Sums of squares around the sample's mean label, or 0 when an infinite label made it
        // not a number (the engine leaves infinite labels out).
        let center = task.center.isFinite ? task.center : 0
        let key = ExactKey(filter: filter, selection: selection, sample: Key(filter: rows, selection: nil, bins: bins))
        return exactWork.request(for: key, label: "exact regression figures") { handle in
            let work = WorkContext(cancellation: handle.cancellation)
            let residualBins = ResidualBins(largest: task.largestResidual(over: rows), bins: bins)
            let filtered = try query(label, prediction, center, residualBins, filter, work)
            let selected = try selection.map { try query(label, prediction, center, residualBins, $0, work) }
            return Figures(filtered: filtered.sums, selected: selected?.sums, residuals: filtered.residuals,
                           selectedResiduals: selected?.residuals)
        }
    }

    /// Takes the figures of ended work; false when `ended` is not this work.
    mutating func receive(_ ended: JobHandle) -> Bool { work.receive(ended) || exactWork.receive(ended) }

    /// One line of metrics: MAE, RMSE, R², mean error (as `tutti slices` prints them) and the rows.
    static func metricsLine(_ sums: RegressionSums) -> String {
        "MAE \(NumberFormatting.metric(sums.meanAbsoluteError)) · RMSE \(NumberFormatting.metric(sums.rootMeanSquaredError))"
            + " · R² \(NumberFormatting.metric(sums.r2)) · mean error \(NumberFormatting.signed(sums.meanError))"
            + " · " + NumberFormatting.rows(sums.count)
    }

    /// The lines of metrics: the filtered rows', and the selection's when there is one. Under
    /// them, where at least four rows remain, the residuals' heading, bars and axis.
    var metricsLineCount: Int { figures?.selected == nil ? 1 : 2 }

    /// Draws the metrics and the residual histogram into `canvas` (the part under the table).
    func draw(_ canvas: inout Canvas, context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        guard let figures else { return }
        let residuals = figures.residuals, selectedResiduals = figures.selectedResiduals
        canvas.fittedText(Self.metricsLine(figures.filtered), x: 0, y: 0, style: theme[.text])
        if let selected = figures.selected {
            canvas.fittedText("\(context.glyphs.selectionMark) " + Self.metricsLine(selected), x: 0, y: 1, style: theme[.selected])
        }
        let top = metricsLineCount
        let barHeight = min(6, height - top - 2)
        let bins = residuals.edges.count - 1
        guard barHeight >= 2, bins > 0, width >= bins else { return }
        canvas.fittedText(Self.residualHeading, x: 0, y: top, style: theme[.muted])
        let counts = residuals.counts.prefix(bins)
        let peak = Double(max(counts.max() ?? 0, 1))
        let bars = BarRenderer(glyphs: context.glyphs, barStyle: theme[.bar], selectedStyle: theme[.barSelected])
        let span = width / bins * bins
        canvas.within(Rect(x: 0, y: top + 1, width: span, height: barHeight)) { area in
            for bin in 0..<bins {
                for x in bin * span / bins ..< (bin + 1) * span / bins {
                    bars.vertical(&area, x: x, height: barHeight, value: Double(counts[bin]) / peak,
                                  selected: Double(selectedResiduals?.counts[bin] ?? 0) / peak)
                }
            }
        }
        let axis = top + 1 + barHeight
        let low = NumberFormatting.compact(residuals.edges[0]), high = "+" + NumberFormatting.compact(residuals.edges[bins])
        canvas.fittedText(low, x: 0, y: axis, style: theme[.muted])
        canvas.fittedText("0", x: span / 2, y: axis, style: theme[.muted])
        canvas.fittedText(high, x: max(span - DisplayWidth.of(high), span / 2 + 2), y: axis, style: theme[.muted])
    }
}
