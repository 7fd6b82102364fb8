/// What the SQL engine behind a sample says of one pane, in its context: the size of the table
/// and of the sample, and the exact figures the engine gave for what the pane shows (nil parts
/// are not known yet, or cannot be asked of the engine, and the pane draws the sample's).
public struct EngineFigures {
    /// Rows of the whole table in the engine: exact once counted, estimated until then.
    public let tableRows: TableRowCount
    /// Rows of the sample in memory.
    public let sampleRows: Int
    /// Histograms' counts over the whole table; nil when the engine does not count bins.
    public var histograms: EngineHistogramLookup?
    /// The filter as the engine runs it ("" for every row); nil when it is a list of the
    /// sample's rows, which only the sample knows.
    public var filter: String?
    /// The table's rows passing `filter`, once the engine counted them.
    public var filteredRows: Int?
    /// The column summaries the engine makes; nil when it makes none.
    public var summaries: EngineRows.Summaries?
    /// The filter and the selection as the engine runs them, when something is selected; nil
    /// when nothing is, or the selection is rows of the sample (picked by hand).
    public var selectionFilter: String?
    /// The 2-D bin counts the engine makes (the Falcon tables of a brush, and confusion matrices).
    public var brushTables: EngineRows.BrushTables?
    /// The slice metrics the engine measures (the slices pane's figures of the table).
    public var sliceFigures: EngineRows.SliceFigures?
    /// The tables of a split's groups the engine counts together (the confusion pane's matrices
    /// per group).
    public var groupedTables: EngineRows.GroupedTables?
    /// The regression figures the engine counts (the confusion pane's regression view).
    public var regressionFigures: EngineRows.RegressionFiguresQuery?

    /// Figures of a table of `tableRows` rows sampled into `sampleRows`.
    public init(tableRows: TableRowCount, sampleRows: Int) {
        self.tableRows = tableRows
        self.sampleRows = sampleRows
    }
}

/// A histogram's counts per bin (missing last) over the whole table in the engine.
public struct EngineHistogram: Sendable, Equatable {
    /// Rows passing the filter; nil until the engine answers.
    public let filtered: [Int]?
    /// Rows selected (by the committed selection, or a live brush on another histogram); nil
    /// when the engine cannot tell (rows picked by hand) or has not answered.
    public let selected: [Int]?
    /// Whether the engine is counting something this histogram draws.
    public let updating: Bool

    /// Counts as the engine gave them.
    public init(filtered: [Int]?, selected: [Int]?, updating: Bool) {
        self.filtered = filtered
        self.selected = selected
        self.updating = updating
    }
}
