import TuttiTerminal

extension Workspace {
    /// A press: on a border it starts a resize drag; in a pane it focuses it and passes the press on.
    mutating func mousePress(x: Int, y: Int) {
        let area = paneArea(width: lastSize.width, height: lastSize.height)
        if maximized == nil, let border = layout.borders(in: area).first(where: { border in
            border.axis == .horizontal ? (x == border.position - 1 || x == border.position) && border.span.contains(y)
                                       : (y == border.position - 1 || y == border.position) && border.span.contains(x)
        }) {
            dragBorder = border
            return
        }
        guard let id = focusPane(atX: x, y: y), let frame = frames(width: lastSize.width, height: lastSize.height)[id] else { return }
        dragPane = id
        send(.mousePress(x: x - frame.x - 1, y: y - frame.y - 1))
    }

    /// A drag: moves the border being dragged, or passes the drag on to the pane it started in.
    mutating func mouseDrag(x: Int, y: Int) {
        let area = paneArea(width: lastSize.width, height: lastSize.height)
        if let border = dragBorder {
            let splitRect = layout.rect(ofSplitAt: border.path, in: area)
            let delta = (border.axis == .horizontal ? x : y) - border.position
            layout.moveBorder(path: border.path, index: border.index, by: delta, in: splitRect)
            dragBorder = layout.borders(in: area).first { $0.path == border.path && $0.index == border.index }
            return
        }
        guard let id = dragPane, let frame = frames(width: lastSize.width, height: lastSize.height)[id] else { return }
        focus = id
        send(.mouseDrag(x: x - frame.x - 1, y: y - frame.y - 1))
    }

    /// A release: ends a border drag, or passes the release on to the pane the press was in.
    mutating func mouseRelease(x: Int, y: Int) {
        if dragBorder != nil {
            dragBorder = nil
            return
        }
        guard let id = dragPane, let frame = frames(width: lastSize.width, height: lastSize.height)[id] else { return }
        dragPane = nil
        focus = id
        send(.mouseRelease(x: x - frame.x - 1, y: y - frame.y - 1))
    }
}
