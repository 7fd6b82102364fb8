import Synchronization

/// Adds up work done by parallel workers and reports the sum to a work context.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let total: Int
    private let work: WorkContext
    private let phase: String

    init(total: Int, work: WorkContext, phase: String) {
        self.total = total
        self.work = work
        self.phase = phase
    }

    func add(_ amount: Int) {
        let now = done.add(amount, ordering: .relaxed).newValue
        work.report(phase, now, total)
    }
}
