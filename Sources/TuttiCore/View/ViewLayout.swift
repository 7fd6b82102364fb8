/// The arrangement of panes in a saved view: a tree of splits whose leaves are panes. The
/// interface converts its own layout to and from this; reports read the panes from it.
public indirect enum ViewLayout: Sendable, Equatable {
    /// One pane.
    case pane(ViewPane)
    /// Children side by side (`horizontal`) or stacked (`vertical`), sized by `weights`.
    case split(axis: ViewAxis, weights: [Double], children: [ViewLayout])

    /// Most panes a view may hold: more would not fit a terminal, and every pane costs a
    /// report section.
    public static let maxPanes = 64
    /// Deepest nesting of splits a view may hold.
    public static let maxDepth = 16

    /// The panes in reading order.
    public var panes: [ViewPane] {
        switch self {
        case .pane(let pane): [pane]
        case .split(_, _, let children): children.flatMap(\.panes)
        }
    }

    /// The number of panes.
    public var paneCount: Int {
        switch self {
        case .pane: 1
        case .split(_, _, let children): children.reduce(0) { $0 + $1.paneCount }
        }
    }

    /// The number of splits on the longest path from the root to a pane (0 for one pane).
    public var depth: Int {
        switch self {
        case .pane: 0
        case .split(_, _, let children): 1 + children.reduce(0) { max($0, $1.depth) }
        }
    }

    /// Why the layout is too large for a view (`maxPanes`, `maxDepth`), or nil.
    public var sizeProblem: String? {
        let count = paneCount
        if count > Self.maxPanes {
            return "the layout has \(NumberFormatting.grouped(count)) panes; a view holds at most \(Self.maxPanes)"
        }
        let depth = self.depth
        if depth > Self.maxDepth {
            return "the layout nests splits \(depth) deep; a view nests them at most \(Self.maxDepth) deep"
        }
        return nil
    }
}

/// The direction of a split.
public enum ViewAxis: String, Sendable, Codable {
    case horizontal, vertical
}

/// One pane of a saved view: its kind and the settings that shape what it shows.
public struct ViewPane: Sendable, Equatable, Codable {
    /// `summary`, `histogram`, `rows`, `confusion`, `slices` or `duplicates`.
    public var kind: String
    public var settings: PaneSettings

    public init(kind: String, settings: PaneSettings = PaneSettings()) {
        self.kind = kind
        self.settings = settings
    }

    private enum Keys: String, CodingKey { case kind, settings }

    /// Reads a pane; `settings` may be left out (a hand-written view).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        kind = try container.decode(String.self, forKey: .kind)
        settings = try container.decodeIfPresent(PaneSettings.self, forKey: .settings) ?? PaneSettings()
    }
}

/// What a pane remembers in a view. Each kind uses the fields that apply to it and leaves the
/// others nil: a histogram its column, bin count, bin mode (`quantile` or `log`; even when left
/// out) and count scale (`log_scale`); tables their sort column or metric and direction; the
/// slices pane its minimum size; the confusion pane whether it shows row percentages; the rows
/// pane the columns it shows, in order (`columns`, left out when every column shows in the
/// data's order), and the widths set by hand (`columnWidths`, in cells). `duplicateKind` is read
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

    public init(column: String? = nil, bins: Int? = nil, logScale: Bool? = nil, binMode: BinMode? = nil, sortColumn: String? = nil,
                sortMetric: String? = nil, descending: Bool? = nil, minimumSize: Int? = nil, duplicateKind: String? = nil,
                rowPercentages: Bool? = nil, columns: [String]? = nil, columnWidths: [String: Int]? = nil) {
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
    }
}

extension ViewLayout: Codable {
    private enum Keys: String, CodingKey { case pane, split, weights, children }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if let pane = try container.decodeIfPresent(ViewPane.self, forKey: .pane) {
            self = .pane(pane)
            return
        }
        let axis = try container.decode(ViewAxis.self, forKey: .split)
        let children = try container.decode([ViewLayout].self, forKey: .children)
        let weights = try container.decodeIfPresent([Double].self, forKey: .weights) ?? children.map { _ in 1 }
        guard !children.isEmpty, weights.count == children.count, weights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw DecodingError.dataCorruptedError(forKey: .weights, in: container,
                                                   debugDescription: "a split needs children and one positive weight per child")
        }
        // Only the proportions count: huge hand-written weights are scaled down so sums stay finite.
        let largest = weights.max() ?? 1
        self = .split(axis: axis, weights: largest > 1e6 ? weights.map { $0 / largest } : weights, children: children)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .pane(let pane):
            try container.encode(pane, forKey: .pane)
        case .split(let axis, let weights, let children):
            try container.encode(axis, forKey: .split)
            try container.encode(weights, forKey: .weights)
            try container.encode(children, forKey: .children)
        }
    }
}
