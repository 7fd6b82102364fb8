/// The final storage of a column, written in place by the chunks of a delimited-text file: each
/// chunk writes its values at its first row, so the column is not built in pieces and copied
/// again (every value written once, its pages populated once). Holds room for an estimate of
/// the rows; the assembler takes it whole when every chunk wrote its rows where they belong.
final class PlacedArray<Element: BitwiseCopyable>: @unchecked Sendable {
    /// Rows there is room for.
    let capacity: Int
    /// The storage of row 0.
    let base: UnsafeMutablePointer<Element>
    private var elements: [Element]

    /// Room for `capacity` rows; its pages are mapped as they are written.
    init(capacity: Int) {
        self.capacity = capacity
        var start: UnsafeMutablePointer<Element>?
        // Every element counts from the start; the rows no chunk writes are cut off when the
        // storage is taken, and none of them is read before it is written.
        elements = [Element](unsafeUninitializedCapacity: capacity) { buffer, count in
            start = buffer.baseAddress
            count = capacity
        }
        base = start ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }

    /// The first `rows` rows, taking the storage (then empty).
    func take(rows: Int) -> [Element] {
        var out: [Element] = []
        swap(&out, &elements)
        out.removeLast(out.count - rows)
        return out
    }

    /// Frees the storage (when the column was built otherwise).
    func release() {
        elements = []
    }
}

/// The storage of a categorical column's codes: each chunk writes its own dictionary's codes,
/// and the joiner turns them into the column's codes where they are.
typealias PlacedCodes = PlacedArray<UInt32>
