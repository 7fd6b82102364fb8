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

    /// Counts given cell by cell: `filtered[l][p]` and `selected[l][p]` for label bin `l` and
    /// prediction bin `p`, the last row and column for missing values (`binCount + 1` of each).
    public init(labels: ColumnBinning, predictions: ColumnBinning, filtered: [[Int]], selected: [[Int]]) {
        let shape = { (cells: [[Int]]) in
            cells.count == labels.binCount + 1 && cells.allSatisfy { $0.count == predictions.binCount + 1 }
        }
        precondition(shape(filtered) && shape(selected), "one count per label bin and prediction bin, missing included")
        self.labels = labels
        self.predictions = predictions
        self.filtered = filtered
        self.selected = selected
    }

    /// The counts after the rows of `rows` moved from their bins in `predictions` to their bins in
    /// `recoded` (the same bins, other codes: a threshold step's flipped rows), visiting only those
    /// rows: a row outside `filter` changes nothing, a selected one moves in `selected` too. The
    /// same counts as counting `recoded` afresh.
    public func recounted(_ rows: ArraySlice<UInt32>, predictions recoded: ColumnBinning, filter: RowSet,
                          selection: RowSet?) -> ConfusionCounts {
        Self.recounted([self], rows, predictions: recoded, matrixOf: { _ in 0 }, filter: filter, selection: selection)[0]
    }

    /// `recounted` for the matrices of groups: `matrixOf(row)` is the matrix a row counts in (nil:
    /// none of them).
    public static func recounted(_ matrices: [ConfusionCounts], _ rows: ArraySlice<UInt32>, predictions recoded: ColumnBinning,
                                 matrixOf: (Int) -> Int?, filter: RowSet, selection: RowSet?) -> [ConfusionCounts] {
        guard let first = matrices.first else { return matrices }
        precondition(recoded.binCount == first.predictions.binCount, "recounting on other bins")
        var filtered = matrices.map(\.filtered), selected = matrices.map(\.selected)
        for row in rows.lazy.map(Int.init) where filter.contains(row) {
            guard let matrix = matrixOf(row) else { continue }
            let label = Int(first.labels.codes[row])
            let old = Int(first.predictions.codes[row]), new = Int(recoded.codes[row])
            filtered[matrix][label][old] -= 1
            filtered[matrix][label][new] += 1
            if selection?.contains(row) == true {
                selected[matrix][label][old] -= 1
                selected[matrix][label][new] += 1
            }
        }
        return matrices.indices.map {
            ConfusionCounts(labels: first.labels, predictions: recoded, filtered: filtered[$0], selected: selected[$0])
        }
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
