/// A measure of model quality on a slice.
public enum SliceMetric: String, Sendable, CaseIterable, Codable {
    case accuracy
    /// Error rate: 1 − accuracy.
    case error
    /// Binary: of the rows predicted positive, the share that are positive. Multi-class: the
    /// macro average over classes.
    case precision
    /// Binary: of the positive rows, the share predicted positive. Multi-class: macro average.
    case recall
    /// The harmonic mean of precision and recall (macro-averaged for multi-class).
    case f1
    /// False-positive rate (binary): of the negative rows, the share predicted positive.
    case fpr
    /// False-negative rate (binary): of the positive rows, the share predicted negative.
    case fnr
    /// The share of positive labels (binary).
    case baseRate = "base_rate"
    /// The mean of the score column.
    case meanScore = "mean_score"
    /// The mean of the loss column.
    case meanLoss = "mean_loss"
    /// Expected calibration error of the score (binary): over 10 equal-width score bins, the
    /// mean of |share of positive labels − mean score| weighted by the bin's rows.
    case ece
    /// Regression: mean absolute error.
    case mae
    /// Regression: root mean squared error.
    case rmse
    /// Regression: the coefficient of determination.
    case r2
    /// Regression: mean signed error (prediction − label), positive where the model predicts too high.
    case meanError = "mean_error"

    /// The name shown in tables: "error", "base rate", "mean loss", ….
    public var title: String {
        switch self {
        case .ece: "ECE"
        case .mae: "MAE"
        case .rmse: "RMSE"
        case .r2: "R²"
        default: rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }
}

/// Counts of a binary task: true / false positives and negatives.
public struct BinaryConfusion: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var trueNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0, trueNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.trueNegatives = trueNegatives
    }
}

/// Macro-averaged precision, recall and F1 of a multi-class task, over the classes that occur
/// (as a label or a prediction) in the slice; a class never predicted has precision 0.
public struct MacroScores: Sendable, Equatable {
    public let precision: Double
    public let recall: Double
    public let f1: Double
}

/// What a slice looks like: its size and, where the column roles allow, how well the model
/// does on it. Rates come with 95% Wilson intervals; `gap(_:to:)` compares with the overall value.
public struct SliceMetrics: Sendable, Equatable {
    /// Rows in the slice.
    public let size: Int
    /// `size` over the filtered rows.
    public let share: Double
    /// Selected rows in the slice.
    public let selected: Int
    /// Rows with both a label and a prediction (the base of the classification metrics), or
    /// nil without label and prediction roles.
    public let classified: Int?
    /// Rows whose prediction equals the label.
    public let correct: Int
    /// Binary tasks: the confusion counts.
    public let confusion: BinaryConfusion?
    /// Multi-class tasks: the counts per class (binary tasks derive them from `confusion`).
    public let multiClassCounts: ClassCounts?
    /// Rows with a score, and their sum (nil without a score role).
    public let scoreCount: Int?
    public let scoreSum: Double
    /// Rows with a loss, and their sum (nil without a loss role).
    public let lossCount: Int?
    public let lossSum: Double
    /// Binary tasks with a score: the score's reliability over the rows with a label, a
    /// prediction and a score.
    public let calibration: CalibrationBins?
    /// Regression tasks: the sums of the errors.
    public let regression: RegressionSums?

    /// Multi-class tasks: the macro averages (nil when no row is classified).
    public var macro: MacroScores? { multiClassCounts?.macro() }

    /// The metric's value; nil when the roles do not allow it or the slice has no row to
    /// measure it on (a recall without positive rows).
    public func value(_ metric: SliceMetric) -> Double? {
        switch metric {
        case .f1:
            if let macro { return macro.f1 }
            guard let c = confusion else { return nil }
            let denominator = 2 * c.truePositives + c.falsePositives + c.falseNegatives
            return denominator > 0 ? Double(2 * c.truePositives) / Double(denominator) : nil
        case .precision where macro != nil: return macro?.precision
        case .recall where macro != nil: return macro?.recall
        case .meanScore: return scoreCount.flatMap { $0 > 0 ? scoreSum / Double($0) : nil }
        case .meanLoss: return lossCount.flatMap { $0 > 0 ? lossSum / Double($0) : nil }
        case .ece: return calibration?.expectedError
        case .mae: return regression?.meanAbsoluteError
        case .rmse: return regression?.rootMeanSquaredError
        case .r2: return regression?.r2
        case .meanError: return regression?.meanError
        default:
            guard let (successes, trials) = proportion(metric), trials > 0 else { return nil }
            return Double(successes) / Double(trials)
        }
    }

    /// The 95% Wilson interval of a rate (accuracy, error, binary precision, recall, FPR, FNR,
    /// base rate); nil for other metrics or without rows.
    public func interval(_ metric: SliceMetric) -> WilsonInterval? {
        proportion(metric).flatMap { WilsonInterval(successes: $0.successes, trials: $0.trials) }
    }

    /// The metric on this slice minus its value on `overall`.
    public func gap(_ metric: SliceMetric, to overall: SliceMetrics) -> Double? {
        guard let mine = value(metric), let theirs = overall.value(metric) else { return nil }
        return mine - theirs
    }

    /// Successes and trials of a metric that is a proportion.
    public func proportion(_ metric: SliceMetric) -> (successes: Int, trials: Int)? {
        guard let classified else { return nil }
        switch metric {
        case .accuracy: return (correct, classified)
        case .error: return (classified - correct, classified)
        default: break
        }
        guard let c = confusion else { return nil }
        switch metric {
        case .precision: return (c.truePositives, c.truePositives + c.falsePositives)
        case .recall: return (c.truePositives, c.truePositives + c.falseNegatives)
        case .fpr: return (c.falsePositives, c.falsePositives + c.trueNegatives)
        case .fnr: return (c.falseNegatives, c.falseNegatives + c.truePositives)
        case .baseRate: return (c.truePositives + c.falseNegatives, classified)
        default: return nil
        }
    }
}
