import TuttiCore
import TuttiTerminal

extension Workspace {
    /// `y`: asks the app to copy the selected rows' ids (the id column's values, else row numbers,
    /// one per line) or, with nothing selected, the rows pane's focused cell to the clipboard (an
    /// OSC 52 sequence). Says what was copied, and when the size cap cut the list; says so when
    /// there is nothing to copy or it is too long.
    mutating func copyToClipboard() {
        guard let text = clipboardText() else { return }
        ask(.clipboard(ClipboardSequence.osc52(text, tmux: insideTmux)))
    }

    /// The text `y` copies, having said what it is; nil (with a message) when there is none.
    private mutating func clipboardText() -> String? {
        let dataset = state.dataset
        if let selected = state.visibleSelection, !selected.isEmpty {
            let column = state.roles[.id].flatMap(dataset.column(named:))
            let what = column.map { "\($0.name) values" } ?? "row numbers"
            // Lines are made only until the cap is reached; the rest are only counted.
            var text = ""
            var copied = 0
            var full = false
            selected.forEachMember { row in
                guard !full else { return }
                let line = column.map { $0.isPresent(row) ? $0.text(at: row) : "" } ?? String(row)
                guard text.utf8.count + line.utf8.count + 1 <= ClipboardSequence.limit else {
                    full = true
                    return
                }
                text += (copied == 0 ? "" : "\n") + line
                copied += 1
            }
            let total = selected.count
            if copied < total {
                say("copied \(NumberFormatting.grouped(copied)) of \(NumberFormatting.grouped(total)) \(what) "
                    + "(the clipboard takes \(ClipboardSequence.limit / 1000) KB); x exports them all")
            } else {
                say("copied \(NumberFormatting.grouped(copied)) \(what) to the clipboard")
            }
            return text
        }
        if let cell = panes[focus]?.rowsListing(state)?.focusedCell, let column = dataset.column(named: cell.column) {
            let text = column.isPresent(cell.row) ? column.text(at: cell.row) : ""
            guard text.utf8.count <= ClipboardSequence.limit else {
                say("the cell is too long for the clipboard (\(ClipboardSequence.limit / 1000) KB); Enter shows the row", isError: true)
                return nil
            }
            say("copied the cell to the clipboard")
            return text
        }
        say("nothing to copy: select rows, or focus a cell in the rows pane (2)")
        return nil
    }
}
