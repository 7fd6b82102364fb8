/// Per-class counts of a classification over some rows: for each class, the rows labelled it,
/// the rows predicted it, and the rows both (correct).
public struct ClassCounts: Sendable, Equatable {
    /// How many classes are counted (indexes `0..<classCount`, as in `ClassEncoding.classes`).
    public let classCount: Int
    /// Three counts per class: correct, labelled, predicted.
    private var counts: [Int]

    /// Zero counts for `classes` classes.
    public init(classes: Int) {
        classCount = classes
        counts = [Int](repeating: 0, count: classes * 3)
    }

    /// The counts of a binary task, from its confusion counts; `positive` is the positive
    /// class's index (0 or 1), the other class is the negative one.
    public init(binary c: BinaryConfusion, positive: Int) {
        self.init(classes: 2)
        let negative = 1 - positive
        counts[positive * 3] = c.truePositives
        counts[positive * 3 + 1] = c.truePositives + c.falseNegatives
        counts[positive * 3 + 2] = c.truePositives + c.falsePositives
        counts[negative * 3] = c.trueNegatives
        counts[negative * 3 + 1] = c.trueNegatives + c.falsePositives
        counts[negative * 3 + 2] = c.trueNegatives + c.falseNegatives
    }

    /// Counts given per class (equal lengths): the rows labelled and predicted it, labelled it,
    /// and predicted it — as a confusion matrix's diagonal, row sums and column sums give them.
    public init(correct: [Int], labelled: [Int], predicted: [Int]) {
        precondition(correct.count == labelled.count && labelled.count == predicted.count, "three counts per class")
        self.init(classes: correct.count)
        for index in correct.indices {
            counts[index * 3] = correct[index]
            counts[index * 3 + 1] = labelled[index]
            counts[index * 3 + 2] = predicted[index]
        }
    }

    /// Counts of `classes` classes laid out as this type keeps them: three per class (correct,
    /// labelled, predicted), class by class.
    init(classes: Int, counts: ArraySlice<Int>) {
        precondition(counts.count == classes * 3, "three counts per class")
        classCount = classes
        self.counts = Array(counts)
    }

    /// Counts one row with both a label and a prediction (class indexes).
    @inline(__always)
    public mutating func add(label: Int32, prediction: Int32) {
        if label == prediction { counts[Int(label) * 3] += 1 }
        counts[Int(label) * 3 + 1] += 1
        counts[Int(prediction) * 3 + 2] += 1
    }

    /// Rows of class `index` predicted as it.
    public func correct(_ index: Int) -> Int { counts[index * 3] }
    /// Rows labelled `index` (its support).
    public func labelled(_ index: Int) -> Int { counts[index * 3 + 1] }
    /// Rows predicted as `index`.
    public func predicted(_ index: Int) -> Int { counts[index * 3 + 2] }

    /// Macro averages over the classes present (labelled or predicted at least once; a class
    /// never predicted has precision 0, one never labelled recall 0); nil when no row was counted.
    public func macro() -> MacroScores? {
        var precision = 0.0, recall = 0.0, f1 = 0.0, present = 0
        for c in 0..<classCount {
            let hits = Double(correct(c)), labels = labelled(c), predictions = predicted(c)
            guard labels + predictions > 0 else { continue }
            present += 1
            if predictions > 0 { precision += hits / Double(predictions) }
            if labels > 0 { recall += hits / Double(labels) }
            f1 += 2 * hits / Double(labels + predictions)
        }
        guard present > 0 else { return nil }
        let n = Double(present)
        return MacroScores(precision: precision / n, recall: recall / n, f1: f1 / n)
    }
}
