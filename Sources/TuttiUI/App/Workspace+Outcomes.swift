import TuttiCore

extension Workspace {
    /// Takes what came of an effect: a checked path (ask before replacing, else write), a refused
    /// or started write, a saved view, or the end of background work.
    mutating func receive(_ outcome: EffectOutcome) {
        switch outcome {
        case .fileChecked(let open, let path, let exists):
            guard prompt == open else { return }
            if exists && !open.confirmingOverwrite {
                var confirming = open
                confirming.confirmingOverwrite = true
                prompt = confirming
                return
            }
            carryOut(open, path: path, overwrite: open.confirmingOverwrite)
        case .writeRefused(let open, let problem):
            var again = open
            again.confirmingOverwrite = false
            prompt = again.answered(with: problem)
        case .viewSaved(let path):
            say("saved the view to \(path) · tutti open \(path) reopens it")
        case .writeStarted(let handle, let owner):
            work.removeAll { !$0.isRunning }
            work.append(handle)
            switch owner {
            case .export(let path, let description): say("exporting \(description) to \(path)…")
            case .report(let path): say("writing the report to \(path)…")
            case .pane, .engine: break
            }
        case .jobEnded(let handle, let owner):
            work.removeAll { $0 === handle }
            if case .pane(let id) = owner {
                update(id, .jobEnded(handle))
            } else if case .engine(let query) = owner {
                engineJobEnded(handle, query: query)
            } else {
                fileJobEnded(handle, owner: owner)
            }
        }
    }

    /// Says how an export or a report in the background ended; after a failure, opens its
    /// prompt again with the problem.
    private mutating func fileJobEnded(_ handle: JobHandle, owner: JobOwner) {
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
        case (.pane, _), (.engine, _), (_, .running): break
        }
    }
}
