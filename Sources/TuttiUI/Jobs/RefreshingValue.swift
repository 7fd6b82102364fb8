/// A value a pane keeps on screen while a newer one is computed in the background: after a state
/// change (a filter, a threshold step) the pane goes on showing the last value, marked stale,
/// until the value for the new inputs (its key) arrives, so a frame never waits for the work.
/// At most one job runs at a time: keys asked for while it runs are not started one by one;
/// when it ends, the next `request` starts the work for the newest key only (a held arrow key
/// costs one computation at a time, never a queue of them).
public struct RefreshingValue<Key: Equatable, Value: Sendable> {
    private var shown: (key: Key, value: Value)?
    private var wanted: Key?
    private var running: (key: Key, handle: JobHandle)?
    /// The key whose work failed or was stopped, and why; not started again until the key changes.
    private var ended: (key: Key, problem: String)?

    public init() {}

    /// The last value computed: for the current key when `isFresh`, else for an older one.
    public var value: Value? { shown?.value }

    /// Whether `value` is of the key asked for last.
    public var isFresh: Bool { shown != nil && shown?.key == wanted }

    /// Whether work runs for this value.
    public var isWorking: Bool { running != nil }

    /// Why the current key has no value: its work failed (the message) or was stopped; nil
    /// while the value is ready or being computed. The last value stays in `value`.
    public var problem: String? {
        guard let ended, ended.key == wanted else { return nil }
        return ended.problem
    }

    /// Asks for the value of `key`: nothing when it is shown, being computed, or its work ended
    /// without a value; else starts `work` unless other work still runs (its end brings the
    /// next `request`).
    public mutating func request(for key: Key, label: String,
                                 work: @escaping @Sendable (JobHandle) throws -> Value) -> [PaneCommand] {
        wanted = key
        guard shown?.key != key, running == nil, ended?.key != key else { return [] }
        let job = JobRequest(label: label, quiet: true, work: work)
        running = (key, job.handle)
        return [.start(job)]
    }

    /// Takes the outcome of ended work; false when `ended` is not this value's work.
    public mutating func receive(_ ended: JobHandle) -> Bool {
        guard let running, running.handle === ended, !ended.isRunning else { return false }
        self.running = nil
        switch ended.phase {
        case .finished:
            if let value = ended.value(as: Value.self) {
                shown = (running.key, value)
            } else {
                self.ended = (running.key, "the work ended without a result")
            }
        case .failed(let message): self.ended = (running.key, message)
        case .cancelled: self.ended = (running.key, "stopped")
        case .running: break
        }
        return true
    }

    /// Forgets the value and any work, as when the data it was computed from is gone; returns
    /// the work to stop.
    public mutating func reset() -> [PaneCommand] {
        let stop = running.map { [PaneCommand.stop($0.handle)] } ?? []
        shown = nil
        wanted = nil
        running = nil
        ended = nil
        return stop
    }
}
