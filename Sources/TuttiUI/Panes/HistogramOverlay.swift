import TuttiCore
import TuttiTerminal

/// A histogram's metric per bin kept between frames: the evaluator made once per dataset and
/// roles, the values (`BinMetricOverlay`, one pass over the filtered rows) once per filter, bins,
/// metric and data (a threshold step re-derives the predictions, so the values follow it). The
/// values are computed in the background; until those of a new state arrive, the last ones stay
/// drawn (`isFresh` false), so a frame never waits for them.
struct HistogramOverlayCache {
    /// Cells the overlay's scale may take at the right, kept free when bins are fitted to the width.
    static let scaleAllowance = 6
    private var evaluatorKey: (dataset: Dataset, roles: ColumnRoles)?
    /// The evaluator of the current roles; nil when they allow no metric (see `failure`).
    private(set) var evaluator: SliceEvaluator?
    private var evaluatorFailure: String?
    /// What the values are computed from.
    private struct ValuesKey: Equatable {
        let dataset: Dataset
        let roles: ColumnRoles
        let filter: RowSet
        let binning: ColumnBinning
        let metric: SliceMetric

        static func == (a: ValuesKey, b: ValuesKey) -> Bool {
            a.dataset === b.dataset && a.roles == b.roles && a.metric == b.metric && a.filter == b.filter && a.binning == b.binning
        }
    }
    /// What the work found: the values, or why there are none.
    private struct Outcome: Sendable {
        let values: BinMetricOverlay?
        let failure: String?
    }
    private var work = RefreshingValue<ValuesKey, Outcome>()

    /// The metric per bin, as last computed (for the current state when `isFresh`).
    var values: BinMetricOverlay? { work.value?.values }

    /// Whether `values` are of the current state.
    var isFresh: Bool { work.isFresh }

    /// Why there is no overlay: the roles allow no metric, or not the one asked for.
    var failure: String? { work.problem ?? work.value?.failure }

    /// The evaluator for `state`'s dataset and roles, made again only when they changed.
    mutating func evaluator(for state: ExplorerState) -> SliceEvaluator? {
        if let key = evaluatorKey, key.dataset === state.dataset, key.roles == state.roles { return evaluator }
        evaluatorKey = (state.dataset, state.roles)
        do {
            evaluator = try SliceEvaluator(dataset: state.dataset, roles: state.roles)
            evaluatorFailure = nil
        } catch {
            evaluator = nil
            evaluatorFailure = "\(error)"
        }
        return evaluator
    }

    /// Why `evaluator(for:)` made no evaluator.
    var evaluatorProblem: String? { evaluatorFailure }

    /// Asks for `metric` per bin of `binning` over `state`'s filtered rows, unless it is
    /// computed or being computed; returns the work to start.
    mutating func update(_ state: ExplorerState, binning: ColumnBinning, metric: SliceMetric) -> [PaneCommand] {
        let known = evaluatorKey.map { $0.dataset === state.dataset && $0.roles == state.roles } == true ? evaluator : nil
        let key = ValuesKey(dataset: state.dataset, roles: state.roles, filter: state.filter.rows, binning: binning, metric: metric)
        return work.request(for: key, label: "\(metric.title) per bin") { _ in
            let evaluator: SliceEvaluator
            do {
                evaluator = try known ?? SliceEvaluator(dataset: key.dataset, roles: key.roles)
            } catch {
                return Outcome(values: nil, failure: "\(error)")
            }
            guard BinMetricOverlay.metrics(evaluator).contains(metric) else {
                return Outcome(values: nil, failure: "the roles give no \(metric.title) to draw per bin")
            }
            return Outcome(values: BinMetricOverlay(evaluator: evaluator, binning: binning, filter: key.filter, metric: metric,
                                                   roles: key.roles), failure: nil)
        }
    }

    /// Takes the values of ended work; false when `ended` is not this overlay's work.
    mutating func receive(_ ended: JobHandle) -> Bool { work.receive(ended) }
}

/// Draws a `BinMetricOverlay` over a histogram's bars: a marker per bin at the metric's height on
/// the overlay's own scale (its ends labelled at the right of vertical bars), the diagonal under
/// a reliability curve, the legend and the cursor bin's value.
struct HistogramOverlayDrawer {
    let overlay: BinMetricOverlay
    let glyphs: Glyphs
    let theme: Theme

    /// The marker of a bin's value, and of the diagonal.
    var mark: Character { glyphs.isASCII ? "x" : "◆" }
    var diagonalMark: Character { glyphs.isASCII ? "+" : "·" }

    /// The scale's ends as labelled.
    var upperLabel: String { NumberFormatting.compact(overlay.scale.upperBound) }
    var lowerLabel: String { NumberFormatting.compact(overlay.scale.lowerBound) }

    /// Cells the scale takes at the right of vertical bars (a space, then its labels).
    var scaleWidth: Int { Self.scaleWidth(overlay) }

    /// Cells the scale of `overlay` takes at the right of vertical bars.
    static func scaleWidth(_ overlay: BinMetricOverlay) -> Int {
        max(DisplayWidth.of(NumberFormatting.compact(overlay.scale.upperBound)),
            DisplayWidth.of(NumberFormatting.compact(overlay.scale.lowerBound))) + 1
    }

    /// What the markers show: the share of positive labels for a reliability curve, else the metric.
    var name: String { overlay.diagonal == nil ? overlay.metric.title : "positive share" }

    /// The legend for the header: "◆ error", "◆ positive share · diagonal".
    func legend(withScale: Bool) -> String {
        "\(mark) \(name)" + (withScale ? " \(lowerLabel)–\(upperLabel)" : "")
            + (overlay.diagonal == nil ? "" : " \(diagonalMark) diagonal")
    }

    /// The line (1 at the top … `chartHeight` at the bottom) of a value whose height on the scale
    /// is `height` (0 at the bottom, 1 at the top).
    static func line(height: Double, chartHeight: Int) -> Int {
        1 + Int(((1 - height) * Double(chartHeight - 1)).rounded())
    }

    /// The cursor bin's value for the line under the chart: " · error 0.1234" (or that it has no rows).
    func binText(_ bin: Int) -> String {
        guard bin < overlay.values.count else { return "" }
        guard let value = overlay.values[bin] else { return " · \(name) –" }
        let diagonal = overlay.diagonal.map { " (diagonal \(NumberFormatting.fixed($0[bin], decimals: 2)))" } ?? ""
        return " · \(name) \(NumberFormatting.fixed(value))" + diagonal
    }

    /// Markers over vertical bars: bin `b` spans `barWidth` cells from `x0 + b * barWidth` (its
    /// bar the first `drawWidth`), chart lines 1…`chartHeight`; the scale's labels at `scaleX`.
    func drawVertical(_ canvas: inout Canvas, chartHeight: Int, x0: Int, barWidth: Int, drawWidth: Int, scaleX: Int) {
        canvas.fittedText(upperLabel, x: scaleX + 1, y: 1, style: theme[.key])
        canvas.fittedText(lowerLabel, x: scaleX + 1, y: chartHeight, style: theme[.key])
        for bin in overlay.values.indices {
            let x = x0 + bin * barWidth + (drawWidth - 1) / 2
            if let diagonal = overlay.diagonal {
                let y = Self.line(height: overlay.height(of: diagonal[bin]), chartHeight: chartHeight)
                canvas.set(x: x, y: y, diagonalMark, style: theme[.muted])
            }
            guard let value = overlay.values[bin] else { continue }
            canvas.set(x: x, y: Self.line(height: overlay.height(of: value), chartHeight: chartHeight), mark, style: theme[.key])
        }
    }

    /// The marker over horizontal bar `bin`, drawn on line `y` across the bar's `width` cells from `x`.
    func drawHorizontal(_ canvas: inout Canvas, bin: Int, x: Int, y: Int, width: Int) {
        guard bin < overlay.values.count, let value = overlay.values[bin], width > 0 else { return }
        let offset = Int((overlay.height(of: value) * Double(width - 1)).rounded())
        canvas.set(x: x + offset, y: y, mark, style: theme[.key])
    }
}
