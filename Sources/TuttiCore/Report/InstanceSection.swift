/// An instance pane: one row whole — the row the pane showed (saved in the view), else the
/// focused row, else the first filtered row, as the pane picks it.
enum InstanceSection {
    /// Characters of a text kept before the rest is cut (and counted).
    static let longestText = 20_000

    static func make(state: ExplorerState, settings: PaneSettings) -> ReportSection {
        let dataset = state.dataset
        let saved = [settings.row, state.focusedRow].compactMap { $0 }.first { $0 >= 0 && $0 < dataset.rowCount }
        guard let row = saved ?? firstRow(of: state.filter.rows) else {
            return ReportSection(heading: "Instance", blocks: [.note("No row passes the filter, so there is no row to show.")])
        }
        let fields = dataset.columns.map { column -> ReportInstance.Field in
            guard column.isPresent(row) else { return ReportInstance.Field(name: column.name, value: .missing) }
            if case .vector(let size, let values) = column.data {
                let slice = Array(values[(row * size)..<((row + 1) * size)])
                return ReportInstance.Field(name: column.name,
                                            value: .vector(slice, image: ImageShape.inferred(forWidth: size, preferred: state.imageShape)))
            }
            var text = column.text(at: row)
            if text.count > longestText {
                text = String(text.prefix(longestText)) + " … (\(NumberFormatting.grouped(text.count - longestText)) more characters)"
            }
            return ReportInstance.Field(name: column.name, value: .text(text))
        }
        let instance = ReportInstance(row: row, selected: state.selection?.rows.contains(row) ?? false,
                                      filteredOut: !state.filter.rows.contains(row), fields: fields)
        var words = "Every column of row \(row) (counting from 0)"
        if instance.selected { words += "; the row is selected" }
        if instance.filteredOut { words += "; it does not pass the filter" }
        return ReportSection(heading: "Instance: row \(row)", blocks: [.paragraph([.plain(words + ".")]), .instance(instance)])
    }

    /// The first member of `rows`, if any.
    private static func firstRow(of rows: RowSet) -> Int? {
        guard let word = rows.words.firstIndex(where: { $0 != 0 }) else { return nil }
        return word << 6 + rows.words[word].trailingZeroBitCount
    }
}
