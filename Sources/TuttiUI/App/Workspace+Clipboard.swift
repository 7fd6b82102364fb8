import TuttiCore
import TuttiTerminal

extension Workspace {
    /// `y`: the OSC 52 sequence copying the selected rows' ids (the id column's values, else row
    /// numbers, one per line) or, with nothing selected, the rows pane's focused cell; nil with
    /// a message when there is nothing to copy. Says what was copied, and when the size cap cut
    /// the list.
    public func clipboardSequence() -> String? {
        guard let (lines, what) = clipboardLines() else {
            say("nothing to copy: select rows, or focus a cell in the rows pane (2)")
            return nil
        }
        var text = ""
        var copied = 0
        for line in lines {
            let needed = line.utf8.count + (text.isEmpty ? 0 : 1)
            guard text.utf8.count + needed <= ClipboardSequence.limit else { break }
            text += (text.isEmpty ? "" : "\n") + line
            copied += 1
        }
        if copied < lines.count {
            say("copied \(NumberFormatting.grouped(copied)) of \(NumberFormatting.grouped(lines.count)) \(what) "
                + "(the clipboard takes \(ClipboardSequence.limit / 1000) KB); x exports them all")
        } else {
            say(what == "cell" ? "copied the cell to the clipboard" : "copied \(NumberFormatting.grouped(copied)) \(what) to the clipboard")
        }
        return ClipboardSequence.osc52(text, tmux: insideTmux)
    }

    private func clipboardLines() -> (lines: [String], what: String)? {
        let dataset = state.dataset
        if let selected = state.visibleSelection, !selected.isEmpty {
            if let name = state.roles[.id], let column = dataset.column(named: name) {
                return (selected.members.map { column.isPresent($0) ? column.text(at: $0) : "" }, "\(name) values")
            }
            return (selected.members.map(String.init), "row numbers")
        }
        if let rows = panes[focus] as? RowsPane, let cell = rows.focusedCell, let column = dataset.column(named: cell.column) {
            return ([column.isPresent(cell.row) ? column.text(at: cell.row) : ""], "cell")
        }
        return nil
    }
}
