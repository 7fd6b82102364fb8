import TuttiCore

/// The summary pane's statistics of the whole data: each column's summary, computed for the
/// columns in view (on all cores) and kept until the data changes, never per frame; a derived
/// column computes itself alone. The figures of the filtered rows are `SummaryFiltering`'s.
struct SummaryStatistics {
    /// One column's summaries.
    struct Entry {
        /// Over every row; its `top` lists every value, most frequent first, so that a filtered
        /// top value's whole-data share can be looked up.
        let whole: ColumnSummary
        /// Over the filtered rows; nil when every row passes (or the figures are not computed yet).
        let filtered: ColumnSummary?
        /// The rows of the data.
        let rowCount: Int
        /// The rows `filtered` is of (`rowCount` without it).
        let filteredCount: Int

        /// What the table shows: the filtered summary under a filter, else the whole one.
        var shown: ColumnSummary { filtered ?? whole }
    }

    /// The data the summaries are of (a derived column makes a new dataset).
    private var dataset: Dataset?
    private var whole: [Int: ColumnSummary] = [:]

    /// Makes sure the columns at `indexes` are summarised for `state`'s data, computing only
    /// what is missing.
    mutating func prepare(_ indexes: Range<Int>, state: ExplorerState) {
        let data = state.dataset
        if let previous = dataset, previous !== data {
            let kept = Self.unchangedColumns(previous, data)
            whole = whole.filter { kept.contains($0.key) }
        }
        dataset = data
        let missing = indexes.clamped(to: data.columns.indices).filter { whole[$0] == nil }
        for (index, summary) in zip(missing, ColumnSummary.compute(data, columns: missing, roles: state.roles, topCount: Int.max)) {
            whole[index] = summary
        }
    }

    /// The summaries of the column at `index`, once prepared, with its figures of the filtered
    /// rows when `filtering` has them.
    func entry(_ index: Int, filtering: SummaryFiltering) -> Entry? {
        guard let summary = whole[index], let dataset else { return nil }
        let filtered = filtering.summary(index)
        return Entry(whole: summary, filtered: filtered?.summary, rowCount: dataset.rowCount,
                     filteredCount: filtered?.count ?? dataset.rowCount)
    }

    /// The indexes of the columns two datasets share unchanged: among the loaded columns
    /// (derived ones come last) and the derivations both made in the same order, those whose
    /// values are the same storage (a score threshold replaces the prediction column).
    static func unchangedColumns(_ a: Dataset, _ b: Dataset) -> Set<Int> {
        let loaded = a.columns.count - a.derivedColumns.count
        guard loaded == b.columns.count - b.derivedColumns.count, a.rowCount == b.rowCount, a.source == b.source,
              a.columns.prefix(loaded).map(\.name) == b.columns.prefix(loaded).map(\.name) else { return [] }
        let derived = zip(a.derivedColumns, b.derivedColumns).prefix { $0 == $1 }.count
        return Set((0..<(loaded + derived)).filter { a.columns[$0].sharesValues(with: b.columns[$0]) })
    }
}
