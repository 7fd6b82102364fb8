/// The confusion pane: label × prediction counts of the filtered rows, with the selected ones;
/// with group columns, one matrix per group of the first (as the pane shows them), each under a
/// sub-heading with the group's condition and its row count.
enum ConfusionSection {
    /// Classes shown per axis before "other" (as in the pane).
    static let bins = 12

    static func make(state: ExplorerState) -> ReportSection {
        let heading = "Confusion matrix"
        guard let label = state.roles[.label], let prediction = state.roles[.prediction] else {
            return ReportSection(heading: heading, blocks: [.note("The confusion matrix needs label and prediction columns.")])
        }
        let filter = state.filter.rows, selection = state.selection?.rows
        var blocks: [ReportBlock] = []
        do {
            let labels = try ColumnBinning(dataset: state.dataset, column: label, bins: bins)
            let predictions = try ColumnBinning(dataset: state.dataset, column: prediction, bins: bins)
            guard let column = state.groupColumns.first else {
                let counts = ConfusionCounts(labels: labels, predictions: predictions, filter: filter, selection: selection)
                return ReportSection(heading: heading, blocks: [.table(table(counts, hasSelection: selection != nil))])
            }
            let split = try GroupSplit(dataset: state.dataset, column: column, filter: filter)
            let all = ConfusionCounts.grouped(labels: labels, predictions: predictions, by: split.feature, filter: filter,
                                              selection: selection)
            let shown = split.groups.count, groups = shown + split.omitted
            blocks.append(.paragraph([.plain("One matrix per value of "), .code(column),
                                      .plain(groups == shown ? " (\(shown) \(shown == 1 ? "group" : "groups"))."
                                                             : " (the largest \(shown) of \(groups) groups).")]))
            for group in split.groups {
                var size = ": " + NumberFormatting.rows(group.rows.count)
                if let selection { size += ", \(NumberFormatting.grouped(group.rows.intersectionCount(selection))) selected" }
                blocks.append(.subheading([.code(SliceReport.expression(group.predicates)), .plain(size)]))
                blocks.append(.table(table(all[group.value], hasSelection: selection != nil)))
            }
        } catch {
            return ReportSection(heading: heading, blocks: [.note("Cannot count the confusion matrix: \(error).")])
        }
        return ReportSection(heading: heading, blocks: blocks)
    }

    /// One matrix: a row per label, a column per prediction, and the totals.
    private static func table(_ counts: ConfusionCounts, hasSelection: Bool) -> ReportTable {
        let label = counts.labels.column, prediction = counts.predictions.column
        // Show the missing row and column only when they hold rows.
        let labelBins = shownBins(counts.labels) { l in counts.filtered[l].reduce(0, +) }
        let predictionBins = shownBins(counts.predictions) { p in counts.filtered.reduce(0) { $0 + $1[p] } }
        let name = { (binning: ColumnBinning, bin: Int) in bin < binning.binCount ? binning.labels[bin] : "missing" }
        let headers = ["\(label) ╲ \(prediction)"] + predictionBins.map { name(counts.predictions, $0) } + ["total"]
        let rows = labelBins.map { l -> [String] in
            let cells = predictionBins.map { p in cell(counts.filtered[l][p], counts.selected[l][p], hasSelection) }
            let total = counts.filtered[l].reduce(0, +), selected = counts.selected[l].reduce(0, +)
            return [name(counts.labels, l)] + cells + [cell(total, selected, hasSelection)]
        }
        let caption = "Rows: the label (\(label)); columns: the prediction (\(prediction)); filtered rows only"
            + (hasSelection ? "; in parentheses, the selected rows among them." : ".")
        return ReportTable(headers: headers, rows: rows, rightAligned: Set(1..<headers.count), caption: caption)
    }

    private static func shownBins(_ binning: ColumnBinning, total: (Int) -> Int) -> [Int] {
        Array(0..<binning.binCount) + (total(binning.binCount) > 0 ? [binning.binCount] : [])
    }

    private static func cell(_ filtered: Int, _ selected: Int, _ hasSelection: Bool) -> String {
        NumberFormatting.grouped(filtered) + (hasSelection ? " (\(NumberFormatting.grouped(selected)))" : "")
    }
}
