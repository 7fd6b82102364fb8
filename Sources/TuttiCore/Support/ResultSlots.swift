import Dispatch

/// Results written by parallel workers, one slot per work item.
final class ResultSlots<Element>: @unchecked Sendable {
    private var storage: [Element?]

    init(count: Int) { storage = [Element?](repeating: nil, count: count) }

    /// Runs `work` for every index on all cores and collects what it returns. Each call of
    /// `work` must touch only its own data (or data safe to share).
    static func collect(count: Int, _ work: (Int) -> Element) -> [Element] {
        guard count > 0 else { return [] }
        let slots = ResultSlots(count: count)
        withoutActuallyEscaping(work) { work in
            nonisolated(unsafe) let work = work
            slots.storage.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let base = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    base[index] = work(index)
                }
            }
        }
        return slots.storage.map { $0! }
    }
}
