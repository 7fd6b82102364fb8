/// How a split arranges its children.
public enum SplitAxis: String, Sendable, Codable {
    /// Side by side, left to right.
    case horizontal
    /// Stacked, top to bottom.
    case vertical
}

/// A tree of splits whose leaves are panes. Sizes are weights, so a layout fits any terminal.
/// The interface's leaves are its pane identifiers; a saved view's are `ViewPane`s.
public indirect enum LayoutNode<Leaf: Sendable & Equatable>: Sendable, Equatable {
    /// One pane.
    case pane(Leaf)
    /// Children side by side (`horizontal`) or stacked (`vertical`), sized by `weights`.
    case split(SplitAxis, [LayoutNode], weights: [Double])

    /// The panes in reading order (the focus order of Tab).
    public var panes: [Leaf] {
        switch self {
        case .pane(let leaf): [leaf]
        case .split(_, let children, _): children.flatMap(\.panes)
        }
    }

    /// The same tree with every pane transformed.
    public func map<Other>(_ transform: (Leaf) throws -> Other) rethrows -> LayoutNode<Other> {
        switch self {
        case .pane(let leaf): .pane(try transform(leaf))
        case .split(let axis, let children, let weights): .split(axis, try children.map { try $0.map(transform) }, weights: weights)
        }
    }

    /// The tree with the panes `transform` turns into nil left out: a split keeps the weights of
    /// the children left and becomes its child when one is left; nil when no pane is left.
    public func compactMap<Other>(_ transform: (Leaf) throws -> Other?) rethrows -> LayoutNode<Other>? {
        switch self {
        case .pane(let leaf):
            return try transform(leaf).map { .pane($0) }
        case .split(let axis, let children, let weights):
            var kept: [(LayoutNode<Other>, Double)] = []
            for (child, weight) in zip(children, weights) {
                if let node = try child.compactMap(transform) { kept.append((node, weight)) }
            }
            guard !kept.isEmpty else { return nil }
            if kept.count == 1 { return kept[0].0 }
            return .split(axis, kept.map(\.0), weights: kept.map(\.1))
        }
    }

    /// The number of panes.
    public var paneCount: Int {
        switch self {
        case .pane: 1
        case .split(_, let children, _): children.reduce(0) { $0 + $1.paneCount }
        }
    }

    /// The number of splits on the longest path from the root to a pane (0 for one pane).
    public var depth: Int {
        switch self {
        case .pane: 0
        case .split(_, let children, _): 1 + children.reduce(0) { max($0, $1.depth) }
        }
    }
}

/// The view file's form: `{"pane": …}` or `{"split": "horizontal", "weights": […], "children": […]}`.
extension LayoutNode: Codable where Leaf: Codable {
    private enum Keys: String, CodingKey { case pane, split, weights, children }

    /// Reads a layout; a split's weights may be left out (equal sizes), and only their
    /// proportions count.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if let pane = try container.decodeIfPresent(Leaf.self, forKey: .pane) {
            self = .pane(pane)
            return
        }
        let axis = try container.decode(SplitAxis.self, forKey: .split)
        let children = try container.decode([LayoutNode].self, forKey: .children)
        let weights = try container.decodeIfPresent([Double].self, forKey: .weights) ?? children.map { _ in 1 }
        guard !children.isEmpty, weights.count == children.count, weights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw DecodingError.dataCorruptedError(forKey: .weights, in: container,
                                                   debugDescription: "a split needs children and one positive weight per child")
        }
        // Only the proportions count: huge hand-written weights are scaled down so sums stay finite.
        let largest = weights.max() ?? 1
        self = .split(axis, children, weights: largest > 1e6 ? weights.map { $0 / largest } : weights)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .pane(let pane):
            try container.encode(pane, forKey: .pane)
        case .split(let axis, let children, let weights):
            try container.encode(axis, forKey: .split)
            try container.encode(weights, forKey: .weights)
            try container.encode(children, forKey: .children)
        }
    }
}
