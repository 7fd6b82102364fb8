/// The confusion pane: label × prediction counts of the filtered rows, with the selected ones.
enum ConfusionSection {
    /// Classes shown per axis before "other" (as in the pane).
    static let bins = 12

    static func make(state: ExplorerState) -> ReportSection {
        let heading = "Confusion matrix"
        guard let label = state.roles[.label], let prediction = state.roles[.prediction] else {
            return ReportSection(heading: heading, blocks: [.note("The confusion matrix needs label and prediction columns.")])
        }
        let counts: ConfusionCounts
        do {
            counts = ConfusionCounts(labels: try ColumnBinning(dataset: state.dataset, column: label, bins: bins),
                                     predictions: try ColumnBinning(dataset: state.dataset, column: prediction, bins: bins),
                                     filter: state.filter.rows, selection: state.selection?.rows)
        } catch {
            return ReportSection(heading: heading, blocks: [.note("Cannot count the confusion matrix: \(error).")])
        }
        let hasSelection = state.selection != nil
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
        return ReportSection(heading: heading, blocks: [
            .table(ReportTable(headers: headers, rows: rows, rightAligned: Set(1..<headers.count), caption: caption)),
        ])
    }

    private static func shownBins(_ binning: ColumnBinning, total: (Int) -> Int) -> [Int] {
        Array(0..<binning.binCount) + (total(binning.binCount) > 0 ? [binning.binCount] : [])
    }

    private static func cell(_ filtered: Int, _ selected: Int, _ hasSelection: Bool) -> String {
        ReportNumbers.count(filtered) + (hasSelection ? " (\(ReportNumbers.count(selected)))" : "")
    }
}
