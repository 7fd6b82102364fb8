/// The final storage of a categorical column's codes, written in place by the chunks of a
/// delimited-text file like a `PlacedColumn`: each chunk writes its own dictionary's codes at its
/// first row, and the joiner turns them into the column's codes where they are, so the codes
/// are not built in pieces and copied again (every code's page populated once).
final class PlacedCodes: @unchecked Sendable {
    /// Rows there is room for.
    let capacity: Int
    /// The storage of row 0.
    let base: UnsafeMutablePointer<UInt32>
    private var codes: [UInt32]

    /// Room for `capacity` rows; its pages are mapped as they are written.
    init(capacity: Int) {
        self.capacity = capacity
        var start: UnsafeMutablePointer<UInt32>?
        // Every element counts from the start; the rows no chunk writes are cut off when the
        // codes are taken, and none of them is read before it is written.
        codes = [UInt32](unsafeUninitializedCapacity: capacity) { buffer, count in
            start = buffer.baseAddress
            count = capacity
        }
        base = start ?? UnsafeMutablePointer(bitPattern: 4)!
    }

    /// The codes of the first `rows` rows, taking the storage (then empty).
    func take(rows: Int) -> [UInt32] {
        var out: [UInt32] = []
        swap(&out, &codes)
        out.removeLast(out.count - rows)
        return out
    }

    /// Frees the storage (when the column was built otherwise).
    func release() {
        codes = []
    }
}
