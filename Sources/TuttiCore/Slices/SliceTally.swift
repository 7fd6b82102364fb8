/// The counts and sums behind the metrics of many slices of one evaluator's rows, in flat
/// tables with one stretch of cells per slice. One pass over the rows fills them (two halves on
/// two cores for large row sets, added up in a fixed order so the sums do not depend on the
/// machine): per row, 1 is added to the cells of its outcome and of its score (`SliceRowCodes`)
/// and the score and loss are added to the slice's sums, with no closure, dictionary or
/// conversion of numbers.
struct SliceTally {
    /// The columns counted: an evaluator's row codes and the columns they do not cover.
    struct Columns: Sendable {
        let codes: SliceRowCodes
        /// The score of each row (meaningful where its score cell is not `noScore`).
        let scores: [Double]
        /// The loss of each row and the rows that have one (nil without a loss).
        let loss: (values: [Double], validity: RowSet)?
        /// The classes of label and prediction of each row, for per-class counts (multi-class tasks).
        let classes: ClassEncoding?
        /// The classes counted one by one: those of a multi-class task, else 0.
        let classCount: Int
        /// The regression task, for its sums.
        let regression: RegressionTask?
    }

    /// Row sets of at least this many words are counted in two halves at once.
    static let parallelWords = 2048

    /// Count cells per slice: the outcome cells, the score cells, then these, then three per
    /// counted class (correct, labelled, predicted, as in `ClassCounts`).
    private static let scoreCells = SliceRowCodes.outcomeCount
    private static let selectedCell = scoreCells + SliceRowCodes.scoreCellCount
    private static let lossCountCell = selectedCell + 1
    private static let classCells = lossCountCell + 1
    /// Sum cells per slice: all scores, the scores of each calibration bin, the losses.
    private static let scoreSum = 0
    private static let calibrationSums = 1
    private static let lossSum = calibrationSums + CalibrationBins.binCount
    private static let sumStride = lossSum + 1

    let groupCount: Int
    private let countStride: Int
    private var counts: [Int]
    private var sums: [Double]
    private var regressionSums: [RegressionSums]

    /// Empty tables for `groupCount` slices.
    private init(groupCount: Int, classCount: Int, regression: Bool) {
        self.groupCount = groupCount
        countStride = Self.classCells + 3 * classCount
        counts = [Int](repeating: 0, count: groupCount * countStride)
        sums = [Double](repeating: 0, count: groupCount * Self.sumStride)
        regressionSums = [RegressionSums](repeating: RegressionSums(), count: regression ? groupCount : 0)
    }

    /// Counts the rows of `rows` into `groupCount` slices, each row into the slice `groups`
    /// gives it (none when negative); `selection` gives the selected counts.
    static func count<Groups: SliceGroupOfRow>(_ columns: Columns, rows: RowSet, groups: Groups, groupCount: Int,
                                               selection: RowSet?) -> SliceTally {
        let wordCount = rows.words.count
        let parts = wordCount >= parallelWords ? 2 : 1
        let tallies = ResultSlots<SliceTally>.collect(count: parts) { part in
            var tally = SliceTally(groupCount: groupCount, classCount: columns.classCount,
                                   regression: columns.regression != nil)
            tally.add(columns, rows: rows, words: (part * wordCount / parts)..<((part + 1) * wordCount / parts),
                      groups: groups, selection: selection)
            return tally
        }
        var total = tallies[0]
        for part in tallies.dropFirst() { total.merge(part) }
        return total
    }

    /// Adds the rows of `rows` in the words `words`.
    private mutating func add<Groups: SliceGroupOfRow>(_ columns: Columns, rows: RowSet, words: Range<Int>, groups: Groups,
                                                       selection: RowSet?) {
        let countStride = countStride, classCount = columns.classCount, regression = columns.regression
        let noWords = [UInt64](repeating: 0, count: rows.words.count)
        let lossValues = columns.loss?.values ?? [], lossWords = columns.loss?.validity.words ?? noWords
        let hasLoss = columns.loss != nil
        let measuredWords = regression?.measured.words ?? noWords
        let labels = columns.classes?.labels ?? [], predictions = columns.classes?.predictions ?? []
        counts.withUnsafeMutableBufferPointer { counts in
        sums.withUnsafeMutableBufferPointer { sums in
        regressionSums.withUnsafeMutableBufferPointer { regressionSums in
        columns.codes.outcomes.withUnsafeBufferPointer { outcomes in
        columns.codes.scoreCells.withUnsafeBufferPointer { scoreCells in
        columns.scores.withUnsafeBufferPointer { scores in
        rows.words.withUnsafeBufferPointer { rowWords in
        (selection?.words ?? noWords).withUnsafeBufferPointer { selectedWords in
            for word in words {
                var bits = rowWords[word]
                guard bits != 0 else { continue }
                let selected = selectedWords[word], losses = lossWords[word], measured = measuredWords[word]
                let base = word << 6
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    bits &= bits &- 1
                    let row = base | bit
                    let group = groups.group(row)
                    guard group >= 0 else { continue }
                    let cells = counts.baseAddress! + group * countStride
                    let groupSums = sums.baseAddress! + group * Self.sumStride
                    let outcome = Int(outcomes[row]), scoreCell = Int(scoreCells[row])
                    cells[outcome] &+= 1
                    cells[Self.scoreCells + scoreCell] &+= 1
                    cells[Self.selectedCell] &+= Int(truncatingIfNeeded: selected >> UInt64(bit) & 1)
                    if scoreCell != Int(SliceRowCodes.noScore) {
                        let score = scores[row]
                        groupSums[Self.scoreSum] += score
                        if scoreCell > Int(SliceRowCodes.uncalibratedScore) {
                            groupSums[Self.calibrationSums + (scoreCell - 2) >> 1] += score
                        }
                    }
                    if hasLoss, losses >> UInt64(bit) & 1 != 0 {
                        cells[Self.lossCountCell] &+= 1
                        groupSums[Self.lossSum] += lossValues[row]
                    }
                    if classCount > 0, outcome != Int(SliceRowCodes.unmeasured) {
                        let label = Self.classCells + 3 * Int(labels[row])
                        let prediction = Self.classCells + 3 * Int(predictions[row])
                        if label == prediction { cells[label] &+= 1 }
                        cells[label + 1] &+= 1
                        cells[prediction + 2] &+= 1
                    }
                    if let regression, measured >> UInt64(bit) & 1 != 0 {
                        regression.add(row, to: &regressionSums[group])
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
    }

    /// Adds the counts and sums of `other` (of other rows, same slices).
    private mutating func merge(_ other: SliceTally) {
        for index in counts.indices { counts[index] &+= other.counts[index] }
        for index in sums.indices { sums[index] += other.sums[index] }
        for index in regressionSums.indices { regressionSums[index].merge(other.regressionSums[index]) }
    }

    /// The metrics of slice `group` under an evaluator's roles: `classes`, whether it has a
    /// score, a loss, a regression task; its share is taken of `filteredCount` rows.
    func metrics(_ group: Int, columns: Columns, hasScore: Bool, filteredCount: Int) -> SliceMetrics {
        let cells = counts[(group * countStride)..<((group + 1) * countStride)]
        let groupSums = sums[(group * Self.sumStride)..<((group + 1) * Self.sumStride)]
        let cell = { (index: Int) in cells[cells.startIndex + index] }
        let sum = { (index: Int) in groupSums[groupSums.startIndex + index] }
        let outcome = { (code: UInt8) in cell(Int(code)) }
        let size = (0..<SliceRowCodes.outcomeCount).reduce(0) { $0 + cell($1) }
        let classified = size - outcome(SliceRowCodes.unmeasured)
        let isBinary = columns.classes?.isBinary == true
        let confusion = BinaryConfusion(
            truePositives: outcome(SliceRowCodes.truePositive), falsePositives: outcome(SliceRowCodes.falsePositive),
            falseNegatives: outcome(SliceRowCodes.falseNegative),
            trueNegatives: outcome(SliceRowCodes.rightNegative) + outcome(SliceRowCodes.wrongNegative))
        var calibration: CalibrationBins?
        if hasScore, isBinary {
            let bins = 0..<CalibrationBins.binCount
            let negatives = bins.map { cell(Self.scoreCells + 2 + 2 * $0) }
            let positives = bins.map { cell(Self.scoreCells + 3 + 2 * $0) }
            calibration = CalibrationBins(counts: zip(negatives, positives).map { $0 + $1 },
                                          scoreSums: bins.map { sum(Self.calibrationSums + $0) }, positives: positives)
        }
        let classCells = (group * countStride + Self.classCells)..<((group + 1) * countStride)
        return SliceMetrics(
            size: size, share: filteredCount > 0 ? Double(size) / Double(filteredCount) : 0,
            selected: cell(Self.selectedCell), classified: columns.classes == nil ? nil : classified,
            correct: outcome(SliceRowCodes.truePositive) + outcome(SliceRowCodes.rightNegative),
            confusion: isBinary ? confusion : nil,
            multiClassCounts: columns.classCount > 0 ? ClassCounts(classes: columns.classCount, counts: counts[classCells]) : nil,
            scoreCount: hasScore ? size - cell(Self.scoreCells + Int(SliceRowCodes.noScore)) : nil,
            scoreSum: sum(Self.scoreSum),
            lossCount: columns.loss == nil ? nil : cell(Self.lossCountCell), lossSum: sum(Self.lossSum),
            calibration: calibration, regression: columns.regression == nil ? nil : regressionSums[group])
    }
}
