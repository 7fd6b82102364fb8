/// The score every pane plays from: the dataset, the filter, the selection, the group columns
/// and the column roles. A value: every change makes a new state through `Explorer`.
public struct ExplorerState: Sendable {
    /// The data, immutable; a derived column replaces it with one more column.
    public internal(set) var dataset: Dataset
    /// Which rows every pane sees.
    public internal(set) var filter: FilterState
    /// Rows highlighted in every pane, or nil.
    public internal(set) var selection: Selection?
    /// Columns that split panes into per-group views.
    public internal(set) var groupColumns: [String]
    /// Which column plays which role.
    public internal(set) var roles: ColumnRoles
    /// The row the user is looking at (the rows pane's cursor), which the instance pane shows;
    /// nil before any pane has focused one. Moving it is not a change undo steps through.
    public internal(set) var focusedRow: Int?
    /// The value the user last searched the rows for (`F`), which panes mark; not undone either.
    public internal(set) var search: CellSearch?
    /// How vectors are drawn as images when their width allows (`--image-shape`); nil: squares only.
    public internal(set) var imageShape: ImageShape?
    /// How many nearest neighbours "rows like this" selects and familiarity averages over; not
    /// undone either.
    public internal(set) var neighborCount = Familiarity.defaultK
    /// The cut on the score that re-derived the prediction column, if one is set; the dataset
    /// then holds the re-derived predictions (see `ScoreThreshold`).
    public internal(set) var threshold: ScoreThreshold?

    /// A fresh state: no filter, no selection, no groups.
    public init(dataset: Dataset, roles: ColumnRoles) {
        self.dataset = dataset
        self.roles = roles
        filter = .all(rowCount: dataset.rowCount)
        selection = nil
        groupColumns = []
    }

    /// Rows that pass the filter and are selected.
    public var visibleSelection: RowSet? { selection.map { $0.rows.intersection(filter.rows) } }

    /// The data as loaded: the dataset with the prediction column a threshold replaced put back.
    public var loadedDataset: Dataset {
        guard let threshold else { return dataset }
        return (try? dataset.replacing(threshold.original)) ?? dataset
    }

    /// The number of rows that pass the filter.
    public var filteredCount: Int { filter.rows.count }

    /// The number of selected rows that pass the filter.
    public var selectedCount: Int { selection.map { $0.rows.intersectionCount(filter.rows) } ?? 0 }
}

/// What an action changed, so that panes recompute only what they need.
public struct StateChange: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let filter = StateChange(rawValue: 1)
    public static let selection = StateChange(rawValue: 2)
    public static let groups = StateChange(rawValue: 4)
    public static let roles = StateChange(rawValue: 8)
    /// A column was added (a derived column) or removed (its undo).
    public static let columns = StateChange(rawValue: 16)
    /// The focused row, the search, the image shape or the neighbour count changed (not recorded for undo).
    public static let focus = StateChange(rawValue: 32)
    /// The score threshold changed (and with it the prediction column).
    public static let threshold = StateChange(rawValue: 64)
}
