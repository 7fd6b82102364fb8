import TuttiCore

/// The table behind the explorer when its rows are a sample of a table kept in a SQL engine:
/// how many rows the engine estimates the table holds (the exact number is `count("")`'s, asked
/// in the background like every count), and what runs there — exact counts, the Falcon tables of a
/// brush, exports (streamed out of the engine, not written from the sample). The app never sees
/// the connection, only these; each runs in a background job and stops on the server when the
/// job is cancelled.
public struct EngineRows: Sendable {
    /// Writes `columns` of the table's rows passing a filter expression to a path, in the format
    /// its extension names, atomically.
    public typealias Export = @Sendable (_ path: String, _ columns: [String], _ filter: String, _ options: ExportOptions,
                                         _ work: WorkContext) throws -> ExportSummary

    /// The rows of the table passing a filter expression.
    public typealias Count = @Sendable (_ filter: String, _ work: WorkContext) throws -> Int
    /// The Falcon tables of a brush on the first binning against each of the others, over the
    /// rows passing a filter expression (`BrushTableSource`).
    public typealias BrushTables = @Sendable (_ brushed: ColumnBinning, _ views: [ColumnBinning], _ filter: String,
                                                 _ work: WorkContext) throws
        -> [FalconTable]

    /// The 2-D faces of the data cube of some binnings over the rows passing a filter expression
    /// (`BinCube`), from which every brush start on one of them builds its Falcon tables without
    /// a query; nil when the cube would be too big.
    public typealias BinCubeQuery = @Sendable (_ binnings: [ColumnBinning], _ filter: String, _ work: WorkContext) throws
        -> BinCube?

    /// The rows of the table passing a filter expression per bin of a binning made on the
    /// sample (`BinCountSource`): `binCount + 1` counts, the last for missing.
    public typealias BinCounts = @Sendable (_ binning: ColumnBinning, _ filter: String, _ work: WorkContext) throws -> [Int]
    /// The summary of every column over the rows passing a filter expression
    /// (`DataSource.summaries`), with the given number of top values.
    public typealias Summaries = @Sendable (_ filter: String, _ topCount: Int, _ work: WorkContext) throws -> [ColumnSummary]
    /// The rows passing a filter expression per combination of values of some columns
    /// (`DataSource.groupCounts`).
    public typealias GroupCounts = @Sendable (_ columns: [String], _ filter: String, _ work: WorkContext) throws
        -> [GroupCount]

    /// The exact metrics of slices over the table's rows passing a filter expression: of all
    /// those rows and of each slice (by its conditions), for the task `roles` make with the given
    /// positive class — the figures of slices found on the sample.
    public typealias SliceFigures = @Sendable (_ slices: [[SlicePredicate]], _ filter: String, _ roles: ColumnRoles,
                                               _ positiveClass: String?, _ work: WorkContext) throws
        -> (overall: SliceMetrics, slices: [SliceMetrics])
    /// The label × prediction tables of the groups of a split (their conditions, filter
    /// expressions) over the table's rows passing a filter expression, counted together
    /// (`BrushTableSource.groupedTables`).
    public typealias GroupedTables = @Sendable (_ groups: [String], _ brushed: ColumnBinning, _ view: ColumnBinning,
                                                _ filter: String, _ work: WorkContext) throws -> [FalconTable]
    /// A regression's figures over the table's rows passing a filter expression: the metrics'
    /// sums of a label and a prediction column (labels less a value near their mean) and the
    /// residuals in bins made on the sample (`RegressionSource`).
    public typealias RegressionFiguresQuery = @Sendable (_ label: String, _ prediction: String, _ center: Double,
                                                         _ bins: ResidualBins, _ filter: String, _ work: WorkContext) throws
        -> RegressionFigures
    /// A new sample of the table: its first rows, as many as asked, and the table's row count.
    public typealias Sample = @Sendable (_ rows: Int, _ work: WorkContext) throws -> EngineSample

    /// The engine's estimate of the rows of the whole table, shown until `count("")` answers; nil
    /// when it gave none.
    public let estimatedRows: Int?
    /// The exact rows of the whole table when known without counting (a sample that holds them
    /// all); nil: `count("")` tells them.
    public var tableRows: Int?
    /// The count that runs in the engine.
    public let count: Count
    /// The brush tables the engine builds.
    public let brushTables: BrushTables
    /// The export that runs in the engine.
    public let export: Export
    /// The histogram counts the engine makes; nil: histograms draw the sample's.
    public var binCounts: BinCounts?
    /// The brush cube the engine prepares for the visible histograms; nil: each brush start
    /// asks for its tables.
    public var binCube: BinCubeQuery?
    /// The column summaries the engine makes; nil: the summary pane shows the sample's.
    public var summaries: Summaries?
    /// The grouped counts the engine makes (confusion matrices); nil: the sample's.
    public var groupCounts: GroupCounts?
    /// The slice metrics the engine measures; nil: the slices pane shows the sample's.
    public var sliceFigures: SliceFigures?
    /// The tables of a split's groups the engine counts together; nil: the confusion pane's
    /// matrices per group show the sample's.
    public var groupedTables: GroupedTables?
    /// The regression figures the engine counts; nil: the confusion pane's regression view
    /// shows the sample's.
    public var regressionFigures: RegressionFiguresQuery?
    /// Pulls a new sample; nil: the sample size cannot change.
    public var sample: Sample?

    /// A table the engine estimates at `estimatedRows` rows, answering with `count`,
    /// `brushTables` and `export`.
    public init(estimatedRows: Int?, count: @escaping Count, brushTables: @escaping BrushTables, export: @escaping Export) {
        self.estimatedRows = estimatedRows
        self.count = count
        self.brushTables = brushTables
        self.export = export
    }

    /// The expression for the engine that keeps the rows `state` would export — the filter and
    /// the selection, each when it is an expression — or nil when one of them is a list of rows
    /// of the sample (hand-picked rows, a duplicate cluster), which only the sample knows.
    static func filter(for state: ExplorerState) -> String? {
        var parts: [String] = []
        if !state.filter.isEmpty {
            guard state.filter.isExpression else { return nil }
            parts.append(state.filter.expression)
        }
        if let selection = state.selection {
            guard let text = SelectionExpression.text(for: selection.source, dataset: state.dataset) else { return nil }
            parts.append(text)
        }
        return parts.map { parts.count > 1 ? "(\($0))" : $0 }.joined(separator: " and ")
    }
}
