/// Memory a column's summary works in: three arrays of one 64-bit word per row (keys, and
/// what they are grouped into). The summaries of a table's columns pass it on from column to
/// column (`ReusePool`), so that only the first column on each core faults its pages in: with
/// a buffer of its own, every column of ten million rows mapped, faulted in and returned
/// 160–240 MB, a third of `tutti info`'s whole time spent in the kernel.
final class SummaryScratch: @unchecked Sendable {
    /// The number of words in each array.
    let capacity: Int
    private let arrays: [UnsafeMutableBufferPointer<UInt64>]

    /// Scratch for columns of at most `rows` rows. Nothing is touched (or resident) until used.
    init(rows: Int) {
        capacity = rows
        arrays = (0..<3).map { _ in .allocate(capacity: Swift.max(rows, 1)) }
    }

    deinit { arrays.forEach { $0.deallocate() } }

    /// Array `index` (0, 1 or 2), its first `count` words (at most `capacity`), uninitialized
    /// or left over from another column. Only one summary at a time may use it.
    func words(_ index: Int, count: Int) -> UnsafeMutableBufferPointer<UInt64> {
        precondition(count <= capacity, "scratch too small")
        return UnsafeMutableBufferPointer(rebasing: arrays[index][..<count])
    }
}
