/// A value a pane computes in the background from some inputs (its key): it starts the work
/// when the key changes, cancels work for an old key, and remembers a cancelled or failed
/// outcome until the key changes or the user asks again.
public struct BackgroundValue<Key: Equatable, Value: Sendable> {
    /// Where the value stands for the current key.
    public enum Status {
        case ready(Value)
        case working(progress: Double?, detail: String?)
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
            return .working(progress: handle.progress, detail: handle.detail)
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
