/// What a slice tally counts for each row, worked out once per evaluator: an outcome byte (was
/// the row classified, right or wrong, positive or negative) and a score byte (has it a score,
/// and in which calibration bin). Counting a slice then adds 1 to two table cells per row, with
/// no comparison of classes and no conversion of scores.
struct SliceRowCodes: Sendable {
    /// Outcome cells: no label or no prediction.
    static let unmeasured: UInt8 = 0
    /// Binary tasks: label and prediction positive.
    static let truePositive: UInt8 = 1
    /// Binary tasks: a positive label predicted negative.
    static let falseNegative: UInt8 = 2
    /// Binary tasks: a negative label predicted positive.
    static let falsePositive: UInt8 = 3
    /// Predicted right, and not a true positive (multi-class tasks: every row predicted right).
    static let rightNegative: UInt8 = 4
    /// Predicted wrong, and neither a false negative nor a false positive (a binary task of one
    /// class against the rest: one negative class taken for another; multi-class tasks: every
    /// row predicted wrong).
    static let wrongNegative: UInt8 = 5
    /// The number of outcome cells.
    static let outcomeCount = 6

    /// Score cells: no score.
    static let noScore: UInt8 = 0
    /// A score that is in no calibration bin (a row not classified, a NaN, a task without a
    /// positive class).
    static let uncalibratedScore: UInt8 = 1
    /// The number of score cells: the two above, then `2 + 2 × bin + (label positive ? 1 : 0)`.
    static let scoreCellCount = 2 + 2 * CalibrationBins.binCount

    /// The outcome cell of each row (all `unmeasured` without classes).
    let outcomes: [UInt8]
    /// The score cell of each row (all `noScore` without a score).
    let scoreCells: [UInt8]

    /// The codes of `rowCount` rows whose labels and predictions are `classes` (nil without
    /// classes) and whose scores are `score` with its validity (nil without a score).
    init(rowCount: Int, classes: ClassEncoding?, score: (values: [Double], validity: RowSet)?) {
        var outcomes = [UInt8](repeating: Self.unmeasured, count: rowCount)
        if let classes {
            let positive = classes.positive.map(Int32.init) ?? -2
            classes.labels.withUnsafeBufferPointer { labels in
                classes.predictions.withUnsafeBufferPointer { predictions in
                    for row in 0..<rowCount {
                        let label = labels[row], prediction = predictions[row]
                        guard label >= 0, prediction >= 0 else { continue }
                        outcomes[row] = switch (label == positive, prediction == positive) {
                        case (true, true): Self.truePositive
                        case (true, false): Self.falseNegative
                        case (false, true): Self.falsePositive
                        case (false, false): label == prediction ? Self.rightNegative : Self.wrongNegative
                        }
                    }
                }
            }
        }
        var scoreCells = [UInt8](repeating: Self.noScore, count: rowCount)
        if let score {
            let calibrates = classes?.isBinary == true
            score.validity.forEachMember { row in
                let outcome = outcomes[row]
                guard calibrates, outcome != Self.unmeasured, let bin = CalibrationBins.bin(of: score.values[row]) else {
                    scoreCells[row] = Self.uncalibratedScore
                    return
                }
                let labelPositive: UInt8 = outcome == Self.truePositive || outcome == Self.falseNegative ? 1 : 0
                scoreCells[row] = 2 + 2 * UInt8(bin) + labelPositive
            }
        }
        self.outcomes = outcomes
        self.scoreCells = scoreCells
    }
}

extension SliceRowCodes {
    /// The rows whose outcome cell is one of `cells`.
    func rows(withOutcome cells: UInt8...) -> RowSet {
        var wanted = [UInt64](repeating: 0, count: Self.outcomeCount)
        for cell in cells { wanted[Int(cell)] = 1 }
        var words = [UInt64](repeating: 0, count: (outcomes.count + 63) >> 6)
        outcomes.withUnsafeBufferPointer { outcomes in
            wanted.withUnsafeBufferPointer { wanted in
                for row in outcomes.indices {
                    words[row >> 6] |= wanted[Int(outcomes[row])] << UInt64(row & 63)
                }
            }
        }
        return RowSet(rowCount: outcomes.count, words: words)
    }
}
