import TuttiCore

extension Workspace {
    /// Focuses the next (`+1`) or previous (`-1`) pane.
    mutating func cycleFocus(_ step: Int) {
        let order = maximized.map { [$0] } ?? layout.panes
        guard let index = order.firstIndex(of: focus), !order.isEmpty else { return }
        focus = order[(index + step + order.count) % order.count]
    }

    /// Focuses the pane containing the given screen cell.
    mutating func focusPane(atX x: Int, y: Int) -> PaneID? {
        guard let (id, _) = frames(width: lastSize.width, height: lastSize.height).first(where: { $0.value.contains(x: x, y: y) }) else {
            return nil
        }
        focus = id
        return id
    }

    /// Opens (or focuses) a histogram of `column`.
    mutating func openHistogram(_ column: String) {
        if let existing = panes.first(where: { $0.value.kind == .histogram && $0.value.savedSettings.column == column })?.key {
            focus = existing
            maximized = nil
            return
        }
        if let pane = PaneRegistry.make(.histogram, settings: PaneSettings(column: column)) { open(pane) }
    }

    /// Opens (or focuses) the pane of a kind that has only one instance.
    mutating func showPane(_ kind: PaneKind) {
        if let existing = panes.first(where: { $0.value.kind == kind })?.key {
            focus = existing
            return
        }
        if let pane = PaneRegistry.make(kind) { open(pane) }
    }

    /// Opens `pane` in half of the pane that can best spare it (the largest one whose halves both
    /// keep their minimums), then lifts every pane to its minimum where the terminal has room.
    private mutating func open(_ pane: any Pane) {
        let area = paneArea(width: lastSize.width, height: lastSize.height)
        guard let (target, axis) = PanePlacement.best(frames: layout.frames(in: area), minimum: minimumFrames,
                                                      new: pane.kind.minimumFrame) else { return }
        let id = PaneID(nextID)
        nextID += 1
        panes[id] = pane
        layout.insert(id, beside: target, axis: axis)
        let minimum = minimumFrames
        layout.enforceMinimums(in: area, minimum)
        maximized = nil
        focus = id
    }

    /// Sizes every pane afresh: equal shares along each split, each pane at least its minimum.
    mutating func rebalance() {
        maximized = nil
        let minimum = minimumFrames
        layout.rebalance(in: paneArea(width: lastSize.width, height: lastSize.height), minimum)
        say("panes rebalanced")
    }

    /// Each pane's smallest useful frame, by its kind.
    private var minimumFrames: (PaneID) -> PaneMinimum {
        let kinds = panes.mapValues(\.kind)
        return { kinds[$0]?.minimumFrame ?? PaneMinimum(width: 3, height: 3) }
    }

    /// Closes the focused pane (the last one stays).
    mutating func closeFocused() {
        guard panes.count > 1, layout.remove(focus) else {
            say("the last pane stays open")
            return
        }
        panes[focus] = nil
        if brush?.source == focus { brush = nil }
        maximized = nil
        focus = layout.panes.first ?? focus
    }

    /// Swaps the focused pane with the next one.
    mutating func swapFocused() {
        let order = layout.panes
        guard order.count > 1, let index = order.firstIndex(of: focus) else { return }
        layout.swap(focus, order[(index + 1) % order.count])
    }

    /// Grows the focused pane by `cells` along `axis`.
    mutating func resizeFocused(axis: SplitAxis, by cells: Int) {
        guard maximized == nil else { return }
        layout.resize(focus, axis: axis, by: cells, in: paneArea(width: lastSize.width, height: lastSize.height))
    }
}
