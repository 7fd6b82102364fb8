import Foundation
import TuttiCore
import TuttiTerminal

/// Runs what the workspace asks for: the one place in TuttiUI that starts background work and
/// touches files. Outcomes go back to the workspace (`Workspace.receive`), which may ask for more.
struct EffectRunner {
    let workspace: Workspace

    /// Runs the workspace's pending effects, and those their outcomes ask for, until none is left.
    func runPending() {
        var effects = workspace.takeEffects()
        while !effects.isEmpty {
            effects.forEach(run)
            effects = workspace.takeEffects()
        }
    }

    /// The next frame: ended work delivered, every pane laid out at the size (again when that
    /// started work that has already ended), then drawn.
    func frame(width: Int, height: Int) -> Canvas {
        workspace.jobs.deliverCompletions()
        runPending()
        // Inline work ends while it starts; a second layout shows what it found.
        for _ in 0..<2 {
            workspace.prepareFrame(width: width, height: height)
            guard workspace.hasPendingEffects else { break }
            runPending()
        }
        return workspace.render(width: width, height: height)
    }

    private func run(_ effect: Effect) {
        let workspace = self.workspace
        switch effect {
        case .start(let job, let owner):
            workspace.jobs.start(job) { [weak workspace] handle in workspace?.receive(.jobEnded(handle, owner: owner)) }
        case .stop(let handle?):
            handle.cancel()
        case .stop(nil):
            workspace.jobs.cancelAll()
        case .checkFile(let prompt, let path):
            workspace.receive(.fileChecked(prompt, path: path, exists: FileManager.default.fileExists(atPath: path)))
        case .write(let file, let prompt, let path, let overwrite):
            do {
                try write(file, to: path, overwrite: overwrite)
            } catch {
                workspace.receive(.writeRefused(prompt, problem: "\(error)"))
            }
        }
    }

    /// Writes the view at once; checks the path of an export or report now (so a bad one is
    /// refused before any work), then starts it in the background.
    private func write(_ file: FileWrite, to path: String, overwrite: Bool) throws {
        switch file {
        case .view(let document, let inputs):
            try document.write(to: path, overwrite: overwrite, inputs: inputs)
            workspace.receive(.viewSaved(path: path))
        case .export(let exporter, let options, let description):
            try RowExporter.checkDestination(path, options: options)
            let owner = JobOwner.export(path: path, description: description)
            workspace.receive(.writeStarted(owner))
            run(.start(JobRequest(label: "export") { handle in
                try exporter.export(to: path, options: options,
                                    work: WorkContext(progress: { handle.report($0.fraction) }, cancellation: handle.cancellation))
            }, owner: owner))
        case .report(let input, let inputs):
            let format = try ReportFormat(path: path)
            try OutputPath.check(path, inputs: inputs, overwrite: overwrite)
            let owner = JobOwner.report(path: path)
            workspace.receive(.writeStarted(owner))
            run(.start(JobRequest(label: "report") { handle in
                let report = try ReportBuilder.build(input, work: WorkContext(cancellation: handle.cancellation))
                try ReportFormat.write(report, to: path, format: format, overwrite: overwrite, inputs: inputs)
                return path
            }, owner: owner))
        }
    }
}
