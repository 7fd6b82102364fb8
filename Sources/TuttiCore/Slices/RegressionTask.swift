import Foundation

/// A regression task: a numeric label with many distinct values and a numeric prediction, both
/// as doubles over the rows that have both.
public struct RegressionTask: Sendable {
    /// A label with more distinct values than this (and a numeric prediction) is a regression
    /// target; with fewer, its values are classes.
    public static let minimumDistinctLabels = 20

    /// The label and the prediction of every row (placeholders where missing).
    let labels: [Double]
    let predictions: [Double]
    /// Rows with both, neither NaN.
    public let measured: RowSet
    /// The mean label over `measured`: sums of squares are taken around it, so that R² keeps
    /// its precision on labels far from 0.
    public let center: Double

    /// The task of `label` and `prediction`, or nil when they do not make one: either is not a
    /// number column (integer or float), or the label has at most `minimumDistinctLabels` values
    /// (not asked when `anyLabels`: the task was decided on other rows, such as a sample).
    public init?(label: Column, prediction: Column, anyLabels: Bool = false) {
        guard let labels = Self.numbers(label), let predictions = Self.numbers(prediction),
              anyLabels || Self.hasManyValues(labels, label.validity) else { return nil }
        var measured = label.validity.intersection(prediction.validity)
        var sum = 0.0
        measured.forEachMember { row in
            if labels[row].isNaN || predictions[row].isNaN { measured.remove(row) } else { sum += labels[row] }
        }
        self.labels = labels
        self.predictions = predictions
        self.measured = measured
        let count = measured.count
        center = count > 0 ? sum / Double(count) : 0
    }

    /// The error of `row`: prediction − label.
    @inline(__always)
    func error(_ row: Int) -> Double { predictions[row] - labels[row] }

    /// Adds `row` (one of `measured`) to `sums`.
    @inline(__always)
    func add(_ row: Int, to sums: inout RegressionSums) {
        let error = predictions[row] - labels[row], centered = labels[row] - center
        sums.count += 1
        sums.absoluteSum += abs(error)
        sums.squaredSum += error * error
        sums.errorSum += error
        sums.labelSum += centered
        sums.labelSquaredSum += centered * centered
    }

    /// The absolute error of every row (0 where not measured), for a slice search.
    func absoluteErrors() -> [Double] {
        var errors = [Double](repeating: 0, count: labels.count)
        measured.forEachMember { errors[$0] = abs(predictions[$0] - labels[$0]) }
        return errors
    }

    private static func numbers(_ column: Column) -> [Double]? {
        switch column.data {
        case .float(let values): values
        case .integer(let values): values.map(Double.init)
        default: nil
        }
    }

    private static func hasManyValues(_ values: [Double], _ validity: RowSet) -> Bool {
        var seen = Set<Double>()
        var many = false
        validity.forEachMember { row in
            guard !many, !values[row].isNaN else { return }
            seen.insert(values[row])
            many = seen.count > minimumDistinctLabels
        }
        return many
    }
}

/// The sums a slice's regression metrics come from.
public struct RegressionSums: Sendable, Equatable {
    /// Rows with a label and a prediction.
    public internal(set) var count = 0
    /// Sums of |error|, error², and error (error = prediction − label).
    public internal(set) var absoluteSum = 0.0
    public internal(set) var squaredSum = 0.0
    public internal(set) var errorSum = 0.0
    /// Sums of the label and its square, both less the overall mean label.
    public internal(set) var labelSum = 0.0
    public internal(set) var labelSquaredSum = 0.0

    /// No rows.
    public init() {}

    /// Sums counted elsewhere (by a SQL engine): `count` rows, their errors' sums, and their
    /// labels' sums less some value near their mean.
    public init(count: Int, absoluteSum: Double, squaredSum: Double, errorSum: Double, labelSum: Double,
                labelSquaredSum: Double) {
        self.count = count
        self.absoluteSum = absoluteSum
        self.squaredSum = squaredSum
        self.errorSum = errorSum
        self.labelSum = labelSum
        self.labelSquaredSum = labelSquaredSum
    }

    /// Adds the sums of `other` (of other rows).
    mutating func merge(_ other: RegressionSums) {
        count += other.count
        absoluteSum += other.absoluteSum
        squaredSum += other.squaredSum
        errorSum += other.errorSum
        labelSum += other.labelSum
        labelSquaredSum += other.labelSquaredSum
    }

    /// Mean absolute error (nil without rows).
    public var meanAbsoluteError: Double? { count > 0 ? absoluteSum / Double(count) : nil }
    /// Root mean squared error.
    public var rootMeanSquaredError: Double? { count > 0 ? (squaredSum / Double(count)).squareRoot() : nil }
    /// Mean signed error: positive where the model predicts too high.
    public var meanError: Double? { count > 0 ? errorSum / Double(count) : nil }
    /// R² = 1 − Σ error² / Σ (label − mean label)², as scikit-learn's `r2_score`: for a constant
    /// label, 1 when every prediction is exact, else 0.
    public var r2: Double? {
        guard count > 0 else { return nil }
        let total = labelSquaredSum - labelSum * labelSum / Double(count)
        guard total > 1e-12 * max(labelSquaredSum, Double.leastNormalMagnitude) else { return squaredSum == 0 ? 1 : 0 }
        return 1 - squaredSum / total
    }
}
