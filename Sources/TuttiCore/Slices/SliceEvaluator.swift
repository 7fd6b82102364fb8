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
/// to class indexes once (`ClassEncoding`); then a slice's metrics take one pass over the
/// words of its row set: confusion counts of binary tasks are popcounts, and only scores,
/// losses and multi-class counts visit rows one by one.
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
    /// Binary tasks: rows whose label / prediction is the positive class.
    private let positiveLabels: RowSet?
    private let positivePredictions: RowSet?
    private let score: NumberValues?
    private let loss: NumberValues?

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
        if regression == nil, let label = column(.label), let prediction = column(.prediction) {
            let classes = try ClassEncoding(label: label, prediction: prediction, positiveClass: positiveClass)
            self.classes = classes
            var classified = RowSet(rowCount: rowCount), correct = RowSet(rowCount: rowCount)
            var positiveLabels = RowSet(rowCount: rowCount), positivePredictions = RowSet(rowCount: rowCount)
            let positive = classes.positive.map(Int32.init) ?? -2
            for row in 0..<rowCount {
                let l = classes.labels[row], p = classes.predictions[row]
                guard l >= 0, p >= 0 else { continue }
                classified.insert(row)
                if l == p { correct.insert(row) }
                if l == positive { positiveLabels.insert(row) }
                if p == positive { positivePredictions.insert(row) }
            }
            self.classified = classified
            self.correct = correct
            self.positiveLabels = classes.isBinary ? positiveLabels : nil
            self.positivePredictions = classes.isBinary ? positivePredictions : nil
        } else {
            if positiveClass != nil {
                throw TuttiError(regression == nil ? "a positive class needs label and prediction columns"
                                                   : "a positive class needs classes, not a numeric label with many values")
            }
            classes = nil
            classified = nil
            correct = nil
            positiveLabels = nil
            positivePredictions = nil
        }
        score = try column(.score).map { try NumberValues($0, role: .score) }
        loss = try column(.loss).map { try NumberValues($0, role: .loss) }
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
        var size = 0, selected = 0, classifiedCount = 0, correctCount = 0
        var confusion = BinaryConfusion()
        var perClass = ClassCounts(classes: classes.map { $0.isBinary ? 0 : $0.classes.count } ?? 0)
        var scoreCount = 0, scoreSum = 0.0, lossCount = 0, lossSum = 0.0
        let calibrates = score != nil && positiveLabels != nil
        var calibration = CalibrationBins()
        var regressionSums = RegressionSums()
        let measuredWords = regression?.measured.words
        let empty = [UInt64](repeating: 0, count: rows.words.count)
        let selectionWords = selection?.words ?? empty
        let classifiedWords = classified?.words ?? empty, correctWords = correct?.words ?? empty
        let positiveLabelWords = positiveLabels?.words ?? empty
        let positivePredictionWords = positivePredictions?.words ?? empty
        let multiClass = perClass.classCount > 0
        for word in 0..<rows.words.count {
            let bits = rows.words[word]
            guard bits != 0 else { continue }
            size &+= bits.nonzeroBitCount
            selected &+= (bits & selectionWords[word]).nonzeroBitCount
            let measured = bits & classifiedWords[word]
            classifiedCount &+= measured.nonzeroBitCount
            correctCount &+= (measured & correctWords[word]).nonzeroBitCount
            let labelled = measured & positiveLabelWords[word], predicted = measured & positivePredictionWords[word]
            confusion.truePositives &+= (labelled & predicted).nonzeroBitCount
            confusion.falseNegatives &+= (labelled & ~predicted).nonzeroBitCount
            confusion.falsePositives &+= (predicted & ~labelled).nonzeroBitCount
            if multiClass, let classes {
                Self.forEach(measured, word) { perClass.add(label: classes.labels[$0], prediction: classes.predictions[$0]) }
            }
            if let regression, let measuredWords {
                Self.forEach(bits & measuredWords[word], word) { regression.add($0, to: &regressionSums) }
            }
            if let score {
                let present = bits & score.validity.words[word]
                scoreCount &+= present.nonzeroBitCount
                Self.forEach(present, word) { scoreSum += score.values[$0] }
                if calibrates {
                    let positive = positiveLabelWords[word]
                    Self.forEach(present & measured, word) { row in
                        calibration.add(score: score.values[row], positive: positive >> UInt64(row & 63) & 1 != 0)
                    }
                }
            }
            if let loss {
                let present = bits & loss.validity.words[word]
                lossCount &+= present.nonzeroBitCount
                Self.forEach(present, word) { lossSum += loss.values[$0] }
            }
        }
        confusion.trueNegatives = classifiedCount - confusion.truePositives - confusion.falsePositives
            - confusion.falseNegatives
        return SliceMetrics(
            size: size, share: filteredCount > 0 ? Double(size) / Double(filteredCount) : 0, selected: selected,
            classified: classes == nil ? nil : classifiedCount, correct: correctCount,
            confusion: classes?.isBinary == true ? confusion : nil, multiClassCounts: multiClass ? perClass : nil,
            scoreCount: score == nil ? nil : scoreCount, scoreSum: scoreSum,
            lossCount: loss == nil ? nil : lossCount, lossSum: lossSum, calibration: calibrates ? calibration : nil,
            regression: regression == nil ? nil : regressionSums)
    }

    /// The metrics of many slices at once, in one pass over the rows: `groups[row]` is the
    /// slice of each row (−1 for none), `count` the number of slices.
    public func metrics(groups: [Int32], count: Int, filteredCount: Int, selection: RowSet? = nil) -> [SliceMetrics] {
        precondition(groups.count == rowCount, "groups of another dataset")
        return metrics(count: count, filteredCount: filteredCount, selection: selection) { visit in
            groups.withUnsafeBufferPointer { groups in
                for row in 0..<rowCount where groups[row] >= 0 { visit(row, Int(groups[row])) }
            }
        }
    }

    /// The metrics of `count` slices in one pass: `rows` calls its argument with each row and
    /// its slice (in `0..<count`), every row at most once.
    private func metrics(count: Int, filteredCount: Int, selection: RowSet?,
                         rows: ((_ row: Int, _ group: Int) -> Void) -> Void) -> [SliceMetrics] {
        let classCount = classes.map { $0.isBinary ? 0 : $0.classes.count } ?? 0
        var sizes = [Int](repeating: 0, count: count), selected = sizes, classifiedCounts = sizes, correctCounts = sizes
        var confusions = [BinaryConfusion](repeating: BinaryConfusion(), count: count)
        var perClass = [ClassCounts](repeating: ClassCounts(classes: classCount), count: count)
        var scoreCounts = sizes, lossCounts = sizes
        var scoreSums = [Double](repeating: 0, count: count), lossSums = scoreSums
        let positive = classes?.positive.map(Int32.init) ?? -2
        let calibrates = score != nil && classes?.isBinary == true
        var calibrations = [CalibrationBins](repeating: CalibrationBins(), count: calibrates ? count : 0)
        var regressionSums = [RegressionSums](repeating: RegressionSums(), count: regression == nil ? 0 : count)
        rows { row, group in
            sizes[group] += 1
            if selection?.contains(row) == true { selected[group] += 1 }
            if let classes {
                let label = classes.labels[row], prediction = classes.predictions[row]
                if label >= 0, prediction >= 0 {
                    classifiedCounts[group] += 1
                    if label == prediction { correctCounts[group] += 1 }
                    if classCount > 0 {
                        perClass[group].add(label: label, prediction: prediction)
                    } else {
                        switch (label == positive, prediction == positive) {
                        case (true, true): confusions[group].truePositives += 1
                        case (true, false): confusions[group].falseNegatives += 1
                        case (false, true): confusions[group].falsePositives += 1
                        case (false, false): confusions[group].trueNegatives += 1
                        }
                    }
                }
            }
            if let regression, regression.measured.contains(row) { regression.add(row, to: &regressionSums[group]) }
            if let score, score.validity.contains(row) {
                scoreCounts[group] += 1
                scoreSums[group] += score.values[row]
                if calibrates, let classes, classes.labels[row] >= 0, classes.predictions[row] >= 0 {
                    calibrations[group].add(score: score.values[row], positive: classes.labels[row] == positive)
                }
            }
            if let loss, loss.validity.contains(row) {
                lossCounts[group] += 1
                lossSums[group] += loss.values[row]
            }
        }
        return (0..<count).map { group in
            SliceMetrics(
                size: sizes[group], share: filteredCount > 0 ? Double(sizes[group]) / Double(filteredCount) : 0,
                selected: selected[group], classified: classes == nil ? nil : classifiedCounts[group],
                correct: correctCounts[group], confusion: classes?.isBinary == true ? confusions[group] : nil,
                multiClassCounts: classCount > 0 ? perClass[group] : nil,
                scoreCount: score == nil ? nil : scoreCounts[group], scoreSum: scoreSums[group],
                lossCount: loss == nil ? nil : lossCounts[group], lossSum: lossSums[group],
                calibration: calibrates ? calibrations[group] : nil,
                regression: regression == nil ? nil : regressionSums[group])
        }
    }

    /// The metrics of each bin of `binning` (a histogram's bins of any column) over the rows of
    /// `filter`: per bin its error rate, mean score, share of positive labels, … as the roles
    /// allow; on the score's own bins, the mean score against the share positive is the
    /// reliability curve. Rows missing in the binned column are in no bin. One pass over the
    /// rows of `filter`.
    public func metrics(perBinOf binning: ColumnBinning, filter: RowSet) -> [SliceMetrics] {
        precondition(binning.codes.count == rowCount && filter.rowCount == rowCount, "bins of another dataset")
        let missing = UInt16(binning.binCount)
        return metrics(count: binning.binCount, filteredCount: filter.count, selection: nil) { visit in
            binning.codes.withUnsafeBufferPointer { codes in
                filter.forEachMember { row in
                    let code = codes[row]
                    if code != missing { visit(row, Int(code)) }
                }
            }
        }
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

    /// Calls `body` with the row of each set bit of `bits`, word `word` of a row set.
    @inline(__always)
    private static func forEach(_ bits: UInt64, _ word: Int, _ body: (Int) -> Void) {
        var remaining = bits
        while remaining != 0 {
            body(word << 6 | remaining.trailingZeroBitCount)
            remaining &= remaining &- 1
        }
    }
}
