/// A saved explorer session: which data, the column roles, the score threshold, the filter, the
/// selection, the group columns, the pane layout, the focused pane and the theme. Written as JSON (see `write(to:overwrite:)`)
/// and opened again with `read(path:)` and `restore(on:roles:)`, on the same data or on data that
/// changed since.
public struct ViewDocument: Codable, Sendable, Equatable {
    /// The version of the file format this program writes and reads.
    public static let formatVersion = 1

    /// The file format version the view was written in.
    public var version: Int
    /// The data the view was made on.
    public var dataset: DatasetReference
    /// Column roles: role name (`label`, `id`, …) → column name.
    public var roles: [String: String]
    /// The filter.
    public var filter: ViewFilter
    /// The selection, if any.
    public var selection: ViewSelection?
    /// Columns that split panes into per-group views.
    public var groupColumns: [String]
    /// The panes and how they are arranged.
    public var layout: LayoutNode<ViewPane>
    /// The index of the focused pane in `layout.panes`, if any.
    public var focus: Int?
    /// The name of the theme, if the view sets one.
    public var theme: String?
    /// The derived columns of the data (absent when there are none, and in older files);
    /// loading the view's data computes them again.
    public var derivedColumns: [DerivedColumn]?
    /// The score threshold the predictions were re-derived at (absent without one, and in older
    /// files); opening the view sets it again.
    public var threshold: Double?

    /// The view of `state`, on the data loaded from `datasetPath` (as the user gave it: a path,
    /// "-" for standard input, or the demo's name). Computes the data's fingerprint.
    public init(state: ExplorerState, datasetPath: String, layout: LayoutNode<ViewPane>, focus: Int?, theme: String?) {
        let data = state.dataset
        version = Self.formatVersion
        dataset = DatasetReference(path: datasetPath, fingerprint: .of(state.loadedDataset))
        roles = Dictionary(uniqueKeysWithValues: state.roles.columns.map { ($0.key.rawValue, $0.value) })
        filter = ViewFilter(state.filter)
        selection = state.selection.map { ViewSelection($0, dataset: data, idColumn: state.roles[.id]) }
        groupColumns = state.groupColumns
        self.layout = layout
        self.focus = focus
        self.theme = theme
        derivedColumns = data.derivedColumns.isEmpty ? nil : data.derivedColumns
        threshold = state.threshold?.value
    }
}

/// The data a view was made on.
public struct DatasetReference: Codable, Sendable, Equatable {
    /// The path as the user gave it ("-" for standard input).
    public var path: String
    /// The data's shape and content hash when the view was saved.
    public var fingerprint: DatasetFingerprint

    /// A reference to the data at `path` with `fingerprint`.
    public init(path: String, fingerprint: DatasetFingerprint) {
        self.path = path
        self.fingerprint = fingerprint
    }
}

/// A saved filter: an expression, or a list of rows (after "filter to selection" of picked rows).
public struct ViewFilter: Codable, Sendable, Equatable {
    /// The filter expression; nil or "" when there is no filter or the filter is a row list.
    public var expression: String?
    /// The rows, when the filter is a row list.
    public var rows: RowRanges?
    /// What the filter bar showed: the expression, or a row list's description (`12 picked rows`);
    /// "" when there is no filter.
    public var description: String

    /// A filter from its parts.
    public init(expression: String?, rows: RowRanges?, description: String) {
        self.expression = expression
        self.rows = rows
        self.description = description
    }

    /// The saved form of `filter`.
    init(_ filter: FilterState) {
        expression = filter.isExpression && !filter.isEmpty ? filter.expression : nil
        rows = filter.isExpression ? nil : RowRanges(filter.rows)
        description = filter.expression
    }
}

/// A saved selection: its exact rows, where it came from, and what finds it again in changed data
/// (an expression, or the ids of its rows).
public struct ViewSelection: Codable, Sendable, Equatable {
    /// Most ids saved with a selection; a larger row list is saved by row number only.
    public static let maxIdentifiers = 100_000

    /// Where the selection came from (a brush, a slice, a cluster, …).
    public var source: SelectionSource
    /// The selected rows, always: on the same data they restore the selection exactly.
    public var rows: RowRanges
    /// The filter expression selecting the same rows, when the source has one.
    public var expression: String?
    /// The id column's values of the selected rows, when the selection is a row list (picked rows,
    /// a duplicate cluster), there is an id column, and at most `maxIdentifiers` rows.
    public var ids: [String]?
    /// The number of selected rows.
    public var count: Int

    /// A selection from its parts.
    public init(source: SelectionSource, rows: RowRanges, expression: String?, ids: [String]?, count: Int) {
        self.source = source
        self.rows = rows
        self.expression = expression
        self.ids = ids
        self.count = count
    }

    /// The saved form of `selection` of `dataset`, whose id column (if any) is `idColumn`.
    init(_ selection: Selection, dataset: Dataset, idColumn: String?) {
        source = selection.source
        rows = RowRanges(selection.rows)
        expression = SelectionExpression.text(for: selection.source, dataset: dataset)
        ids = expression == nil
            ? idColumn.flatMap(dataset.column(named:)).flatMap {
                SelectionIdentifiers.values(of: selection.rows, in: $0, limit: Self.maxIdentifiers)
            }
            : nil
        count = selection.rows.count
    }
}
