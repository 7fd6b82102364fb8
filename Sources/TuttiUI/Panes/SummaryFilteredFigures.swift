import TuttiCore

/// The summary pane's figures of the rows that pass a filter, for some columns: each one's
/// summary (quantiles, distinct counts, top values) and its sparkline's counts. The costly part
/// of a filter change at a million rows, so computed in the background (`SummaryFiltering`).
struct SummaryFilteredFigures: Sendable {
    /// The data the figures are of.
    let dataset: Dataset
    /// The rows that pass the filter, and how many they are.
    let rows: RowSet
    let count: Int
    /// Summaries by column index.
    private(set) var summaries: [Int: ColumnSummary] = [:]
    /// Sparkline counts by column index: filtered rows per bin of a sparkline `width` cells wide.
    private(set) var sparklines: [Int: (width: Int, counts: [Int])] = [:]

    /// No figures yet for the filtered `rows` of `dataset`.
    init(dataset: Dataset, rows: RowSet, count: Int) {
        self.dataset = dataset
        self.rows = rows
        self.count = count
    }

    /// Computes the summaries of the columns at `indexes` and the sparkline counts on `binnings`
    /// (by column index, with the width they were made for), over the filtered rows.
    static func compute(dataset: Dataset, roles: ColumnRoles, rows: RowSet, count: Int, indexes: [Int],
                        binnings: [Int: (width: Int, binning: ColumnBinning)]) -> SummaryFilteredFigures {
        var figures = SummaryFilteredFigures(dataset: dataset, rows: rows, count: count)
        let computed = ColumnSummary.compute(dataset, columns: indexes, roles: roles, rows: rows, topCount: Int.max)
        for (index, summary) in zip(indexes, computed) { figures.summaries[index] = summary }
        for (index, sparkline) in binnings {
            let counts = HistogramCounts(sparkline.binning, filter: rows, selection: nil).filtered.dropLast()
            figures.sparklines[index] = (sparkline.width, Array(counts))
        }
        return figures
    }

    /// Whether the column at `index` has its summary, and its sparkline counts at `width` (nil:
    /// the column has no sparkline).
    func covers(_ index: Int, sparklineWidth width: Int?) -> Bool {
        summaries[index] != nil && (width == nil || sparklines[index]?.width == width)
    }

    /// Takes the figures of `other` (of the same rows), for the columns the two datasets share.
    mutating func merge(_ other: SummaryFilteredFigures) {
        let kept = SummaryStatistics.unchangedColumns(other.dataset, dataset)
        for (index, summary) in other.summaries where kept.contains(index) { summaries[index] = summary }
        for (index, sparkline) in other.sparklines where kept.contains(index) { sparklines[index] = sparkline }
    }

    /// These figures for `data`, keeping the columns it shares with the data they are of.
    func carried(to data: Dataset) -> SummaryFilteredFigures {
        guard data !== dataset else { return self }
        var moved = SummaryFilteredFigures(dataset: data, rows: rows, count: count)
        moved.merge(self)
        return moved
    }
}
