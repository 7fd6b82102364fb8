/// The counts and sums a SQL engine returns for slice metrics: one `PairCounts` per slice, (label,
/// prediction) pair and calibration bin of the score, added up here into each slice's
/// `SliceMetrics` as `SliceEvaluator` counts rows in memory.
///
/// Counts are exact; sums of scores, losses and errors are the engine's, added in its order,
/// so means may differ from the in-memory ones in the last digits of a double.
public struct EngineSliceTally: Sendable {
    /// The rows of one slice sharing a (label, prediction) pair and a calibration bin.
    public struct PairCounts: Sendable {
        /// The slice (0-based).
        public let slice: Int
        /// The label and prediction as text (`Column.text(at:)` form; nil for missing), or
        /// empty for a task without classes.
        public let pair: [String?]
        /// The score's calibration bin (`CalibrationBins.bin(of:)`), nil without a score.
        public let scoreBin: Int?
        /// Rows; rows with a score and their sum; rows with a loss and their sum.
        public let count: Int, scoreCount: Int, scoreSum: Double, lossCount: Int, lossSum: Double
        /// Regression: rows with a label and a prediction, and the sums of |error|, error²,
        /// error, label − center and (label − center)² over them.
        public let regression: [Double]

        /// One group's counts and sums (see the properties).
        public init(slice: Int, pair: [String?], scoreBin: Int?, count: Int, scoreCount: Int, scoreSum: Double,
                    lossCount: Int, lossSum: Double, regression: [Double]) {
            self.slice = slice
            self.pair = pair
            self.scoreBin = scoreBin
            self.count = count
            self.scoreCount = scoreCount
            self.scoreSum = scoreSum
            self.lossCount = lossCount
            self.lossSum = lossSum
            self.regression = regression
        }

        /// The same counts in slice `slice`.
        public func moved(to slice: Int) -> PairCounts {
            PairCounts(slice: slice, pair: pair, scoreBin: scoreBin, count: count, scoreCount: scoreCount, scoreSum: scoreSum,
                  lossCount: lossCount, lossSum: lossSum, regression: regression)
        }
    }

    /// The task the groups are measured for.
    public let task: EngineSliceTask

    /// A tally for `task`.
    public init(task: EngineSliceTask) {
        self.task = task
    }

    /// The metrics of `sliceCount` slices from `groups`, shares taken of `filteredCount` rows.
    /// Throws when a pair is one the task has no classes for (the table changed in between).
    public func metrics(_ groups: [PairCounts], sliceCount: Int, filteredCount: Int) throws -> [SliceMetrics] {
        var slices = [SliceSums](repeating: SliceSums(classCount: classCount), count: sliceCount)
        for group in groups where group.slice >= 0 && group.slice < sliceCount {
            try add(group, to: &slices[group.slice])
        }
        return slices.map { metrics($0, filteredCount: filteredCount) }
    }

    private var evaluator: SliceEvaluator { task.evaluator }
    private var isBinary: Bool { evaluator.classes?.isBinary == true }
    private var classCount: Int { evaluator.classes.map { $0.isBinary ? 0 : $0.classes.count } ?? 0 }

    /// One slice's counts so far.
    private struct SliceSums {
        var size = 0, classified = 0, correct = 0
        var confusion = BinaryConfusion()
        var correctOf: [Int], labelled: [Int], predicted: [Int]
        var scoreCount = 0, scoreSum = 0.0, lossCount = 0, lossSum = 0.0
        var calibrationCounts = [Int](repeating: 0, count: CalibrationBins.binCount)
        var calibrationSums = [Double](repeating: 0, count: CalibrationBins.binCount)
        var calibrationPositives = [Int](repeating: 0, count: CalibrationBins.binCount)
        var regression = RegressionSums()

        init(classCount: Int) {
            correctOf = [Int](repeating: 0, count: classCount)
            labelled = correctOf
            predicted = correctOf
        }
    }

    private func add(_ group: PairCounts, to slice: inout SliceSums) throws {
        let n = group.count
        slice.size += n
        slice.scoreCount += group.scoreCount
        slice.scoreSum += group.scoreSum
        slice.lossCount += group.lossCount
        slice.lossSum += group.lossSum
        if group.regression.count == 6 {
            var sums = RegressionSums()
            sums.count = Int(group.regression[0])
            sums.absoluteSum = group.regression[1]
            sums.squaredSum = group.regression[2]
            sums.errorSum = group.regression[3]
            sums.labelSum = group.regression[4]
            sums.labelSquaredSum = group.regression[5]
            slice.regression.merge(sums)
        }
        guard let classes = evaluator.classes else { return }
        guard let (label, prediction) = task.classOfPair[group.pair] else {
            throw TuttiError("the database returned a label and prediction it had not listed; the table changed while read")
        }
        guard label >= 0, prediction >= 0 else { return }
        slice.classified += n
        if label == prediction { slice.correct += n }
        if let positive = classes.positive.map(Int32.init) {
            switch (label == positive, prediction == positive) {
            case (true, true): slice.confusion.truePositives += n
            case (true, false): slice.confusion.falseNegatives += n
            case (false, true): slice.confusion.falsePositives += n
            case (false, false): slice.confusion.trueNegatives += n
            }
            if let bin = group.scoreBin, (0..<CalibrationBins.binCount).contains(bin) {
                slice.calibrationCounts[bin] += group.scoreCount
                slice.calibrationSums[bin] += group.scoreSum
                if label == positive { slice.calibrationPositives[bin] += group.scoreCount }
            }
        } else {
            if label == prediction { slice.correctOf[Int(label)] += n }
            slice.labelled[Int(label)] += n
            slice.predicted[Int(prediction)] += n
        }
    }

    private func metrics(_ slice: SliceSums, filteredCount: Int) -> SliceMetrics {
        let hasScore = evaluator.availableMetrics.contains(.meanScore)
        let hasLoss = evaluator.availableMetrics.contains(.meanLoss)
        return SliceMetrics(
            size: slice.size, share: filteredCount > 0 ? Double(slice.size) / Double(filteredCount) : 0, selected: 0,
            classified: evaluator.classes == nil ? nil : slice.classified, correct: slice.correct,
            confusion: isBinary ? slice.confusion : nil,
            multiClassCounts: classCount > 0
                ? ClassCounts(correct: slice.correctOf, labelled: slice.labelled, predicted: slice.predicted) : nil,
            scoreCount: hasScore ? slice.scoreCount : nil, scoreSum: slice.scoreSum,
            lossCount: hasLoss ? slice.lossCount : nil, lossSum: slice.lossSum,
            calibration: hasScore && isBinary
                ? CalibrationBins(counts: slice.calibrationCounts, scoreSums: slice.calibrationSums,
                                  positives: slice.calibrationPositives) : nil,
            regression: evaluator.regression == nil ? nil : slice.regression)
    }
}
