import TuttiCore

/// The summary pane's figures of the filtered rows, kept off the frame. A new filter asks for
/// the figures of the columns in view in the background; until they arrive, each column shows
/// those of the filter before (stale) and the pane says it is updating. Figures come back into
/// one set per filter, so scrolling asks only for the columns not yet computed.
struct SummaryFiltering {
    /// What one piece of work computes: the columns missing for a filter of a dataset.
    private struct WorkKey: Equatable {
        let dataset: Dataset
        let rows: RowSet
        let indexes: [Int]
        let widths: [Int?]

        static func == (a: WorkKey, b: WorkKey) -> Bool {
            a.dataset === b.dataset && a.rows == b.rows && a.indexes == b.indexes && a.widths == b.widths
        }
    }

    /// The figures of the filter in force, filled in as work comes back.
    private var current: SummaryFilteredFigures?
    /// The figures of the filter before, shown for columns `current` lacks.
    private var previous: SummaryFilteredFigures?
    private var work = RefreshingValue<WorkKey, SummaryFilteredFigures>()
    /// The rows that pass the filter in force; nil when every row passes.
    private(set) var filteredRows: RowSet?
    /// Whether a column in view waits for its figures of the filter in force.
    private(set) var isUpdating = false

    /// Makes sure the columns at `indexes` have their figures for `state`'s filter, sparklines
    /// counted on `binnings` (by column index, with their width); returns the work to start.
    mutating func prepare(_ indexes: [Int], binnings: [Int: (width: Int, binning: ColumnBinning)],
                          state: ExplorerState) -> [PaneCommand] {
        let data = state.dataset, rows = state.filter.rows, count = state.filteredCount
        guard count < data.rowCount else {
            (current, previous, filteredRows, isUpdating) = (nil, nil, nil, false)
            return []
        }
        filteredRows = rows
        current = current?.carried(to: data)
        previous = previous?.carried(to: data)
        if current?.rows != rows {
            if let current, !current.summaries.isEmpty { previous = current }
            current = SummaryFilteredFigures(dataset: data, rows: rows, count: count)
        }
        let missing = indexes.filter { current?.covers($0, sparklineWidth: binnings[$0]?.width) == false }
        isUpdating = !missing.isEmpty
        guard !missing.isEmpty else { return [] }
        let wanted = binnings.filter { missing.contains($0.key) }
        let roles = state.roles
        return work.request(for: WorkKey(dataset: data, rows: rows, indexes: missing, widths: missing.map { binnings[$0]?.width }),
                            label: "summary of the filtered rows") { _ in
            SummaryFilteredFigures.compute(dataset: data, roles: roles, rows: rows, count: count, indexes: missing, binnings: wanted)
        }
    }

    /// Takes the figures of ended work into those of the filter in force (work for an older
    /// filter is dropped); false when `ended` is not this pane's summary work.
    mutating func receive(_ ended: JobHandle) -> Bool {
        guard work.receive(ended) else { return false }
        if let figures = work.value, figures.rows == current?.rows { current?.merge(figures) }
        return true
    }

    /// Why the figures of the filter in force could not be computed, if they could not.
    var problem: String? { work.problem }

    /// The figures the column at `index` shows: its filtered summary and the rows it is of
    /// (of the filter in force, else of the one before), nil when every row passes or none
    /// were computed yet.
    func summary(_ index: Int) -> (summary: ColumnSummary, count: Int)? {
        guard filteredRows != nil else { return nil }
        for figures in [current, previous].compactMap({ $0 }) {
            if let summary = figures.summaries[index] { return (summary, figures.count) }
        }
        return nil
    }

    /// The filtered counts of the sparkline of the column at `index`, `width` cells wide, from
    /// the same figures as `summary`.
    func sparkline(_ index: Int, width: Int) -> [Int]? {
        guard filteredRows != nil else { return nil }
        for figures in [current, previous].compactMap({ $0 }) where figures.summaries[index] != nil {
            guard let line = figures.sparklines[index], line.width == width else { return nil }
            return line.counts
        }
        return nil
    }
}
