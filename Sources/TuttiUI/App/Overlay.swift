/// A window drawn over the panes.
public enum Overlay: Sendable, Equatable {
    /// Every key, globally and for the focused pane.
    case help(scroll: Int)
    /// One row, column by column.
    case row(Int, scroll: Int)
}
