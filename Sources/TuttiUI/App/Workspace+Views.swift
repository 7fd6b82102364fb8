import TuttiCore

extension Workspace {
    /// The view as a document: the data's path and fingerprint, roles, filter, selection,
    /// group columns, the layout with each pane's settings, and the theme.
    public func viewDocument() -> ViewDocument {
        let (layout, focus) = viewLayout()
        return ViewDocument(state: state, datasetPath: datasetPath, layout: layout, focus: focus, theme: theme.name)
    }

    /// `w`: writes the view to `path` (atomically; replacing a file only if `overwrite`).
    func saveView(to path: String, overwrite: Bool) throws {
        try viewDocument().write(to: path, overwrite: overwrite, inputs: [state.dataset.source])
        say("saved the view to \(path) · tutti open \(path) reopens it")
    }
}

extension Workspace {
    /// `R`: writes a report of the view (every pane, the filter and selection) in the
    /// background; the format comes from the extension.
    func startReport(to path: String, overwrite: Bool) throws {
        let format = try ReportFormat(path: path)
        // Refuse a bad path (no folder, the input file) now rather than after the work.
        let inputs = [state.dataset.source]
        try OutputPath.check(path, inputs: inputs, overwrite: overwrite)
        let input = ReportInput(state: state, datasetName: URLName.lastComponent(state.dataset.source),
                                panes: viewLayout().layout.panes)
        say("writing the report to \(path)…")
        jobs.start("report", work: { handle in
            let report = try ReportBuilder.build(input, work: WorkContext(cancellation: handle.cancellation))
            try ReportFormat.write(report, to: path, format: format, overwrite: overwrite, inputs: inputs)
            return path
        }, completion: { [weak self] handle in
            switch handle.phase {
            case .finished: self?.say("wrote the report to \(path)")
            case .failed(let message): self?.reopenPrompt(.saveReport, path: path, problem: message)
            case .cancelled: self?.say("report cancelled; \(path) was not written")
            case .running: break
            }
        })
    }
}
