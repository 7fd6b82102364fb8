/// A model metric per bin of a histogram, for drawing over its bars as a line of markers on a
/// scale of its own: the error rate per bin of any column (the mean absolute error or mean loss
/// without classes, or any metric the roles allow). On the score's own histogram of a binary
/// task the share of positive labels per bin is the reliability curve, drawn against the
/// diagonal (the score at each bin's middle), and the expected calibration error (10 equal
/// bins, as `tutti slices` gives it) comes with it. Computed in one pass over the filtered rows.
public struct BinMetricOverlay: Sendable, Equatable {
    /// The metric drawn.
    public let metric: SliceMetric
    /// The metric per bin; nil where the bin has no row to measure it on.
    public let values: [Double?]
    /// The rows per bin the metric is measured on (the classified rows for a classification
    /// metric, the rows with a score for the mean score, …).
    public let measured: [Int]
    /// The scale the markers are drawn on, bottom to top: 0–1 for rates, else from the smallest
    /// value (or 0) to the largest (or 0), the ends on nice steps.
    public let scale: ClosedRange<Double>
    /// The reliability curve's diagonal: per bin, the score at its middle; nil unless the bins
    /// are the score's in a binary task and the metric is the share of positive labels.
    public let diagonal: [Double]?
    /// The expected calibration error of the score over the filtered rows (10 equal-width
    /// bins), when the bins are the score's in a binary task; nil otherwise.
    public let expectedCalibrationError: Double?

    /// The metrics a histogram can overlay under `evaluator`'s roles, in display order (every
    /// metric the roles allow but the ECE, which is not a per-bin figure).
    public static func metrics(_ evaluator: SliceEvaluator) -> [SliceMetric] {
        evaluator.availableMetrics.filter { $0 != .ece }
    }

    /// What a histogram of `column` overlays first: on the score's histogram of a binary task, the
    /// share of positive labels (the reliability curve); else what slices are found by (the error
    /// rate, the absolute error of a regression, or the loss); nil when the roles allow none.
    public static func defaultMetric(_ evaluator: SliceEvaluator, column: String, roles: ColumnRoles) -> SliceMetric? {
        if isScoreHistogram(evaluator, column: column, roles: roles) { return .baseRate }
        return evaluator.defaultObjective?.metric ?? metrics(evaluator).first
    }

    /// Whether `column` is the score of a binary task with a score (its histogram can show the
    /// reliability curve and the ECE).
    public static func isScoreHistogram(_ evaluator: SliceEvaluator, column: String, roles: ColumnRoles) -> Bool {
        roles[.score] == column && evaluator.classes?.isBinary == true && evaluator.availableMetrics.contains(.ece)
    }

    /// `metric` per bin of `binning` over the rows of `filter`, under `evaluator` (made for the
    /// same dataset and `roles`).
    public init(evaluator: SliceEvaluator, binning: ColumnBinning, filter: RowSet, metric: SliceMetric, roles: ColumnRoles) {
        let bins = evaluator.metrics(perBinOf: binning, filter: filter)
        self.metric = metric
        values = bins.map { $0.value(metric) }
        measured = bins.map { Self.measured(metric, in: $0) }
        scale = Self.scale(for: metric, values: values.compactMap { $0 })
        let scoreBins = Self.isScoreHistogram(evaluator, column: binning.column, roles: roles)
        if scoreBins {
            var calibration = CalibrationBins()
            for bin in bins { if let part = bin.calibration { calibration.merge(part) } }
            expectedCalibrationError = calibration.expectedError
        } else {
            expectedCalibrationError = nil
        }
        if scoreBins, metric == .baseRate, case .numeric(let edges, _) = binning.scheme {
            diagonal = (0..<binning.binCount).map { (edges[$0] + edges[$0 + 1]) / 2 }
        } else {
            diagonal = nil
        }
    }

    /// The rows of a bin that `metric` is measured on.
    private static func measured(_ metric: SliceMetric, in bin: SliceMetrics) -> Int {
        switch metric {
        case .meanScore: return bin.scoreCount ?? 0
        case .meanLoss: return bin.lossCount ?? 0
        case .mae, .rmse, .r2, .meanError: return bin.regression?.count ?? 0
        default: return bin.proportion(metric)?.trials ?? bin.classified ?? 0
        }
    }

    /// Whether `metric` is a share between 0 and 1.
    public static func isRate(_ metric: SliceMetric) -> Bool {
        switch metric {
        case .accuracy, .error, .precision, .recall, .f1, .fpr, .fnr, .baseRate, .ece: true
        case .meanScore, .meanLoss, .mae, .rmse, .r2, .meanError: false
        }
    }

    /// 0–1 for a rate; else from min(0, smallest) to max(0, largest), each end on a nice step.
    static func scale(for metric: SliceMetric, values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard !isRate(metric), let low = finite.min(), let high = finite.max() else { return 0...1 }
        let lower = min(0, low), upper = max(0, high)
        guard upper > lower else { return 0...1 }
        let step = NiceScale.step(span: upper - lower, target: 4, integral: false)
        return ((lower / step).rounded(.down) * step)...((upper / step).rounded(.up) * step)
    }

    /// Where `value` lies on the scale: 0 at the bottom, 1 at the top (clamped).
    public func height(of value: Double) -> Double {
        let span = scale.upperBound - scale.lowerBound
        guard span > 0, value.isFinite else { return 0 }
        return min(max((value - scale.lowerBound) / span, 0), 1)
    }
}
