import Foundation

/// A cut on a binary task's score that re-derives the predictions: a row whose score is at least
/// `value` is predicted the positive class, any other scored row the negative one, a row
/// without a score has no prediction. The prediction column is replaced by the re-derived one
/// (same name, same kind where the classes allow), so every pane, filter and report reads the
/// predictions at the threshold; the column as loaded is kept to be put back. A threshold is made
/// from the column roles (`init(value:dataset:roles:)`), then moved with `at(_:in:)`.
public struct ScoreThreshold: Sendable {
    /// The cut: scores at least this are predicted positive.
    public let value: Double
    /// The score and prediction columns.
    public let score: String
    public let prediction: String
    /// The positive and negative classes, as `ClassEncoding` spells them.
    public let positive: String
    public let negative: String
    /// The smallest and largest score, for stepping.
    public let scoreRange: ClosedRange<Double>
    /// The prediction column as loaded.
    public let original: Column
    /// Rows whose label is the positive class, and rows with a label.
    let positiveLabels: RowSet
    let labelled: RowSet
    /// Rows with a score, and those at or above the cut.
    public let scored: RowSet
    public let predictedPositive: RowSet

    /// The scored rows in score order, when they were ordered (`ordered(in:)`): a threshold moved
    /// from this one then changes only the rows whose score lies between the two cuts.
    public let order: ScoreOrder?

    /// The same task cut at `value` instead, the scores read from `dataset` (the one the
    /// threshold was made on, or one with columns added). With the rows in score order, only the
    /// rows between the two cuts are visited.
    public func at(_ value: Double, in dataset: Dataset) throws -> ScoreThreshold {
        guard value.isFinite else { throw TuttiError("the threshold must be a finite number, got \(value)") }
        guard let order else {
            return ScoreThreshold(value: value, score: score, prediction: prediction, positive: positive, negative: negative,
                                  scoreRange: scoreRange, original: original, positiveLabels: positiveLabels, labelled: labelled,
                                  scores: try Self.scores(dataset, score))
        }
        var above = predictedPositive
        for row in order.rows(from: min(value, self.value), below: max(value, self.value)) { above.toggle(Int(row)) }
        return ScoreThreshold(value: value, score: score, prediction: prediction, positive: positive, negative: negative,
                              scoreRange: scoreRange, original: original, positiveLabels: positiveLabels, labelled: labelled,
                              scored: scored, predictedPositive: above, order: order)
    }

    /// This threshold with the scored rows in score order (read from `dataset`, as `at(_:in:)`
    /// does), so that moving it costs only the rows between the cuts; itself when they are.
    public func ordered(in dataset: Dataset) throws -> ScoreThreshold {
        guard order == nil else { return self }
        let scores = try Self.scores(dataset, score)
        return ScoreThreshold(value: value, score: score, prediction: prediction, positive: positive, negative: negative,
                              scoreRange: scoreRange, original: original, positiveLabels: positiveLabels, labelled: labelled,
                              scored: scored, predictedPositive: predictedPositive,
                              order: ScoreOrder(values: scores.values, validity: scores.validity))
    }

    init(value: Double, score: String, prediction: String, positive: String, negative: String,
                 scoreRange: ClosedRange<Double>, original: Column, positiveLabels: RowSet, labelled: RowSet,
                 scores: (values: [Double], validity: RowSet)) {
        var above = RowSet(rowCount: scores.validity.rowCount)
        scores.values.withUnsafeBufferPointer { values in
            scores.validity.forEachMember { row in
                if values[row] >= value { above.insert(row) }
            }
        }
        self.init(value: value, score: score, prediction: prediction, positive: positive, negative: negative,
                  scoreRange: scoreRange, original: original, positiveLabels: positiveLabels, labelled: labelled,
                  scored: scores.validity, predictedPositive: above, order: nil)
    }

    private init(value: Double, score: String, prediction: String, positive: String, negative: String,
                 scoreRange: ClosedRange<Double>, original: Column, positiveLabels: RowSet, labelled: RowSet,
                 scored: RowSet, predictedPositive: RowSet, order: ScoreOrder?) {
        self.value = value
        self.score = score
        self.prediction = prediction
        self.positive = positive
        self.negative = negative
        self.scoreRange = scoreRange
        self.original = original
        self.positiveLabels = positiveLabels
        self.labelled = labelled
        self.scored = scored
        self.predictedPositive = predictedPositive
        self.order = order
    }

    /// The score column's numbers and validity.
    static func scores(_ dataset: Dataset, _ name: String) throws -> (values: [Double], validity: RowSet) {
        guard let column = dataset.column(named: name) else { throw TuttiError("there is no score column '\(name)'") }
        switch column.data {
        case .float(let values): return (values, column.validity)
        case .integer(let values): return (values.map(Double.init), column.validity)
        default: throw TuttiError("the score column '\(name)' holds \(column.kind.rawValue); a threshold needs numbers")
        }
    }

    /// Rows counted against the predictions at a cut: true and false positives and negatives.
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0
    }

    /// The counts of the rows of `rows` with a label and a score, against the predictions at the cut.
    public func confusion(within rows: RowSet) -> Counts {
        var confusion = Counts()
        for word in rows.words.indices {
            let measured = rows.words[word] & labelled.words[word] & scored.words[word]
            guard measured != 0 else { continue }
            let actual = positiveLabels.words[word], predicted = predictedPositive.words[word]
            confusion.truePositives &+= (measured & actual & predicted).nonzeroBitCount
            confusion.falsePositives &+= (measured & ~actual & predicted).nonzeroBitCount
            confusion.falseNegatives &+= (measured & actual & ~predicted).nonzeroBitCount
            confusion.trueNegatives &+= (measured & ~actual & ~predicted).nonzeroBitCount
        }
        return confusion
    }

    /// The re-derived prediction column: the loaded column's kind when both classes read as its
    /// values (integers, numbers, booleans), else a categorical column of the two classes (whose
    /// rows without a score hold the missing code, 2).
    func predictionColumn() -> Column {
        let rows = original.rowCount
        let predicted = predictedPositive, present = scored
        func values<T>(_ yes: T, _ no: T, missing: T? = nil) -> [T] {
            var result = [T](repeating: missing ?? no, count: rows)
            if missing != nil { present.forEachMember { result[$0] = no } }
            predicted.forEachMember { result[$0] = yes }
            return result
        }
        let data: ColumnData
        switch predictionKind {
        case .integer: data = .integer(values(Int64(positive)!, Int64(negative)!))
        case .float: data = .float(values(Double(positive)!, Double(negative)!))
        case .boolean: data = .boolean(values(Self.isTrue(positive), Self.isTrue(negative)))
        default: data = .categorical(codes: values(UInt32(1), UInt32(0), missing: 2), dictionary: StringTable([negative, positive]))
        }
        return Column(name: prediction, data: data, validity: present)
    }

    /// The kind of the re-derived prediction column: the loaded column's when both classes read
    /// as its values (integers, numbers, booleans), else categorical (codes 0 negative, 1 positive).
    var predictionKind: ColumnKind {
        switch original.kind {
        case .integer where Int64(positive) != nil && Int64(negative) != nil: .integer
        case .float where Double(positive) != nil && Double(negative) != nil: .float
        case .boolean: .boolean
        default: .categorical
        }
    }

    static func isTrue(_ text: String) -> Bool { text == "true" || text == "1" }

    /// A step that moves the cut in small, even amounts over the score's range: 0.01 for
    /// probabilities, else a hundredth of the range rounded to one significant digit.
    public var step: Double {
        if scoreRange.lowerBound >= 0, scoreRange.upperBound <= 1 { return 0.01 }
        let width = scoreRange.upperBound - scoreRange.lowerBound
        guard width > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(width / 100)))
        return (width / 100 / magnitude).rounded() * magnitude
    }

    /// The cut `steps` steps from `value`, kept within the score's range (0 to 1 for
    /// probabilities) and rounded to the step, so that stepping back and forth returns exactly.
    public func moved(by steps: Int) -> Double {
        let step = self.step
        let bounds = scoreRange.lowerBound >= 0 && scoreRange.upperBound <= 1 ? 0...1 : scoreRange
        let moved = min(max(((value / step).rounded() + Double(steps)) * step, bounds.lowerBound), bounds.upperBound)
        return (moved * 1e9).rounded() / 1e9
    }

    /// The cut a threshold starts at: 0.5 for probabilities, else the middle of the score's range.
    public var startingValue: Double {
        scoreRange.lowerBound >= 0 && scoreRange.upperBound <= 1 ? 0.5
            : (scoreRange.lowerBound + scoreRange.upperBound) / 2
    }
}

extension ScoreThreshold: Equatable {
    /// Thresholds are equal when they cut the same score at the same value for the same prediction.
    public static func == (lhs: ScoreThreshold, rhs: ScoreThreshold) -> Bool {
        lhs.value == rhs.value && lhs.score == rhs.score && lhs.prediction == rhs.prediction
    }
}
