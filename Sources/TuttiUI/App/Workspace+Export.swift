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
    /// in the status line; Esc stops it and leaves nothing behind). Throws at once when the
    /// path cannot be written (unknown extension, missing folder, the input file).
    func startExport(to path: String, allColumns: Bool, overwrite: Bool) throws {
        let dataset = state.dataset
        var columns = dataset.columns
        if !allColumns, let rowsPane = panes.values.compactMap({ $0 as? RowsPane }).first, !rowsPane.visibleColumns.isEmpty {
            columns = try dataset.columns(named: rowsPane.visibleColumns)
        }
        let options = ExportOptions(overwrite: overwrite)
        try RowExporter.checkDestination(path, options: options)
        let (rows, description) = exportRows
        let exporter = RowExporter(dataset: dataset, columns: columns, rows: rows)
        say("exporting \(description) to \(path)…")
        jobs.start("export", work: { handle in
            var run = options
            run.cancellation = handle.cancellation
            run.progress = { handle.report($0.fraction) }
            return try exporter.export(to: path, options: run)
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
