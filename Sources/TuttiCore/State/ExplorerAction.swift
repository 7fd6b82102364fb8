/// A named change to the shared state. Panes emit actions; `Explorer` applies them.
public enum ExplorerAction: Sendable, Equatable {
    /// Sets the filter to an expression ("" clears it).
    case setFilter(String)
    /// Makes the visible selection the filter, then clears the selection.
    case filterToSelection
    /// Replaces the selection.
    case select(RowSet, SelectionSource)
    /// Adds or removes one row from the selection (which becomes hand-picked).
    case toggleRow(Int)
    /// Removes the selection.
    case clearSelection
    /// Sets the group columns.
    case setGroupColumns([String])
    /// Gives a role to a column (nil removes the role).
    case setRole(ColumnRole, String?)
    /// Adds a column computed by an expression (`margin = abs(score - 0.5)`); the filter,
    /// selection and groups stay.
    case derive(DerivedColumn)
    /// Focuses a row (the rows pane's cursor, the instance pane's `[` `]`); not undone by undo.
    case focusRow(Int)
    /// Sets the search the rows were last searched for (nil: none); not undone by undo.
    case setSearch(CellSearch?)
    /// Sets how vectors are drawn as images (nil: squares only); not undone by undo.
    case setImageShape(ImageShape?)
    /// Sets how many nearest neighbours "rows like this" and familiarity use (at least 1); not
    /// undone by undo.
    case setNeighborCount(Int)
    /// Sets the score threshold that re-derives the predictions (nil: the predictions as loaded);
    /// made with `ScoreThreshold(value:dataset:roles:)` or moved from the one in force with `at(_:in:)`.
    case setThreshold(ScoreThreshold?)
    /// Moves the threshold while the user tries values: as `setThreshold`, but not a change undo
    /// steps through (the value kept is set with `setThreshold` at the end).
    case previewThreshold(ScoreThreshold?)

    /// A short name for logs, help and replay: `set-filter`, `select`, ….
    public var name: String {
        switch self {
        case .setFilter: "set-filter"
        case .filterToSelection: "filter-to-selection"
        case .select: "select"
        case .toggleRow: "toggle-row"
        case .clearSelection: "clear-selection"
        case .setGroupColumns: "set-groups"
        case .setRole: "set-role"
        case .derive: "derive"
        case .focusRow: "focus-row"
        case .setSearch: "set-search"
        case .setImageShape: "set-image-shape"
        case .setNeighborCount: "set-neighbor-count"
        case .setThreshold: "set-threshold"
        case .previewThreshold: "preview-threshold"
        }
    }
}
