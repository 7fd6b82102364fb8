import Dispatch

/// Parsed columns by (chunk, column), filled by parallel workers and emptied as columns are
/// joined, so each chunk's memory is freed as soon as its values have been copied out.
/// Each slot is written and taken by one thread at a time.
final class ChunkGrid: @unchecked Sendable {
    let chunkCount: Int
    let columnCount: Int
    private let slots: UnsafeMutablePointer<ChunkColumn?>

    init(chunkCount: Int, columnCount: Int) {
        self.chunkCount = chunkCount
        self.columnCount = columnCount
        slots = .allocate(capacity: max(chunkCount * columnCount, 1))
        slots.initialize(repeating: nil, count: max(chunkCount * columnCount, 1))
    }

    func put(_ column: ChunkColumn, chunk: Int, column index: Int) {
        slots[chunk * columnCount + index] = column
    }

    func take(chunk: Int, column index: Int) -> ChunkColumn? {
        let slot = slots + chunk * columnCount + index
        let value = slot.pointee
        slot.pointee = nil
        return value
    }

    deinit {
        slots.deinitialize(count: max(chunkCount * columnCount, 1))
        slots.deallocate()
    }
}

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
