import TuttiCore

extension Workspace {
    /// What the status line calls the pull of a new sample.
    static let sampleLabel = "new sample"

    /// Enter in the `P` prompt: pulls a sample of the typed number of rows in the background, or
    /// keeps the prompt open with the problem under the text.
    mutating func answerSampleSize(_ open: Prompt) {
        let digits = open.editor.text.filter { $0 != "," && $0 != "_" && $0 != " " }
        guard let rows = Int(digits), rows >= 1 else {
            prompt = open.answered(with: "type a number of rows, at least 1")
            return
        }
        guard let pull = engine?.sample else {
            prompt = nil
            return
        }
        prompt = nil
        if runningWork.contains(where: { $0.label == Self.sampleLabel }) {
            say("a new sample is being pulled already · Esc stops it")
            return
        }
        ask(.start(JobRequest(label: Self.sampleLabel) { handle in
            let progress: @Sendable (WorkProgress) -> Void = { step in
                handle.report(step.total > 0 ? Double(step.done) / Double(step.total) : nil, detail: step.phase)
            }
            return try pull(rows, WorkContext(progress: progress, cancellation: handle.cancellation))
        }, owner: .engine(.sample(rows))))
        say("pulling a new sample of \(NumberFormatting.grouped(rows)) rows · Esc stops")
    }

    /// Takes the new sample the engine gave, or says why there is none (the old one stays).
    mutating func sampleEnded(_ handle: JobHandle, rows: Int) {
        switch handle.phase {
        case .finished:
            if let sample = handle.value(as: EngineSample.self) { takeSample(sample) }
        case .failed(let message):
            say("the sample of \(NumberFormatting.grouped(rows)) rows could not be pulled (\(message)); the old one stays",
                isError: true)
        case .cancelled:
            say("the new sample was stopped; the old one stays")
        case .running:
            break
        }
    }

    /// Swaps `sample` in for the rows the panes draw, keeping what a view file keeps — the
    /// columns derived in the sample (derived again), roles, threshold, filter (its expression),
    /// selection (by expression, ids or row number), group columns, layout and each pane's
    /// settings — and stopping what the panes were computing on the old rows. The undo history
    /// starts again.
    mutating func takeSample(_ sample: EngineSample) {
        var data = sample.dataset
        var notes: [String] = []
        for derived in state.dataset.derivedColumns {
            do {
                data = try data.adding(derived)
            } catch {
                notes.append("the column \(derived.name) could not be derived again (\(error))")
            }
        }
        let restored: RestoredView
        do {
            restored = try viewDocument().restore(on: data, roles: state.roles, warnsOfChangedData: false)
        } catch {
            say("the new sample could not take the view (\(error)); the old one stays", isError: true)
            return
        }
        for handle in paneWork where handle.isRunning { ask(.stop(handle)) }
        paneWork = []
        let opened = restoring(explorer: restored.explorer, layout: restored.layout, focus: restored.focus)
        self = opened.workspace
        if let exact = sample.tableRows { engine?.tableRows = exact }
        notes += restored.warnings + opened.warnings
        let size = "\(NumberFormatting.grouped(data.rowCount)) of \(tableRows.text) rows"
        say(notes.isEmpty ? "new sample: \(size) · filter, selection and panes kept (undo starts again)"
                          : "new sample: \(size) · " + notes.joined(separator: "; "), isError: !notes.isEmpty)
    }
}
