/// A value a pane computes in the background from some inputs (its key). `request` asks for the
/// work when the key has changed (and for old work to stop); `receive` takes the outcome when
/// the work comes back; `status` says where the value stands and changes nothing. A cancelled
/// or failed outcome is remembered until the key changes or the user asks again (`retry`).
public struct BackgroundValue<Key: Equatable, Value: Sendable> {
    /// Where the value stands for the current key.
    public enum Status {
        case ready(Value)
        /// Still computing; `progressText` says how far (see `JobHandle.progressText`).
        case working(progressText: String)
        case failed(String)
        case cancelled
    }

    private var key: Key?
    private var handle: JobHandle?
    private var outcome: Status?

    public init() {}

    /// What to do for `key`: nothing when its work was already asked for; else stop the old
    /// work and start `work`.
    public mutating func request(for key: Key, label: String,
                                 work: @escaping @Sendable (JobHandle) throws -> Value) -> [PaneCommand] {
        guard self.key != key else { return [] }
        let stop = handle.map { [PaneCommand.stop($0)] } ?? []
        let job = JobRequest(label: label, work: work)
        self.key = key
        handle = job.handle
        outcome = nil
        return stop + [.start(job)]
    }

    /// Takes the outcome of ended work; false when `ended` is not this value's current work.
    public mutating func receive(_ ended: JobHandle) -> Bool {
        guard let handle, handle === ended else { return false }
        switch ended.phase {
        case .running: return false
        case .finished: outcome = ended.value(as: Value.self).map { .ready($0) } ?? .failed("the work ended without a result")
        case .failed(let message): outcome = .failed(message)
        case .cancelled: outcome = .cancelled
        }
        return true
    }

    /// The value for the current key: ready, being computed, or stopped.
    public var status: Status {
        if let outcome { return outcome }
        guard let handle else { return .cancelled }
        return .working(progressText: handle.progressText)
    }

    /// Forgets the outcome, so the next `request` starts the work again.
    public mutating func retry() -> [PaneCommand] {
        let stop = handle.map { [PaneCommand.stop($0)] } ?? []
        key = nil
        outcome = nil
        handle = nil
        return stop
    }
}

extension BackgroundValue.Status {
    /// What a pane shows while it has no value: "finding slices (level 2 of 3) 40%… Esc stops",
    /// the failure, or that `work` was stopped; nil when the value is ready.
    public func explanation(doing: String, work: String) -> String? {
        switch self {
        case .ready: nil
        case .working(let progressText): doing + progressText + (progressText.hasSuffix("…") ? "" : "…") + " Esc stops"
        case .failed(let message): message
        case .cancelled: "\(work) was stopped · Enter runs it again"
        }
    }

    /// Whether the user stopped the work (Enter then runs it again).
    public var isStopped: Bool {
        if case .cancelled = self { return true }
        return false
    }
}
