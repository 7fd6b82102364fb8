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

    /// Starts writing the export rows to `path` in the background (atomically, with progress
    /// in the status line; Esc stops it and leaves nothing behind): every column, or
    /// (`allColumns` false) the rows pane's columns in its order without the hidden ones; in the
    /// rows pane's sort order when it is sorted. Throws at once when the path cannot be written
    /// (unknown extension, missing folder, the input file).
    func startExport(to path: String, allColumns: Bool, overwrite: Bool) throws {
        let dataset = state.dataset
        var columns = dataset.columns
        let pane = rowsPane?.pane
        if !allColumns, let shown = pane?.shown(in: dataset), !shown.isEmpty {
            columns = shown
        }
        let options = ExportOptions(overwrite: overwrite)
        try RowExporter.checkDestination(path, options: options)
        let (rows, rowsDescription) = exportRows
        var description = rowsDescription
        var order: [Int]?
        if let pane, let sort = pane.sort {
            order = pane.orderedRows(state)
            description += ", sorted by \(sort.column)\(sort.ascending ? "" : " descending")"
        }
        let exporter = RowExporter(dataset: dataset, columns: columns, rows: rows, order: order)
        say("exporting \(description) to \(path)…")
        jobs.start("export", work: { handle in
            try exporter.export(to: path, options: options,
                                work: WorkContext(progress: { handle.report($0.fraction) }, cancellation: handle.cancellation))
        }, completion: { [weak self] handle in
            switch handle.phase {
            case .finished:
                let summary = handle.value(as: ExportSummary.self)
                let columnsText = summary.map { "\($0.columnCount) columns" } ?? ""
                self?.say("exported \(description) × \(columnsText) to \(path)")
            case .failed(let message): self?.reopenPrompt(.exportRows, path: path, problem: message)
            case .cancelled: self?.say("export cancelled; \(path) was not written")
            case .running: break
            }
        })
    }
}
