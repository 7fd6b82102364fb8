/// Background work that has been asked for but not started: its handle (kept by whoever asked,
/// to show progress and to know the end when it comes back) and the work itself. A pane or the
/// workspace returns it in an effect; the app's effect runner starts it.
public struct JobRequest: Sendable {
    /// The work's handle: progress, cancellation and outcome.
    public let handle: JobHandle
    /// The work, run on a worker thread (or at once with inline jobs).
    let work: @Sendable (JobHandle) throws -> any Sendable

    /// Work named `label` in the status line ("SliceLine", "export"); `quiet` work refreshes
    /// figures a pane already shows (see `JobHandle.isQuiet`).
    public init<Value: Sendable>(label: String, quiet: Bool = false, work: @escaping @Sendable (JobHandle) throws -> Value) {
        handle = JobHandle(label: label, isQuiet: quiet)
        self.work = { try work($0) }
    }
}
