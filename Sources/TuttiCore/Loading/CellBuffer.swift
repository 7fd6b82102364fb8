/// The cells of one chunk, written by the record scanner at a raw pointer: an `Array` append
/// checked the array's uniqueness and capacity in a call per cell, some 150 million times at ten
/// million rows. Owned by one worker at a time (see `ReusePool`), so that its pages, faulted in
/// for one chunk, serve the next.
final class CellBuffer: @unchecked Sendable {
    /// The first cell.
    private(set) var base: UnsafeMutablePointer<CellSpan>
    /// Cells there is room for.
    private(set) var capacity: Int
    /// Cells written.
    var count = 0

    /// An empty buffer with room for `capacity` cells.
    init(capacity: Int = 1024) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The cells written.
    var cells: UnsafeBufferPointer<CellSpan> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for at least `cells` cells in all, keeping those written.
    func reserve(_ cells: Int) {
        guard cells > capacity else { return }
        let grown = Swift.max(cells, capacity * 2)
        let moved = UnsafeMutablePointer<CellSpan>.allocate(capacity: grown)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }
}
