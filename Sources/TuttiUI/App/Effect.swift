import TuttiCore

/// What the workspace asks the app to do outside itself: start or stop background work, check
/// or write files, copy to the clipboard, act on the terminal. `Workspace.update` returns them;
/// the app's `EffectRunner` does them and reports back with an `EffectOutcome`.
public enum Effect {
    /// Start background work; its end goes back to `owner`.
    case start(JobRequest, owner: JobOwner)
    /// Ask background work to stop: one job, or (nil) every running job.
    case stop(JobHandle?)
    /// Check whether the file a prompt names exists, before writing it.
    case checkFile(Prompt, path: String)
    /// Write the file a prompt asked for (an export or a report in the background).
    case write(FileWrite, prompt: Prompt, path: String, overwrite: Bool)
    /// Put text on the terminal's clipboard: write this OSC 52 sequence (`ClipboardSequence`).
    case clipboard(String)
    /// Turn the terminal's mouse reporting on or off.
    case mouseReporting(Bool)
    /// Suspend the program (Ctrl-Z); it goes on when the shell resumes it.
    case suspend
}

/// Who started background work, and so receives its end.
public enum JobOwner: Sendable {
    case pane(PaneID)
    /// An export of the rows `description` names.
    case export(path: String, description: String)
    case report(path: String)
    /// A question to the SQL engine behind a sample.
    case engine(EngineQuery)
}

/// A file the user asked for.
public enum FileWrite {
    /// The view file, written at once.
    case view(ViewDocument, inputs: [String])
    /// Rows, written in the background.
    case export(RowExporter, ExportOptions, description: String)
    /// Rows of the table in a SQL engine (`columns` under `filter`), written in the background.
    case engineExport(EngineRows, columns: [String], filter: String, ExportOptions, description: String)
    /// A report of the view, built and written in the background.
    case report(ReportInput, inputs: [String])
}

/// What came of an effect, for the workspace.
public enum EffectOutcome {
    /// Whether the prompt's file exists.
    case fileChecked(Prompt, path: String, exists: Bool)
    /// The file cannot be written (a missing folder, an unknown extension, the input file).
    case writeRefused(Prompt, problem: String)
    /// The view file was written.
    case viewSaved(path: String)
    /// Background work for a file began.
    case writeStarted(JobHandle, owner: JobOwner)
    /// Background work ended: finished, failed or stopped.
    case jobEnded(JobHandle, owner: JobOwner)
}
