/// A set of row numbers stored as a bitset of 64-bit words.
///
/// Filters, selections, slices and clusters are all `RowSet`s; counting one is a popcount.
/// Bits past `rowCount` in the last word are always zero.
public struct RowSet: Sendable, Equatable, Hashable {
    /// The words of the bitset; row `i` is bit `i % 64` of word `i / 64`.
    public private(set) var words: [UInt64]
    /// The number of rows the set ranges over (not the number of members).
    public let rowCount: Int

    /// A set over `rowCount` rows, either empty or holding every row.
    public init(rowCount: Int, allSet: Bool = false) {
        self.rowCount = rowCount
        let wordCount = (rowCount + 63) >> 6
        words = [UInt64](repeating: allSet ? ~0 : 0, count: wordCount)
        if allSet { clearTail() }
    }

    /// A set built from words (bits past `rowCount` are cleared).
    public init(rowCount: Int, words: [UInt64]) {
        precondition(words.count == (rowCount + 63) >> 6, "word count does not match row count")
        self.rowCount = rowCount
        self.words = words
        clearTail()
    }

    /// A set holding the given rows.
    public init<S: Sequence>(rowCount: Int, rows: S) where S.Element == Int {
        self.init(rowCount: rowCount)
        for row in rows { insert(row) }
    }

    private mutating func clearTail() {
        let extra = rowCount & 63
        if extra != 0, !words.isEmpty { words[words.count - 1] &= (UInt64(1) << UInt64(extra)) &- 1 }
    }

    /// Whether `row` is a member.
    @inline(__always)
    public func contains(_ row: Int) -> Bool {
        words[row >> 6] & (UInt64(1) << UInt64(row & 63)) != 0
    }

    /// Adds `row`.
    @inline(__always)
    public mutating func insert(_ row: Int) {
        words[row >> 6] |= UInt64(1) << UInt64(row & 63)
    }

    /// Removes `row`.
    @inline(__always)
    public mutating func remove(_ row: Int) {
        words[row >> 6] &= ~(UInt64(1) << UInt64(row & 63))
    }

    /// Adds or removes `row`.
    public mutating func toggle(_ row: Int) {
        words[row >> 6] ^= UInt64(1) << UInt64(row & 63)
    }

    /// The number of members (a popcount).
    public var count: Int {
        words.withUnsafeBufferPointer { buffer in
            var total = 0
            for word in buffer { total &+= word.nonzeroBitCount }
            return total
        }
    }

    /// Whether the set has no member.
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Members in ascending order.
    public var members: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        forEachMember { result.append($0) }
        return result
    }

    /// Calls `body` with each member in ascending order.
    @inline(__always)
    public func forEachMember(_ body: (Int) throws -> Void) rethrows {
        try words.withUnsafeBufferPointer { buffer in
            for (index, word) in buffer.enumerated() {
                // A full word (most of a column without missing values): 64 rows in a row.
                if word == ~0 {
                    let first = index << 6
                    for row in first..<(first + 64) { try body(row) }
                    continue
                }
                var bits = word
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    try body(index << 6 | bit)
                    bits &= bits &- 1
                }
            }
        }
    }

    /// Rows in both sets.
    public func intersection(_ other: RowSet) -> RowSet { combined(with: other) { $0 & $1 } }
    /// Rows in either set.
    public func union(_ other: RowSet) -> RowSet { combined(with: other) { $0 | $1 } }
    /// Rows in this set but not in `other`.
    public func subtracting(_ other: RowSet) -> RowSet { combined(with: other) { $0 & ~$1 } }

    /// Rows not in this set.
    public func complement() -> RowSet {
        RowSet(rowCount: rowCount, words: words.map { ~$0 })
    }

    /// The number of rows in both sets, without building the intersection.
    public func intersectionCount(_ other: RowSet) -> Int {
        precondition(rowCount == other.rowCount, "row sets over different row counts")
        return words.withUnsafeBufferPointer { a in
            other.words.withUnsafeBufferPointer { b in
                var total = 0
                for i in 0..<a.count { total &+= (a[i] & b[i]).nonzeroBitCount }
                return total
            }
        }
    }

    private func combined(with other: RowSet, _ op: (UInt64, UInt64) -> UInt64) -> RowSet {
        precondition(rowCount == other.rowCount, "row sets over different row counts")
        var result = [UInt64](repeating: 0, count: words.count)
        for i in 0..<words.count { result[i] = op(words[i], other.words[i]) }
        return RowSet(rowCount: rowCount, words: result)
    }
}
