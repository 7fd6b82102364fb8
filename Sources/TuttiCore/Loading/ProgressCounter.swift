import Synchronization

/// Adds up work done by parallel workers and reports it through a load's progress callback.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let total: Int
    private let report: (@Sendable (LoadProgress) -> Void)?
    private let phase: String

    init(total: Int, report: (@Sendable (LoadProgress) -> Void)?, phase: String) {
        self.total = total
        self.report = report
        self.phase = phase
    }

    func add(_ amount: Int) {
        let now = done.add(amount, ordering: .relaxed).newValue
        report?(LoadProgress(bytesDone: now, bytesTotal: total, phase: phase))
    }
}
