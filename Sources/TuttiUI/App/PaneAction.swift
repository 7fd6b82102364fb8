/// A named command for the focused pane, delivered as `PaneInput.action` by the binding
/// table (`KeyBindings`), so no pane reads raw keys. One verb may serve several panes (`sort`
/// sorts rows by a column, slices by a metric, clusters by a key).
public enum PaneAction: String, Sendable, Hashable, CaseIterable {
    // Summary
    case groupBy
    // Histogram
    case cycleBinMode, toggleLogScale, moreBins, fewerBins, toggleOverlay, nextOverlayMetric
    // Rows, slices, duplicates
    case sort, reverse
    // Rows
    case find, nextMatch, previousMatch, goToRow
    case narrowColumn, widenColumn, fitColumn, hideColumn, showHiddenColumns, moveColumnLeft, moveColumnRight
    // Confusion
    case toggleRowPercentages
    // Slices
    case toggleDiverse, halveMinimumSize, doubleMinimumSize
    // Duplicates
    case filterToKind
    // Scatter
    case nextXColumn, nextYColumn, nextProjection, nextColoring, zoomIn, zoomOut, resetZoom
    // Instance
    case previousRow, nextRow, compareWithRow
    // Rows like this (rows, familiarity, duplicates, instance)
    case rowsLikeThis, nextNeighborCount
    // Familiarity
    case nextGroupColumn
    // Comparison
    case nextModelA, nextModelB
}
