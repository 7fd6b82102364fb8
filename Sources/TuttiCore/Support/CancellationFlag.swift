import Synchronization

/// A flag another thread sets to stop work (a load, an export, a search, a report); the work
/// checks it between pieces.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A flag that is not set.
    public init() {}

    /// Asks the work to stop.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether the work was asked to stop.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
