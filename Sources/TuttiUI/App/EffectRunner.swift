import Foundation
import TuttiCore
import TuttiTerminal

/// Runs the effects `Workspace.update` returns: the one place in TuttiUI that starts background
/// work, touches files, copies to the clipboard or acts on the terminal. What came of an effect
/// goes back into the workspace as `.outcome`, which may ask for more.
final class EffectRunner {
    /// Work running off the UI thread.
    let jobs: BackgroundJobs
    private let terminal: any Terminal
    /// Outcomes not yet handed to the workspace (ended work arrives between updates).
    private var arrived: [EffectOutcome] = []

    init(terminal: any Terminal, jobs: BackgroundJobs) {
        self.terminal = terminal
        self.jobs = jobs
    }

    /// Runs `effects` and those their outcomes ask for, until none is left.
    func run(_ effects: [Effect], on workspace: inout Workspace) {
        var effects = effects
        while true {
            effects.forEach(run)
            guard !arrived.isEmpty else { return }
            let outcomes = arrived
            arrived = []
            effects = outcomes.flatMap { workspace.update(.outcome($0)) }
        }
    }

    /// The next frame: ended work delivered, every pane laid out at the size (again when that
    /// started work that has already ended), then drawn.
    func frame(width: Int, height: Int, of workspace: inout Workspace) -> Canvas {
        jobs.deliverCompletions()
        run([], on: &workspace)
        // Inline work ends while it starts; a second layout shows what it found.
        for _ in 0..<2 {
            let effects = workspace.update(.layout(width: width, height: height))
            guard !effects.isEmpty else { break }
            run(effects, on: &workspace)
        }
        return workspace.render(width: width, height: height)
    }

    private func run(_ effect: Effect) {
        switch effect {
        case .start(let job, let owner):
            jobs.start(job) { [weak self] handle in self?.arrived.append(.jobEnded(handle, owner: owner)) }
        case .stop(let handle?):
            handle.cancel()
        case .stop(nil):
            jobs.cancelAll()
        case .checkFile(let prompt, let path):
            arrived.append(.fileChecked(prompt, path: path, exists: FileManager.default.fileExists(atPath: path)))
        case .write(let file, let prompt, let path, let overwrite):
            do {
                try write(file, to: path, overwrite: overwrite)
            } catch {
                arrived.append(.writeRefused(prompt, problem: "\(error)"))
            }
        case .clipboard(let sequence):
            terminal.writeControlSequence(sequence)
        case .mouseReporting(let on):
            terminal.setMouseReporting(on)
        case .suspend:
            terminal.suspend()
        }
    }

    /// Writes the view at once; checks the path of an export or report now (so a bad one is
    /// refused before any work), then starts it in the background.
    private func write(_ file: FileWrite, to path: String, overwrite: Bool) throws {
        switch file {
        case .view(let document, let inputs):
            try document.write(to: path, overwrite: overwrite, inputs: inputs)
            arrived.append(.viewSaved(path: path))
        case .export(let exporter, let options, let description):
            try RowExporter.checkDestination(path, options: options)
            let job = JobRequest(label: "export") { handle in
                try exporter.export(to: path, options: options,
                                    work: WorkContext(progress: { handle.report($0.fraction) }, cancellation: handle.cancellation))
            }
            start(job, owner: .export(path: path, description: description))
        case .engineExport(let engine, let columns, let filter, let options, let description):
            try RowExporter.checkDestination(path, options: options)
            let job = JobRequest(label: "export") { handle in
                try engine.export(path, columns, filter, options,
                                  WorkContext(progress: { handle.report($0.fraction) }, cancellation: handle.cancellation))
            }
            start(job, owner: .export(path: path, description: description))
        case .report(let input, let inputs):
            let format = try ReportFormat(path: path)
            try OutputPath.check(path, inputs: inputs, overwrite: overwrite)
            let job = JobRequest(label: "report") { handle in
                let report = try ReportBuilder.build(input, work: WorkContext(cancellation: handle.cancellation))
                try ReportFormat.write(report, to: path, format: format, overwrite: overwrite, inputs: inputs)
                return path
            }
            start(job, owner: .report(path: path))
        }
    }

    /// Says that work for a file began (so the workspace shows it), then starts it.
    private func start(_ job: JobRequest, owner: JobOwner) {
        arrived.append(.writeStarted(job.handle, owner: owner))
        run(.start(job, owner: owner))
    }
}
