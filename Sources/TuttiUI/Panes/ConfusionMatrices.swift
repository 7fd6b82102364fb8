import TuttiCore

/// What the confusion pane shows: one matrix of the filtered rows, or, with group columns, one
/// per group of the first, and how a cell of a group turns into a selection.
struct ConfusionMatrices {
    let labels: ColumnBinning
    let predictions: ColumnBinning
    /// The groups, when the rows are split by a group column.
    let split: GroupSplit?
    /// One matrix per group, in the groups' order (one in all without groups).
    let counts: [ConfusionCounts]

    /// Counts the filtered (and selected) rows of `state`, per group of its first group column.
    init(state: ExplorerState, labels: ColumnBinning, predictions: ColumnBinning) throws {
        self.labels = labels
        self.predictions = predictions
        let filter = state.filter.rows, selection = state.selection?.rows
        guard let column = state.groupColumns.first else {
            split = nil
            counts = [ConfusionCounts(labels: labels, predictions: predictions, filter: filter, selection: selection)]
            return
        }
        let split = try GroupSplit(dataset: state.dataset, column: column, filter: filter)
        let all = ConfusionCounts.grouped(labels: labels, predictions: predictions, by: split.feature, filter: filter,
                                          selection: selection)
        self.split = split
        counts = split.groups.map { all[$0.value] }
    }

    private init(labels: ColumnBinning, predictions: ColumnBinning, split: GroupSplit?, counts: [ConfusionCounts]) {
        self.labels = labels
        self.predictions = predictions
        self.split = split
        self.counts = counts
    }

    /// The matrices after a threshold step moved the rows of `rows` to their bins in `recoded`
    /// (the prediction bins at the new cut), visiting only those rows; the groups stay (the group
    /// column must not read the predictions).
    func recounted(_ rows: ArraySlice<UInt32>, predictions recoded: ColumnBinning, filter: RowSet,
                   selection: RowSet?) -> ConfusionMatrices {
        guard let split else {
            return ConfusionMatrices(labels: labels, predictions: recoded, split: nil,
                                     counts: [counts[0].recounted(rows, predictions: recoded, filter: filter, selection: selection)])
        }
        var slot = [Int?](repeating: nil, count: split.feature.valueCount)
        for (index, group) in split.groups.enumerated() { slot[group.value] = index }
        let codes = split.feature.codes
        let counted = ConfusionCounts.recounted(counts, rows, predictions: recoded, matrixOf: { row in
            codes[row] == SliceFeature.noValue ? nil : slot[Int(codes[row])]
        }, filter: filter, selection: selection)
        return ConfusionMatrices(labels: labels, predictions: recoded, split: split, counts: counted)
    }

    /// The rows of a cell of group `group`, among all rows.
    func rows(group: Int, label: Int, prediction: Int) -> RowSet {
        let cell = counts[group].rows(label: label, prediction: prediction)
        guard let split else { return cell }
        return cell.intersection(split.feature.rows(of: split.groups[group].value))
    }

    /// The conditions selecting that cell: the group's, then the label's and the prediction's.
    func predicates(group: Int, label: Int, prediction: Int) -> [SlicePredicate] {
        (split?.groups[group].predicates ?? []) + counts[group].predicates(label: label, prediction: prediction)
    }
}
