import TuttiCore

extension Workspace {
    /// The rows `x` exports: the selected rows that pass the filter, or, when nothing is
    /// selected, every filtered row; and words saying which.
    public var exportRows: (rows: RowSet, description: String) {
        if let selected = state.visibleSelection {
            return (selected, "\(NumberFormatting.grouped(selected.count)) selected rows")
        }
        return (state.filter.rows, "the \(NumberFormatting.grouped(state.filteredCount)) filtered rows (nothing selected)")
    }

    /// The export of the export rows: every column, or (`allColumns` false) the rows pane's
    /// columns in its order without the hidden ones; in the rows pane's sort order when it is
    /// sorted. The app checks the path, then writes it atomically in the background, with
    /// progress in the status line; Esc stops it and leaves nothing behind.
    func export(allColumns: Bool, overwrite: Bool) -> FileWrite {
        let dataset = state.dataset
        var columns = dataset.columns
        let listing = rowsPane?.listing
        if !allColumns, let shown = listing?.columns, !shown.isEmpty {
            columns = shown
        }
        let (rows, rowsDescription) = exportRows
        var description = rowsDescription
        if let engine, let filter = EngineRows.filter(for: state) {
            let total = tableRows
            let count = !filter.isEmpty ? "the rows of `\(filter)`"
                : total.exact == nil && total.estimate == nil ? "all rows" : "all \(total.text) rows"
            return .engineExport(engine, columns: columns.map(\.name), filter: filter, ExportOptions(overwrite: overwrite),
                                 description: "\(count) from the engine (in its order)")
        }
        if engine != nil { description += " of the sample (rows picked by hand exist only there)" }
        var order: [Int]?
        if let listing, let sort = listing.sort {
            order = listing.order
            description += ", sorted by \(sort.column)\(sort.ascending ? "" : " descending")"
        }
        let exporter = RowExporter(dataset: dataset, columns: columns, rows: rows, order: order)
        return .export(exporter, ExportOptions(overwrite: overwrite), description: description)
    }
}
