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
        var order: [Int]?
        if let listing, let sort = listing.sort {
            order = listing.order
            description += ", sorted by \(sort.column)\(sort.ascending ? "" : " descending")"
        }
        let exporter = RowExporter(dataset: dataset, columns: columns, rows: rows, order: order)
        return .export(exporter, ExportOptions(overwrite: overwrite), description: description)
    }

    /// Says how an export or a report in the background ended; after a failure, opens its
    /// prompt again with the problem.
    func fileJobEnded(_ handle: JobHandle, owner: JobOwner) {
        switch (owner, handle.phase) {
        case (.export(let path, let description), .finished):
            let summary = handle.value(as: ExportSummary.self)
            let columnsText = summary.map { "\($0.columnCount) columns" } ?? ""
            say("exported \(description) × \(columnsText) to \(path)")
        case (.export(let path, _), .failed(let message)): reopenPrompt(.exportRows, path: path, problem: message)
        case (.export(let path, _), .cancelled): say("export cancelled; \(path) was not written")
        case (.report(let path), .finished): say("wrote the report to \(path)")
        case (.report(let path), .failed(let message)): reopenPrompt(.saveReport, path: path, problem: message)
        case (.report(let path), .cancelled): say("report cancelled; \(path) was not written")
        case (.pane, _), (_, .running): break
        }
    }
}
