/// What counts as an error on a row, for finding slices where the model does badly.
public enum SliceObjective: String, Sendable, CaseIterable {
    /// A wrong prediction (label ≠ prediction), over the rows with both.
    case error
    /// Regression: the absolute error |prediction − label|, over the rows with both.
    case absoluteError = "mae"
    /// The loss column's value, over the rows that have one.
    case loss
    /// A missed positive, over the rows whose label is positive (binary).
    case fnr
    /// A false alarm, over the rows whose label is negative (binary).
    case fpr

    /// The slice metric that measures this objective.
    public var metric: SliceMetric {
        switch self {
        case .error: .error
        case .absoluteError: .mae
        case .loss: .meanLoss
        case .fnr: .fnr
        case .fpr: .fpr
        }
    }
}

/// Per-row errors for a slice search: 0/1 errors as the rows in error, or real values (a loss).
public enum SliceErrors: Sendable, Equatable {
    /// The rows whose error is 1 (every other row: 0).
    case binary(RowSet)
    /// One non-negative error per dataset row.
    case values([Double])
}

/// Computes slice metrics from the column roles of a dataset. Label and prediction are mapped
/// to class indexes once (`ClassEncoding`), and each row to the table cells it counts in
/// (`SliceRowCodes`); then the metrics of one slice or of many take one pass over their rows
/// (`SliceTally`, on two cores for large row sets).
public struct SliceEvaluator: Sendable {
    /// The shared classes of label and prediction, when both roles are set (and not a regression).
    public let classes: ClassEncoding?
    /// The regression task, when the label is a number with many values and the prediction a number.
    public let regression: RegressionTask?
    /// The metrics these roles allow, in display order.
    public let availableMetrics: [SliceMetric]
    private let rowCount: Int
    /// Rows with a label and a prediction; those where they agree.
    private let classified: RowSet?
    private let correct: RowSet?
    /// Binary tasks: rows whose label is the positive class.
    private let positiveLabels: RowSet?
    private let score: NumberValues?
    private let loss: NumberValues?
    /// What a tally of slices counts.
    private let tallied: SliceTally.Columns

    /// A numeric column as doubles with its validity.
    private struct NumberValues: Sendable {
        let values: [Double]
        let validity: RowSet

        init(_ column: Column, role: ColumnRole) throws {
            switch column.data {
            case .float(let values): self.values = values
            case .integer(let values): self.values = values.map(Double.init)
            case .boolean(let values): self.values = values.map { $0 ? 1 : 0 }
            default:
                throw TuttiError("the \(role.rawValue) column '\(column.name)' holds \(column.kind.rawValue); it must hold numbers")
            }
            validity = column.validity
        }
    }

    /// An evaluator for the roles of `roles` (label, prediction, score, loss) in `dataset`.
    /// `positiveClass` sets the positive class of a binary task (see `ClassEncoding`).
    public init(dataset: Dataset, roles: ColumnRoles, positiveClass: String? = nil) throws {
        rowCount = dataset.rowCount
        let column = { (role: ColumnRole) in roles[role].flatMap { dataset.column(named: $0) } }
        let regression = column(.label).flatMap { label in
            column(.prediction).flatMap { RegressionTask(label: label, prediction: $0) }
        }
        self.regression = regression
        let score = try column(.score).map { try NumberValues($0, role: .score) }
        let loss = try column(.loss).map { try NumberValues($0, role: .loss) }
        self.score = score
        self.loss = loss
        var classes: ClassEncoding?
        if regression == nil, let label = column(.label), let prediction = column(.prediction) {
            classes = try ClassEncoding(label: label, prediction: prediction, positiveClass: positiveClass)
        } else if positiveClass != nil {
            throw TuttiError(regression == nil ? "a positive class needs label and prediction columns"
                                               : "a positive class needs classes, not a numeric label with many values")
        }
        self.classes = classes
        let codes = SliceRowCodes(rowCount: rowCount, classes: classes, score: score.map { ($0.values, $0.validity) })
        if let classes {
            classified = codes.rows(withOutcome: SliceRowCodes.truePositive, SliceRowCodes.falseNegative,
                                    SliceRowCodes.falsePositive, SliceRowCodes.rightNegative, SliceRowCodes.wrongNegative)
            correct = codes.rows(withOutcome: SliceRowCodes.truePositive, SliceRowCodes.rightNegative)
            positiveLabels = classes.isBinary ? codes.rows(withOutcome: SliceRowCodes.truePositive, SliceRowCodes.falseNegative) : nil
        } else {
            classified = nil
            correct = nil
            positiveLabels = nil
        }
        tallied = SliceTally.Columns(codes: codes, scores: score?.values ?? [], loss: loss.map { ($0.values, $0.validity) },
                                     classes: classes, classCount: classes.map { $0.isBinary ? 0 : $0.classes.count } ?? 0,
                                     regression: regression)
        var metrics: [SliceMetric] = []
        if let classes {
            metrics += [.accuracy, .error, .precision, .recall, .f1]
            if classes.isBinary { metrics += [.fpr, .fnr, .baseRate] }
        }
        if regression != nil { metrics += [.mae, .rmse, .r2, .meanError] }
        if score != nil { metrics.append(.meanScore) }
        if loss != nil { metrics.append(.meanLoss) }
        if score != nil, classes?.isBinary == true { metrics.append(.ece) }
        availableMetrics = metrics
    }

    /// Whether `metric` is a rate with a Wilson interval under these roles: accuracy and error,
    /// and for binary tasks precision, recall, FPR, FNR and base rate.
    public func isRate(_ metric: SliceMetric) -> Bool {
        guard let classes else { return false }
        switch metric {
        case .accuracy, .error: return true
        case .precision, .recall, .fpr, .fnr, .baseRate: return classes.isBinary
        case .f1, .meanScore, .meanLoss, .ece, .mae, .rmse, .r2, .meanError: return false
        }
    }

    /// Rows with a label and a prediction (of a classification), and those predicted right.
    public var classifiedRows: RowSet? { classified }
    public var correctRows: RowSet? { correct }

    /// What counts as an error by default: a wrong prediction for classes, the absolute error for
    /// a regression, else the loss; nil when the roles allow none.
    public var defaultObjective: SliceObjective? {
        if classes != nil { return .error }
        if regression != nil { return .absoluteError }
        return loss != nil ? .loss : nil
    }

    /// The metrics of the slice `rows` (normally already restricted to the filtered rows), whose
    /// share is taken of `filteredCount` rows; `selection` gives the selected count.
    public func metrics(of rows: RowSet, filteredCount: Int, selection: RowSet? = nil) -> SliceMetrics {
        precondition(rows.rowCount == rowCount, "rows of another dataset")
        let tally = SliceTally.count(tallied, rows: rows, groups: SingleSlice(), groupCount: 1, selection: selection)
        return tally.metrics(0, columns: tallied, hasScore: score != nil, filteredCount: filteredCount)
    }

    /// The metrics of many slices at once, in one pass over the rows: `groups[row]` is the
    /// slice of each row (−1 for none), `count` the number of slices.
    public func metrics(groups: [Int32], count: Int, filteredCount: Int, selection: RowSet? = nil) -> [SliceMetrics] {
        precondition(groups.count == rowCount, "groups of another dataset")
        let tally = groups.withUnsafeBufferPointer { groups in
            SliceTally.count(tallied, rows: RowSet(rowCount: rowCount, allSet: true), groups: SliceOfRow(groups: groups),
                             groupCount: count, selection: selection)
        }
        return metrics(of: tally, filteredCount: filteredCount)
    }

    /// The metrics of each bin of `binning` (a histogram's bins of any column) over the rows of
    /// `filter`: per bin its error rate, mean score, share of positive labels, … as the roles
    /// allow; on the score's own bins, the mean score against the share positive is the
    /// reliability curve. Rows missing in the binned column are in no bin. One pass over the
    /// rows of `filter`.
    public func metrics(perBinOf binning: ColumnBinning, filter: RowSet) -> [SliceMetrics] {
        precondition(binning.codes.count == rowCount && filter.rowCount == rowCount, "bins of another dataset")
        let tally = binning.codes.withUnsafeBufferPointer { codes in
            SliceTally.count(tallied, rows: filter, groups: BinOfRow(codes: codes, missing: UInt16(binning.binCount)),
                             groupCount: binning.binCount, selection: nil)
        }
        return metrics(of: tally, filteredCount: filter.count)
    }

    private func metrics(of tally: SliceTally, filteredCount: Int) -> [SliceMetrics] {
        (0..<tally.groupCount).map { tally.metrics($0, columns: tallied, hasScore: score != nil, filteredCount: filteredCount) }
    }

    /// The rows a slice search runs over for `objective` (within `filter`) and their errors.
    /// Throws when the roles do not allow the objective, or for a negative or infinite loss.
    public func errors(for objective: SliceObjective, within filter: RowSet) throws -> (rows: RowSet, errors: SliceErrors) {
        switch objective {
        case .absoluteError:
            guard let regression else {
                throw TuttiError("--metric mae needs a numeric label with many values and a numeric prediction")
            }
            return (filter.intersection(regression.measured), .values(regression.absoluteErrors()))
        case .loss:
            guard let loss else { throw TuttiError("--metric loss needs a loss column (set one with --loss)") }
            let rows = filter.intersection(loss.validity)
            var bad: Int?
            rows.forEachMember { row in
                if bad == nil, !(loss.values[row] >= 0 && loss.values[row].isFinite) { bad = row }
            }
            if let bad {
                throw TuttiError("the loss must be a finite number ≥ 0 to search slices; row \(bad + 1) holds \(loss.values[bad])")
            }
            return (rows, .values(loss.values))
        case .error, .fnr, .fpr:
            guard let classified, let correct else {
                throw TuttiError("--metric \(objective.rawValue) needs label and prediction columns (set them with --label and --prediction)")
            }
            let wrong = SliceErrors.binary(classified.subtracting(correct))
            let measured = filter.intersection(classified)
            if objective == .error { return (measured, wrong) }
            guard let positiveLabels else {
                throw TuttiError("--metric \(objective.rawValue) needs a binary task: give the positive class with --positive")
            }
            return (objective == .fnr ? measured.intersection(positiveLabels) : measured.subtracting(positiveLabels), wrong)
        }
    }
}
