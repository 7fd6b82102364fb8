/// Label × prediction counts: every cell counts the filtered rows and the selected ones.
/// Labels and predictions are binned like histograms (one bin per value for small integer
/// ranges and booleans, the most frequent classes plus "other" for categories); the last
/// row and column hold missing values.
public struct ConfusionCounts: Sendable, Equatable {
    /// The label's bins (rows of the matrix).
    public let labels: ColumnBinning
    /// The prediction's bins (columns of the matrix).
    public let predictions: ColumnBinning
    /// `filtered[l][p]`: filtered rows with label bin `l` and prediction bin `p`.
    public let filtered: [[Int]]
    /// `selected[l][p]`: the selected ones among them.
    public let selected: [[Int]]

    /// Counts in one pass over the filtered rows.
    public init(labels: ColumnBinning, predictions: ColumnBinning, filter: RowSet, selection: RowSet?) {
        self.labels = labels
        self.predictions = predictions
        let width = predictions.binCount + 1
        var filtered = [Int](repeating: 0, count: (labels.binCount + 1) * width)
        var selected = filtered
        labels.codes.withUnsafeBufferPointer { labelCodes in
            predictions.codes.withUnsafeBufferPointer { predictionCodes in
                let selectionWords = selection?.words
                for (word, bits) in filter.words.enumerated() {
                    var remaining = bits
                    var chosen = selectionWords.map { $0[word] & bits } ?? 0
                    let base = word << 6
                    while remaining != 0 {
                        let row = base + remaining.trailingZeroBitCount
                        filtered[Int(labelCodes[row]) * width + Int(predictionCodes[row])] += 1
                        remaining &= remaining &- 1
                    }
                    while chosen != 0 {
                        let row = base + chosen.trailingZeroBitCount
                        selected[Int(labelCodes[row]) * width + Int(predictionCodes[row])] += 1
                        chosen &= chosen &- 1
                    }
                }
            }
        }
        self.filtered = (0...labels.binCount).map { Array(filtered[($0 * width)..<(($0 + 1) * width)]) }
        self.selected = (0...labels.binCount).map { Array(selected[($0 * width)..<(($0 + 1) * width)]) }
    }

    /// The rows of cell (`label`, `prediction`), among all rows.
    public func rows(label: Int, prediction: Int) -> RowSet {
        labels.rows(in: label...label).intersection(predictions.rows(in: prediction...prediction))
    }

    /// The conditions that select cell (`label`, `prediction`), for the selection's source.
    public func predicates(label: Int, prediction: Int) -> [SlicePredicate] {
        Self.predicates(labels, bin: label) + Self.predicates(predictions, bin: prediction)
    }

    /// One bin as conditions: `== value` for a single value, `in (…)` for several, a lower and
    /// an upper bound for a numeric range.
    static func predicates(_ binning: ColumnBinning, bin: Int) -> [SlicePredicate] {
        let column = binning.column
        switch binning.range(of: bin...bin) {
        case .numeric(let lower, let upper, let includesUpper):
            if lower == upper { return [SlicePredicate(column: column, op: "==", value: NumberFormatting.shortest(lower))] }
            return [SlicePredicate(column: column, op: ">=", value: NumberFormatting.shortest(lower)),
                    SlicePredicate(column: column, op: includesUpper ? "<=" : "<", value: NumberFormatting.shortest(upper))]
        case .values(let values):
            let isBoolean: Bool
            if case .values(let names, _) = binning.scheme { isBoolean = names == ["false", "true"] } else { isBoolean = false }
            let literals = values.map { isBoolean ? $0 : SelectionExpression.quotedString($0) }
            return [literals.count == 1 ? SlicePredicate(column: column, op: "==", value: literals[0])
                                        : SlicePredicate(column: column, op: "in", value: "(" + literals.joined(separator: ", ") + ")")]
        }
    }
}
