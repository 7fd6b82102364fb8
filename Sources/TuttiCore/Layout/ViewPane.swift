/// One pane of a saved view: its kind and the settings that shape what it shows.
public struct ViewPane: Sendable, Equatable, Codable {
    /// The kind; one this tutti does not know is kept as the file names it.
    public var kind: PaneKind
    public var settings: PaneSettings

    public init(kind: PaneKind, settings: PaneSettings = PaneSettings()) {
        self.kind = kind
        self.settings = settings
    }

    private enum Keys: String, CodingKey { case kind, settings }

    /// Reads a pane; `settings` may be left out (a hand-written view).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        kind = try container.decode(PaneKind.self, forKey: .kind)
        settings = try container.decodeIfPresent(PaneSettings.self, forKey: .settings) ?? PaneSettings()
    }
}

/// What a pane remembers in a view. Each kind uses the fields that apply to it and leaves the
/// others nil: a histogram its column, bin count, bin mode (`quantile` or `log`; even when left
/// out) and count scale (`log_scale`); tables their sort column or metric and direction; the
/// slices pane its minimum size; the confusion pane whether it shows row percentages; the rows
/// pane the columns it shows, in order (`columns`, left out when every column shows in the
/// data's order), and the widths set by hand (`columnWidths`, in cells); the scatter plot its
/// axes (`xColumn` and `yColumn`, or `vectorColumn`), its colouring and its zoom; the instance pane
/// the row it shows (`row`, 0-based); the familiarity pane the column it groups by (`column`).
/// A histogram the metric it draws per bin (`overlay`, a `SliceMetric` name such as `error`), when
/// on. The comparison pane its two models (`models`). `duplicateKind` is read
/// by reports only: the kind of duplicate cluster they list first.
public struct PaneSettings: Sendable, Equatable, Codable {
    public var column: String?
    public var bins: Int?
    public var logScale: Bool?
    public var binMode: BinMode?
    public var sortColumn: String?
    public var sortMetric: String?
    public var descending: Bool?
    public var minimumSize: Int?
    public var duplicateKind: String?
    public var rowPercentages: Bool?
    public var columns: [String]?
    public var columnWidths: [String: Int]?
    /// A scatter plot's x and y columns, or the vector column it projects.
    public var xColumn: String?
    public var yColumn: String?
    public var vectorColumn: String?
    /// What a scatter plot colours its points by: a column, or `:correct` (label = prediction).
    public var colorBy: String?
    /// The x and y ranges a zoomed scatter plot shows: `[x_min, x_max, y_min, y_max]`.
    public var zoom: [Double]?
    /// The row an instance pane shows (0-based).
    public var row: Int?
    /// The metric a histogram draws per bin over its bars (`error`, `base_rate`, …); nil: none.
    public var overlay: String?
    /// The two models a comparison pane compares, A then B, each as `name=prediction[:score]`.
    public var models: [String]?

    public init(column: String? = nil, bins: Int? = nil, logScale: Bool? = nil, binMode: BinMode? = nil, sortColumn: String? = nil,
                sortMetric: String? = nil, descending: Bool? = nil, minimumSize: Int? = nil, duplicateKind: String? = nil,
                rowPercentages: Bool? = nil, columns: [String]? = nil, columnWidths: [String: Int]? = nil, xColumn: String? = nil,
                yColumn: String? = nil, vectorColumn: String? = nil, colorBy: String? = nil, zoom: [Double]? = nil,
                row: Int? = nil, overlay: String? = nil, models: [String]? = nil) {
        self.column = column
        self.bins = bins
        self.logScale = logScale
        self.binMode = binMode
        self.sortColumn = sortColumn
        self.sortMetric = sortMetric
        self.descending = descending
        self.minimumSize = minimumSize
        self.duplicateKind = duplicateKind
        self.rowPercentages = rowPercentages
        self.columns = columns
        self.columnWidths = columnWidths
        self.xColumn = xColumn
        self.yColumn = yColumn
        self.vectorColumn = vectorColumn
        self.colorBy = colorBy
        self.zoom = zoom
        self.row = row
        self.overlay = overlay
        self.models = models
    }
}

