/// What travels with long work besides its inputs: where to report progress and the flag that
/// stops it. Loading, export, duplicate search, slices, reports and cell search all take one as
/// their `work` parameter.
public struct WorkContext: Sendable {
    /// Called (from worker threads too) as the work progresses.
    public var progress: (@Sendable (WorkProgress) -> Void)?
    /// Set it to stop the work; the work then throws a "… cancelled" error.
    public var cancellation: CancellationFlag?

    /// A context reporting to `progress` and stopped by `cancellation` (neither by default).
    public init(progress: (@Sendable (WorkProgress) -> Void)? = nil, cancellation: CancellationFlag? = nil) {
        self.progress = progress
        self.cancellation = cancellation
    }

    /// Whether the work was asked to stop.
    public var isCancelled: Bool { cancellation?.isCancelled ?? false }

    /// Throws "`what` cancelled" when the work was asked to stop.
    public func check(_ what: String) throws {
        if isCancelled { throw TuttiError("\(what) cancelled") }
    }

    /// Reports `done` of `total` units in `phase`.
    public func report(_ phase: String, _ done: Int, _ total: Int) {
        progress?(WorkProgress(phase: phase, done: done, total: total))
    }
}
