import TuttiCore

extension Workspace {
    /// The rows pane the rows prompts and exports speak of: the focused pane when it is one,
    /// else the first open one.
    var rowsPane: (id: PaneID, pane: RowsPane)? {
        if let focused = panes[focus] as? RowsPane { return (focus, focused) }
        return panes.lazy.compactMap { id, pane in (pane as? RowsPane).map { (id, $0) } }.min { $0.id.raw < $1.id.raw }
    }

    /// Enter in the search or go-to-row prompt.
    func answerRowsPrompt(_ open: Prompt) {
        guard let (id, pane) = rowsPane else {
            prompt = nil
            say("open the rows pane (2) first")
            return
        }
        let text = open.editor.text.trimmingCharacters(in: .whitespaces)
        switch open.purpose {
        case .searchRows:
            do {
                pane.begin(try CellSearch(text, regex: open.regex))
            } catch {
                var again = open
                again.problem = "\(error)"
                prompt = again
                return
            }
            prompt = nil
            findInRows(id, forward: true, includingCursor: true)
        case .goToRow:
            guard let row = Int(text.filter { $0 != "," && $0 != "_" }) else {
                var again = open
                again.problem = "type a row number, as in the # column"
                prompt = again
                return
            }
            prompt = nil
            say(pane.goTo(row: row, state: state))
        default:
            prompt = nil
        }
    }

    /// Moves the rows pane `id` to its search's next (or previous) match, finding the matches in
    /// the background first when the search, the filter or the columns shown changed.
    func findInRows(_ id: PaneID, forward: Bool, includingCursor: Bool) {
        guard let pane = panes[id] as? RowsPane, let input = pane.searchInput(state) else { return }
        if let message = pane.jumpToMatch(forward: forward, includingCursor: includingCursor, state: state) {
            say(message)
            return
        }
        let (key, columns, rows) = input
        say("finding “\(key.search.text)”…")
        jobs.start("search", work: { handle in
            try key.search.matches(in: columns, among: rows,
                                   work: WorkContext(progress: { handle.report($0.fraction) }, cancellation: handle.cancellation))
        }, completion: { [weak self, weak pane] handle in
            guard let self, let pane else { return }
            switch handle.phase {
            case .finished:
                guard let found = handle.value(as: [RowSet].self) else { return }
                pane.store(found, for: key, state: self.state)
                if let message = pane.jumpToMatch(forward: forward, includingCursor: includingCursor, state: self.state) {
                    self.say(message)
                }
            case .failed(let message): self.say(message, isError: true)
            case .cancelled: self.say("search stopped")
            case .running: break
            }
        })
    }
}
