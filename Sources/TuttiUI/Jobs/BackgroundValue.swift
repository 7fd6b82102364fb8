/// A value a pane computes in the background from some inputs (its key): it starts the work
/// when the key changes, cancels work for an old key, and remembers a cancelled or failed
/// outcome until the key changes or the user asks again.
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
    private var value: Value?

    public init() {}

    /// The value for `key`: ready, being computed (started now if needed) or stopped.
    public mutating func status(for key: Key, label: String, jobs: BackgroundJobs,
                                work: @escaping @Sendable (JobHandle) throws -> Value) -> Status {
        if self.key != key {
            handle?.cancel()
            self.key = key
            value = nil
            handle = jobs.start(label, work: work)
        }
        if let value { return .ready(value) }
        guard let handle else { return .cancelled }
        switch handle.phase {
        case .running:
            return .working(progressText: handle.progressText)
        case .finished:
            value = handle.value(as: Value.self)
            self.handle = nil
            return value.map { .ready($0) } ?? .failed("the work ended without a result")
        case .failed(let message):
            return .failed(message)
        case .cancelled:
            return .cancelled
        }
    }

    /// Forgets the outcome, so the next `status` starts the work again.
    public mutating func retry() {
        handle?.cancel()
        key = nil
        value = nil
        handle = nil
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
