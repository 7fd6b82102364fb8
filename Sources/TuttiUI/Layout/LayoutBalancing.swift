import TuttiCore
import TuttiTerminal

/// Sizing a layout so that every pane keeps its kind's minimum: where a new pane goes, and how
/// the splits share their room after a pane opens or when the user rebalances.
extension LayoutNode where Leaf == PaneID {
    /// The smallest frame this subtree fits in when every pane gets its minimum: side-by-side
    /// children add their widths, stacked children their heights.
    func minimum(_ paneMinimum: (PaneID) -> PaneMinimum) -> PaneMinimum {
        switch self {
        case .pane(let id):
            return paneMinimum(id)
        case .split(let axis, let children, _):
            let sizes = children.map { $0.minimum(paneMinimum) }
            let sum = sizes.reduce(0) { $0 + $1.along(axis) }
            let widest = sizes.map { $0.along(axis == .horizontal ? .vertical : .horizontal) }.max() ?? 0
            return axis == .horizontal ? PaneMinimum(width: sum, height: widest) : PaneMinimum(width: widest, height: sum)
        }
    }

    /// Resizes the children of every split so that each gets at least its minimum, taking the
    /// cells from the children with the most to spare. A split too small for all its children's
    /// minimums, and children no other child needs cells from, keep their sizes.
    public mutating func enforceMinimums(in rect: Rect, _ paneMinimum: (PaneID) -> PaneMinimum) {
        guard case .split(let axis, var children, _) = self else { return }
        let current = LayoutNode.divide(rect, axis: axis, weights: weights)
            .map { axis == .horizontal ? $0.width : $0.height }
        let minimums = children.map { $0.minimum(paneMinimum).along(axis) }
        let sizes = Self.share(current: current, minimums: minimums)
        let rects = LayoutNode.divide(rect, axis: axis, weights: sizes.map(Double.init))
        for index in children.indices { children[index].enforceMinimums(in: rects[index], paneMinimum) }
        self = .split(axis, children, weights: sizes.map(Double.init))
    }

    /// Gives every split's children room in proportion to the panes they hold along the split
    /// (so panes side by side get equal widths and stacked panes equal heights), then enforces the
    /// minimums.
    public mutating func rebalance(in rect: Rect, _ paneMinimum: (PaneID) -> PaneMinimum) {
        evenWeights()
        enforceMinimums(in: rect, paneMinimum)
    }

    private mutating func evenWeights() {
        guard case .split(let axis, var children, _) = self else { return }
        for index in children.indices { children[index].evenWeights() }
        self = .split(axis, children, weights: children.map { Double($0.panesAlong(axis)) })
    }

    /// How many panes lie side by side (`horizontal`) or stacked (`vertical`) at most.
    private func panesAlong(_ axis: SplitAxis) -> Int {
        switch self {
        case .pane: 1
        case .split(let splitAxis, let children, _):
            splitAxis == axis ? children.reduce(0) { $0 + $1.panesAlong(axis) } : children.map { $0.panesAlong(axis) }.max() ?? 1
        }
    }

    private var weights: [Double] {
        if case .split(_, _, let weights) = self { return weights }
        return []
    }

    /// Sizes that keep the total of `current` and lift every size to its minimum where possible.
    static func share(current: [Int], minimums: [Int]) -> [Int] {
        let total = current.reduce(0, +)
        let needed = minimums.reduce(0, +)
        guard needed > 0, total > 0 else { return current }
        // Too small for every minimum: lifting one child would only squeeze another.
        guard needed <= total else { return current }
        var sizes = current
        var deficit = 0
        for index in sizes.indices where sizes[index] < minimums[index] {
            deficit += minimums[index] - sizes[index]
            sizes[index] = minimums[index]
        }
        // Take the deficit from the children with the most to spare, one cell at a time from
        // whichever has the largest surplus, so the largest pane gives first.
        while deficit > 0 {
            guard let donor = sizes.indices.max(by: { sizes[$0] - minimums[$0] < sizes[$1] - minimums[$1] }),
                  sizes[donor] > minimums[donor] else { break }
            sizes[donor] -= 1
            deficit -= 1
        }
        return sizes
    }
}

/// Where a new pane opens: beside the pane that can best spare half of its frame.
enum PanePlacement {
    /// The pane to split and the axis to split it along, for a new pane of minimum `new`: the
    /// split that leaves both halves closest to their minimums (none short if possible), then the
    /// largest pane, then the axis that keeps the halves nearest square (a cell is about twice as
    /// tall as wide). Nil when there are no frames.
    static func best(frames: [PaneID: Rect], minimum: (PaneID) -> PaneMinimum, new: PaneMinimum) -> (PaneID, SplitAxis)? {
        var best: (key: (Double, Int, Double, Int), choice: (PaneID, SplitAxis))?
        for (id, frame) in frames {
            for axis in [SplitAxis.horizontal, .vertical] {
                let halves = axis == .horizontal
                    ? [(frame.width - frame.width / 2, frame.height), (frame.width / 2, frame.height)]
                    : [(frame.width, frame.height - frame.height / 2), (frame.width, frame.height / 2)]
                let shortfall = zip(halves, [minimum(id), new]).map { half, least in
                    max(Self.short(half.0, least.width), Self.short(half.1, least.height))
                }.max() ?? 0
                let aspect = Double(halves[1].0) / Double(max(1, 2 * halves[1].1))
                let key = (shortfall, -frame.width * frame.height, max(aspect, 1 / max(aspect, 0.001)), id.raw)
                if best.map({ key < $0.key }) ?? true { best = (key, (id, axis)) }
            }
        }
        return best?.choice
    }

    /// How far `size` falls below `least`, as a share of `least` (0 when it does not).
    private static func short(_ size: Int, _ least: Int) -> Double {
        least > 0 ? Double(max(0, least - size)) / Double(least) : 0
    }
}
