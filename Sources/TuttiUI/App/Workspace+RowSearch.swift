import TuttiCore

extension Workspace {
    /// The rows pane the rows prompts, exports and the clipboard speak of, and what it offers
    /// them: the focused pane when it lists rows, else the first open one that does.
    var rowsPane: (id: PaneID, listing: RowsListing)? {
        if let focused = panes[focus]?.rowsListing(state) { return (focus, focused) }
        return panes.sorted { $0.key < $1.key }.lazy.compactMap { id, pane in pane.rowsListing(self.state).map { (id, $0) } }.first
    }

    /// Enter in the search or go-to-row prompt.
    mutating func answerRowsPrompt(_ open: Prompt) {
        guard let (id, _) = rowsPane else {
            prompt = nil
            say("open the rows pane (2) first")
            return
        }
        let text = open.editor.text.trimmingCharacters(in: .whitespaces)
        switch open.purpose {
        case .searchRows:
            let search: CellSearch
            do {
                search = try CellSearch(text, regex: open.regex)
            } catch {
                prompt = open.answered(with: "\(error)")
                return
            }
            prompt = nil
            update(id, .find(search))
        case .goToRow:
            guard let row = Int(text.filter { $0 != "," && $0 != "_" }) else {
                prompt = open.answered(with: "type a row number, as in the # column")
                return
            }
            prompt = nil
            update(id, .goToRow(row))
        default:
            prompt = nil
        }
    }
}
