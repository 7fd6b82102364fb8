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

    /// The piece at a slot, left in place (for a look at its kind before the columns are joined).
    func peek(chunk: Int, column index: Int) -> ChunkColumn? {
        slots[chunk * columnCount + index]
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
