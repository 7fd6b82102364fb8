import TuttiCore
import TuttiTerminal

/// Identifies a pane in the layout.
public struct PaneID: Hashable, Sendable, Comparable, Codable {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: PaneID, b: PaneID) -> Bool { a.raw < b.raw }
}

/// Where the panes of the interface's layout tree go on screen.
extension LayoutNode where Leaf == PaneID {
    /// Each pane's rectangle when the layout fills `rect`.
    public func frames(in rect: Rect) -> [PaneID: Rect] {
        var result: [PaneID: Rect] = [:]
        collectFrames(in: rect, into: &result)
        return result
    }

    private func collectFrames(in rect: Rect, into result: inout [PaneID: Rect]) {
        switch self {
        case .pane(let id):
            result[id] = rect
        case .split(let axis, let children, let weights):
            for (child, childRect) in zip(children, Self.divide(rect, axis: axis, weights: weights)) {
                child.collectFrames(in: childRect, into: &result)
            }
        }
    }

    /// Cuts `rect` along `axis` in proportion to `weights`, in whole cells.
    static func divide(_ rect: Rect, axis: SplitAxis, weights: [Double]) -> [Rect] {
        let total = axis == .horizontal ? rect.width : rect.height
        let sum = max(weights.reduce(0, +), .leastNonzeroMagnitude)
        // The tiny addition keeps weights that are whole cell counts from rounding one cell down.
        var sizes = weights.map { Int((Double(total) * min(1, max(0, $0 / sum)) + 1e-9).rounded(.down)) }
        var remainder = total - sizes.reduce(0, +)
        var index = 0
        while remainder > 0, !sizes.isEmpty {
            sizes[index % sizes.count] += 1
            remainder -= 1
            index += 1
        }
        var offset = 0
        return sizes.map { size in
            defer { offset += size }
            return axis == .horizontal
                ? Rect(x: rect.x + offset, y: rect.y, width: size, height: rect.height)
                : Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: size)
        }
    }
}

/// A border between two children of a split, for dragging with the mouse.
public struct SplitBorder: Sendable, Equatable {
    /// The path of child indices from the root to the split.
    public let path: [Int]
    /// The border lies after child `index`.
    public let index: Int
    public let axis: SplitAxis
    /// The column (horizontal split) or row (vertical split) where the border is drawn: the
    /// first cell of the child after it.
    public let position: Int
    /// The span of the border along the other axis.
    public let span: ClosedRange<Int>
}
