/// Precision, recall and F1 averaged over classes.
public struct AveragedScores: Sendable, Equatable {
    public let precision: Double
    public let recall: Double
    public let f1: Double
}

/// One class's precision, recall, F1 and support; a ratio without rows to measure it on (a
/// precision of a class never predicted) is nil.
public struct ClassScores: Sendable, Equatable {
    /// The class, as `ClassEncoding.classes` spells it.
    public let name: String
    public let precision: Double?
    public let recall: Double?
    public let f1: Double?
    /// Rows labelled with the class.
    public let support: Int
    /// Rows predicted as the class.
    public let predicted: Int
}

/// Per-class metrics of a classification, as scikit-learn's `classification_report` gives them:
/// each class's precision, recall, F1 and support, and their macro, micro and weighted averages.
///
/// Averages follow scikit-learn's defaults: macro is the plain mean over the classes present
/// (labelled or predicted at least once), weighted the mean weighted by support, and a ratio
/// without rows counts as 0 in both; micro pools the counts, so that with one label per row its
/// precision, recall and F1 all equal the accuracy.
public struct PerClassMetrics: Sendable, Equatable {
    /// Every class of the encoding, in its order (absent ones with support 0).
    public let classes: [ClassScores]
    /// The averages; nil when no row has both a label and a prediction.
    public let macro: AveragedScores?
    public let micro: AveragedScores?
    public let weighted: AveragedScores?
    /// Rows with both a label and a prediction.
    public let support: Int

    /// The per-class metrics of `metrics` (a slice measured by an evaluator with `classes`);
    /// nil when the metrics hold no classification.
    public init?(metrics: SliceMetrics, classes: ClassEncoding) {
        let counts: ClassCounts
        if let multi = metrics.multiClassCounts {
            counts = multi
        } else if let confusion = metrics.confusion, let positive = classes.positive, classes.classes.count == 2 {
            counts = ClassCounts(binary: confusion, positive: positive)
        } else if let confusion = metrics.confusion, let positive = classes.positive {
            // One class against the rest of several: the rest is one class here.
            self.init(counts: ClassCounts(binary: confusion, positive: 1), names: ["not " + classes.classes[positive],
                                                                                    classes.classes[positive]])
            return
        } else {
            return nil
        }
        self.init(counts: counts, names: classes.classes)
    }

    /// The per-class metrics of `counts`, whose classes are called `names`.
    public init(counts: ClassCounts, names: [String]) {
        precondition(counts.classCount == names.count, "a name for every class")
        var classes: [ClassScores] = []
        var sums = (precision: 0.0, recall: 0.0, f1: 0.0), weightedSums = sums
        var present = 0, support = 0, correct = 0
        for index in 0..<counts.classCount {
            let hits = counts.correct(index), labelled = counts.labelled(index), predicted = counts.predicted(index)
            let precision = predicted > 0 ? Double(hits) / Double(predicted) : nil
            let recall = labelled > 0 ? Double(hits) / Double(labelled) : nil
            let f1 = labelled + predicted > 0 ? 2 * Double(hits) / Double(labelled + predicted) : nil
            classes.append(ClassScores(name: names[index], precision: precision, recall: recall, f1: f1, support: labelled,
                                       predicted: predicted))
            support += labelled
            correct += hits
            guard labelled + predicted > 0 else { continue }
            present += 1
            sums.precision += precision ?? 0
            sums.recall += recall ?? 0
            sums.f1 += f1 ?? 0
            let weight = Double(labelled)
            weightedSums.precision += weight * (precision ?? 0)
            weightedSums.recall += weight * (recall ?? 0)
            weightedSums.f1 += weight * (f1 ?? 0)
        }
        self.classes = classes
        self.support = support
        guard support > 0 else {
            macro = nil
            micro = nil
            weighted = nil
            return
        }
        let n = Double(present), total = Double(support)
        macro = AveragedScores(precision: sums.precision / n, recall: sums.recall / n, f1: sums.f1 / n)
        let accuracy = Double(correct) / total
        micro = AveragedScores(precision: accuracy, recall: accuracy, f1: accuracy)
        weighted = AveragedScores(precision: weightedSums.precision / total, recall: weightedSums.recall / total,
                                  f1: weightedSums.f1 / total)
    }
}
