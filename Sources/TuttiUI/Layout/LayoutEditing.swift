import TuttiCore
import TuttiTerminal

/// Changes to a layout tree: open, close, swap and resize panes.
extension LayoutNode where Leaf == PaneID {
    /// Opens `new` beside `existing`, splitting along `axis` (joining an existing split along the
    /// same axis). Returns false if `existing` is not in the tree.
    @discardableResult
    public mutating func insert(_ new: PaneID, beside existing: PaneID, axis: SplitAxis) -> Bool {
        switch self {
        case .pane(let id):
            guard id == existing else { return false }
            self = .split(axis, [.pane(id), .pane(new)], weights: [1, 1])
            return true
        case .split(let splitAxis, var children, var weights):
            if splitAxis == axis, let index = children.firstIndex(of: .pane(existing)) {
                let half = weights[index] / 2
                weights[index] = half
                children.insert(.pane(new), at: index + 1)
                weights.insert(half, at: index + 1)
                self = .split(splitAxis, children, weights: weights)
                return true
            }
            for index in children.indices where children[index].insert(new, beside: existing, axis: axis) {
                self = .split(splitAxis, children, weights: weights)
                return true
            }
            return false
        }
    }

    /// Removes pane `id`; a split left with one child is replaced by it. Returns false if `id`
    /// is the last pane or not in the tree.
    @discardableResult
    public mutating func remove(_ id: PaneID) -> Bool {
        guard case .split(let axis, var children, var weights) = self else { return false }
        if let index = children.firstIndex(of: .pane(id)) {
            children.remove(at: index)
            weights.remove(at: index)
        } else {
            var removed = false
            for index in children.indices where children[index].remove(id) {
                removed = true
                break
            }
            guard removed else { return false }
        }
        self = children.count == 1 ? children[0] : .split(axis, children, weights: weights)
        return true
    }

    /// Exchanges the places of two panes.
    public mutating func swap(_ a: PaneID, _ b: PaneID) {
        switch self {
        case .pane(let id):
            if id == a { self = .pane(b) } else if id == b { self = .pane(a) }
        case .split(let axis, var children, let weights):
            for index in children.indices { children[index].swap(a, b) }
            self = .split(axis, children, weights: weights)
        }
    }

    /// Grows (positive `cells`) or shrinks pane `id` along `axis` by moving the border of the
    /// nearest enclosing split along that axis. `rect` is the area the layout fills.
    public mutating func resize(_ id: PaneID, axis: SplitAxis, by cells: Int, in rect: Rect) {
        guard let (splitPath, child) = pathToSplit(containing: id, axis: axis) else { return }
        let splitRect = self.rect(ofSplitAt: splitPath, in: rect)
        // Grow the pane by moving the border after it; the last child moves the one before it.
        let isLast = child == childCount(at: splitPath) - 1
        moveBorder(path: splitPath, index: isLast ? child - 1 : child, by: isLast ? -cells : cells, in: splitRect)
    }

    /// Moves the border after child `index` of the split at `path` by `cells`, keeping every
    /// child at least 3 cells.
    public mutating func moveBorder(path: [Int], index: Int, by cells: Int, in splitRect: Rect) {
        guard index >= 0 else { return }
        update(path: path) { node in
            guard case .split(let axis, let children, var weights) = node, index + 1 < children.count else { return }
            let total = axis == .horizontal ? splitRect.width : splitRect.height
            let sizes = LayoutNode.divide(splitRect, axis: axis, weights: weights)
                .map { axis == .horizontal ? $0.width : $0.height }
            let minimum = 3
            let delta = max(-(sizes[index] - minimum), min(cells, sizes[index + 1] - minimum))
            guard delta != 0, total > 0 else { return }
            let sum = weights.reduce(0, +)
            var newSizes = sizes
            newSizes[index] += delta
            newSizes[index + 1] -= delta
            weights = newSizes.map { Double($0) / Double(total) * sum }
            node = .split(axis, children, weights: weights)
        }
    }

    /// Every border between split children, for hit-testing mouse drags.
    public func borders(in rect: Rect) -> [SplitBorder] {
        var result: [SplitBorder] = []
        collectBorders(in: rect, path: [], into: &result)
        return result
    }

    private func collectBorders(in rect: Rect, path: [Int], into result: inout [SplitBorder]) {
        guard case .split(let axis, let children, let weights) = self else { return }
        let rects = LayoutNode.divide(rect, axis: axis, weights: weights)
        for (index, child) in children.enumerated() {
            if index + 1 < children.count {
                let next = rects[index + 1]
                result.append(axis == .horizontal
                    ? SplitBorder(path: path, index: index, axis: axis, position: next.x, span: next.y...max(next.y, next.maxY - 1))
                    : SplitBorder(path: path, index: index, axis: axis, position: next.y, span: next.x...max(next.x, next.maxX - 1)))
            }
            child.collectBorders(in: rects[index], path: path + [index], into: &result)
        }
    }

    /// The rectangle of the split at `path` when the layout fills `rect`.
    public func rect(ofSplitAt path: [Int], in rect: Rect) -> Rect {
        var node = self
        var area = rect
        for index in path {
            guard case .split(let axis, let children, let weights) = node else { break }
            area = LayoutNode.divide(area, axis: axis, weights: weights)[index]
            node = children[index]
        }
        return area
    }

    private func pathToSplit(containing id: PaneID, axis: SplitAxis) -> (splitPath: [Int], child: Int)? {
        func search(_ node: LayoutNode, _ path: [Int]) -> (splitPath: [Int], child: Int)? {
            guard case .split(let splitAxis, let children, _) = node else { return nil }
            for (index, child) in children.enumerated() where child.panes.contains(id) {
                if let deeper = search(child, path + [index]) { return deeper }
                return splitAxis == axis ? (path, index) : nil
            }
            return nil
        }
        return search(self, [])
    }

    private func childCount(at path: [Int]) -> Int {
        var node = self
        for index in path {
            guard case .split(_, let children, _) = node else { return 0 }
            node = children[index]
        }
        if case .split(_, let children, _) = node { return children.count }
        return 0
    }

    private mutating func update(path: [Int], _ change: (inout LayoutNode) -> Void) {
        guard let first = path.first else {
            change(&self)
            return
        }
        guard case .split(let axis, var children, let weights) = self else { return }
        children[first].update(path: Array(path.dropFirst()), change)
        self = .split(axis, children, weights: weights)
    }
}
