import Foundation
import Synchronization

/// Work items `0 ..< items` cut into contiguous chunks that run on all cores.
struct WorkChunks {
    let items: Int
    let chunkSize: Int

    /// Chunks of at least `minimumChunk` items, about four per core so that cores stay busy.
    init(items: Int, minimumChunk: Int) {
        self.items = items
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        chunkSize = max(minimumChunk, (items + cores * 4 - 1) / (cores * 4), 1)
    }

    /// The number of chunks.
    var count: Int { (items + chunkSize - 1) / chunkSize }

    /// The items of chunk `index`.
    func range(_ index: Int) -> Range<Int> { (index * chunkSize)..<min((index + 1) * chunkSize, items) }

    /// Runs `body` on every chunk, in parallel, and returns the results in chunk order. Each call
    /// must touch only its own data (or data safe to share).
    func map<T>(_ body: (Range<Int>) -> T) -> [T] {
        ResultSlots<T>.collect(count: count) { body(range($0)) }
    }

    /// Runs `body` on every chunk, in parallel.
    func run(_ body: (Range<Int>) -> Void) {
        _ = map(body)
    }
}

/// Counts the work of one phase done by parallel workers and reports it.
final class PhaseCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let total: Int
    private let phase: String
    private let work: WorkContext

    init(_ phase: String, total: Int, work: WorkContext) {
        self.phase = phase
        self.total = total
        self.work = work
        work.report(phase, 0, total)
    }

    /// Adds `amount` units done.
    func advance(by amount: Int = 1) {
        work.report(phase, done.add(amount, ordering: .relaxed).newValue, total)
    }
}
