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
        self = Self.counts(labels: labels, predictions: predictions, groups: nil, filter: filter, selection: selection)[0]
    }

    /// Counts made elsewhere (a SQL engine's `GROUP BY` of the label and prediction bins):
    /// `filtered[l][p]` and `selected[l][p]` for every label bin and prediction bin, missing last.
    public init(labels: ColumnBinning, predictions: ColumnBinning, filtered: [[Int]], selected: [[Int]]) {
        self.labels = labels
        self.predictions = predictions
        self.filtered = filtered
        self.selected = selected
    }

    private init(labels: ColumnBinning, predictions: ColumnBinning, filtered: ArraySlice<Int>, selected: ArraySlice<Int>) {
        self.labels = labels
        self.predictions = predictions
        let width = predictions.binCount + 1, base = filtered.startIndex
        self.filtered = (0...labels.binCount).map { Array(filtered[(base + $0 * width)..<(base + ($0 + 1) * width)]) }
        self.selected = (0...labels.binCount).map { Array(selected[(base + $0 * width)..<(base + ($0 + 1) * width)]) }
    }

    /// Counts per value of `groups` (a group column cut into values, like `split` or `age` in
    /// bins): `result[v]` counts the filtered rows whose value is `v`, in one pass over them.
    public static func grouped(labels: ColumnBinning, predictions: ColumnBinning, by groups: SliceFeature, filter: RowSet,
                               selection: RowSet?) -> [ConfusionCounts] {
        counts(labels: labels, predictions: predictions, groups: groups, filter: filter, selection: selection)
    }

    /// One matrix per value of `groups`, or one for all rows without groups.
    private static func counts(labels: ColumnBinning, predictions: ColumnBinning, groups: SliceFeature?, filter: RowSet,
                               selection: RowSet?) -> [ConfusionCounts] {
        let width = predictions.binCount + 1, cells = (labels.binCount + 1) * width
        let groupCount = groups?.valueCount ?? 1
        var filtered = [Int](repeating: 0, count: groupCount * cells)
        var selected = filtered
        let groupCodes = groups?.codes ?? []
        labels.codes.withUnsafeBufferPointer { labelCodes in
            predictions.codes.withUnsafeBufferPointer { predictionCodes in
                @inline(__always)
                func cell(_ row: Int) -> Int? {
                    var base = 0
                    if groups != nil {
                        let group = groupCodes[row]
                        guard group != SliceFeature.noValue else { return nil }
                        base = Int(group) * cells
                    }
                    return base + Int(labelCodes[row]) * width + Int(predictionCodes[row])
                }
                let selectionWords = selection?.words
                for (word, bits) in filter.words.enumerated() {
                    var remaining = bits
                    var chosen = selectionWords.map { $0[word] & bits } ?? 0
                    let base = word << 6
                    while remaining != 0 {
                        if let index = cell(base + remaining.trailingZeroBitCount) { filtered[index] += 1 }
                        remaining &= remaining &- 1
                    }
                    while chosen != 0 {
                        if let index = cell(base + chosen.trailingZeroBitCount) { selected[index] += 1 }
                        chosen &= chosen &- 1
                    }
                }
            }
        }
        return (0..<groupCount).map { group in
            let range = (group * cells)..<((group + 1) * cells)
            return ConfusionCounts(labels: labels, predictions: predictions, filtered: filtered[range], selected: selected[range])
        }
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
            if lower == upper { return [SlicePredicate(column: column, op: "==", value: binning.literal(lower))] }
            return [SlicePredicate(column: column, op: ">=", value: binning.literal(lower)),
                    SlicePredicate(column: column, op: includesUpper ? "<=" : "<", value: binning.literal(upper))]
        case .values(let values):
            let isBoolean: Bool
            if case .values(let names, _) = binning.scheme { isBoolean = names == ["false", "true"] } else { isBoolean = false }
            let literals = values.map { isBoolean ? $0 : SelectionExpression.quotedString($0) }
            return [literals.count == 1 ? SlicePredicate(column: column, op: "==", value: literals[0])
                                        : SlicePredicate(column: column, op: "in", value: "(" + literals.joined(separator: ", ") + ")")]
        }
    }
}
