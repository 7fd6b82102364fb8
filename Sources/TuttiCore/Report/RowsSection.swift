/// A rows pane: the first filtered rows (selected ones first), in the pane's sort order, of the
/// columns the pane shows.
enum RowsSection {
    /// Rows shown.
    static let shownRows = 20
    /// Characters shown of a cell before an ellipsis.
    static let cellLimit = 40

    static func make(state: ExplorerState, settings: PaneSettings) -> ReportSection {
        let dataset = state.dataset
        var order = state.filter.rows.members
        var sortNote = ""
        if let name = settings.sortColumn, let column = dataset.column(named: name) {
            let ascending = !(settings.descending ?? false)
            order = RowOrdering.sorted(order, by: column, ascending: ascending)
            sortNote = ", sorted by \(name) \(ascending ? "ascending" : "descending")"
        }
        let selection = state.visibleSelection
        if let selection {
            let (chosen, others) = (order.filter { selection.contains($0) }, order.filter { !selection.contains($0) })
            order = chosen + others
        }
        let shown = Array(order.prefix(shownRows))
        var headers = ["row"]
        if selection != nil { headers.append("selected") }
        let columnsStart = headers.count
        let named = settings.columns?.compactMap(dataset.column(named:)) ?? []
        let columns = named.isEmpty ? dataset.columns : named
        headers += columns.map(\.name)
        let rows = shown.map { row -> [String] in
            var cells = [String(row)]
            if let selection { cells.append(selection.contains(row) ? "▓ yes" : "") }
            cells += columns.map { cell($0.text(at: row)) }
            return cells
        }
        let numeric = columns.indices.filter { columns[$0].kind.isNumeric }.map { $0 + columnsStart }
        let which = selection.map { $0.isEmpty ? "" : "; the \(NumberFormatting.grouped($0.count)) selected ones first" } ?? ""
        let caption = "The first \(NumberFormatting.rows(shown.count)) of \(NumberFormatting.grouped(state.filteredCount)) filtered"
            + "\(sortNote)\(which). Row numbers count from 0; an empty cell is a missing value."
        return ReportSection(heading: "Rows", blocks: [.table(ReportTable(headers: headers, rows: rows,
                                                                          rightAligned: Set([0] + numeric), caption: caption))])
    }

    /// The cell fitted to `cellLimit` characters (by the rule of `TextFit`), line breaks as spaces.
    static func cell(_ text: String) -> String {
        let flat = text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
        return TextFit.fit(flat, cellLimit, CharacterCells.self)
    }
}
