import TuttiCore

/// The summary pane's statistics: each column's whole-data summary and, under a filter, its
/// summary over the rows that pass. Only the columns in view are computed (on all cores), and
/// kept until the data or the filter changes, never per frame: a new filter recomputes the
/// filtered summaries alone, a derived column computes itself alone.
struct SummaryStatistics {
    /// One column's summaries.
    struct Entry {
        /// Over every row; its `top` lists every value, most frequent first, so that a filtered
        /// top value's whole-data share can be looked up.
        let whole: ColumnSummary
        /// Over the filtered rows; nil when every row passes.
        let filtered: ColumnSummary?
        /// The rows of the data.
        let rowCount: Int
        /// The rows that pass the filter (`rowCount` when every row passes).
        let filteredCount: Int

        /// What the table shows: the filtered summary under a filter, else the whole one.
        var shown: ColumnSummary { filtered ?? whole }
    }

    /// The data the entries are of (a derived column makes a new dataset).
    private var dataset: Dataset?
    /// The filter the filtered entries are of.
    private var filter: RowSet?
    /// The filtered rows, or nil when every row passes.
    private(set) var filteredRows: RowSet?
    private var filteredCount = 0
    private var whole: [Int: ColumnSummary] = [:]
    private var filtered: [Int: ColumnSummary] = [:]

    /// Makes sure the columns at `indexes` are summarised for `state`, computing only what is
    /// missing.
    mutating func prepare(_ indexes: Range<Int>, state: ExplorerState) {
        let data = state.dataset
        if let previous = dataset, previous !== data {
            let kept = Self.sameColumns(previous, data)
            whole = whole.filter { $0.key < kept }
            filtered = filtered.filter { $0.key < kept }
        }
        dataset = data
        let rows = state.filter.rows
        if filter != rows {
            filter = rows
            filtered = [:]
            filteredCount = rows.count
            filteredRows = filteredCount < data.rowCount ? rows : nil
        }
        let wanted = indexes.clamped(to: data.columns.indices)
        let missingWhole = wanted.filter { whole[$0] == nil }
        for (index, summary) in zip(missingWhole, ColumnSummary.compute(data, columns: missingWhole, roles: state.roles,
                                                                        topCount: Int.max)) {
            whole[index] = summary
        }
        guard let filteredRows else { return }
        let missingFiltered = wanted.filter { filtered[$0] == nil }
        for (index, summary) in zip(missingFiltered, ColumnSummary.compute(data, columns: missingFiltered, roles: state.roles,
                                                                           rows: filteredRows, topCount: Int.max)) {
            filtered[index] = summary
        }
    }

    /// The summaries of the column at `index`, once prepared.
    func entry(_ index: Int) -> Entry? {
        guard let summary = whole[index], let dataset else { return nil }
        return Entry(whole: summary, filtered: filteredRows == nil ? nil : filtered[index], rowCount: dataset.rowCount,
                     filteredCount: filteredRows == nil ? dataset.rowCount : filteredCount)
    }

    /// How many leading columns two datasets share unchanged: the loaded columns (derived ones
    /// come last) and the derivations both made in the same order.
    static func sameColumns(_ a: Dataset, _ b: Dataset) -> Int {
        let loaded = a.columns.count - a.derivedColumns.count
        guard loaded == b.columns.count - b.derivedColumns.count, a.rowCount == b.rowCount, a.source == b.source,
              a.columns.prefix(loaded).map(\.name) == b.columns.prefix(loaded).map(\.name) else { return 0 }
        let derived = zip(a.derivedColumns, b.derivedColumns).prefix { $0 == $1 }.count
        return loaded + derived
    }
}
