/// A row list stored as runs of consecutive rows: compact for the filters and selections people
/// make (a brush, a slice, a few picked rows), and exact. In JSON it is an array of inclusive
/// `[first, last]` pairs: `[[0, 9], [42, 42]]` is rows 0 to 9 and row 42.
public struct RowRanges: Sendable, Equatable {
    /// The runs, ascending and disjoint.
    public let ranges: [ClosedRange<Int>]

    /// The largest row number a view file may hold: beyond any table that fits in memory, and
    /// small enough that counting rows never overflows.
    static let rowLimit = 1 << 48

    /// The runs of the members of `rows`, found a 64-bit word at a time: empty and full words are
    /// skipped whole, and inside a word each run end is one count of trailing zeros.
    public init(_ rows: RowSet) {
        var ranges: [ClosedRange<Int>] = []
        // The first row of the run being read, or -1 between runs.
        var start = -1
        rows.words.withUnsafeBufferPointer { words in
            for (index, word) in words.enumerated() {
                if start < 0 ? word == 0 : word == ~0 { continue }
                let base = index << 6
                var bit = 0
                while bit < 64 {
                    // Between runs, look for the next member; inside one, for the next non-member.
                    let rest = (start < 0 ? word : ~word) &>> UInt64(bit)
                    if rest == 0 { break }
                    bit += rest.trailingZeroBitCount
                    if start < 0 {
                        start = base + bit
                    } else {
                        ranges.append(start...(base + bit - 1))
                        start = -1
                    }
                }
            }
        }
        // Bits past the last row are zero, so a run still open ends at the last row.
        if start >= 0 { ranges.append(start...(rows.rowCount - 1)) }
        self.ranges = ranges
    }

    private init(checked ranges: [ClosedRange<Int>]) { self.ranges = ranges }

    /// The number of rows listed.
    public var count: Int { ranges.reduce(0) { $0 + $1.count } }

    /// The rows as a set over `rowCount` rows; rows at or past `rowCount` are left out and counted
    /// in `dropped`. Whole words are filled at once.
    public func rowSet(rowCount: Int) -> (rows: RowSet, dropped: Int) {
        var words = [UInt64](repeating: 0, count: (rowCount + 63) >> 6)
        var dropped = 0
        words.withUnsafeMutableBufferPointer { words in
            for range in ranges {
                guard range.lowerBound < rowCount else {
                    dropped += range.count
                    continue
                }
                let last = min(range.upperBound, rowCount - 1)
                dropped += range.upperBound - last
                Self.setBits(range.lowerBound, last, in: words)
            }
        }
        return (RowSet(rowCount: rowCount, words: words), dropped)
    }

    /// Sets bits `first ... last` of `words`.
    private static func setBits(_ first: Int, _ last: Int, in words: UnsafeMutableBufferPointer<UInt64>) {
        let firstWord = first >> 6, lastWord = last >> 6
        let fromFirst = ~UInt64(0) &<< UInt64(first & 63)
        let toLast = ~UInt64(0) &>> UInt64(63 - (last & 63))
        if firstWord == lastWord {
            words[firstWord] |= fromFirst & toLast
            return
        }
        words[firstWord] |= fromFirst
        for index in (firstWord + 1)..<lastWord { words[index] = ~0 }
        words[lastWord] |= toLast
    }
}

extension RowRanges: Codable {
    /// Reads `[[first, last], …]`, checking that every pair is in order, after the one before it,
    /// and within `rowLimit`.
    public init(from decoder: any Decoder) throws {
        var pairs = try decoder.unkeyedContainer()
        var ranges: [ClosedRange<Int>] = []
        if let count = pairs.count { ranges.reserveCapacity(count) }
        while !pairs.isAtEnd {
            var pair = try pairs.nestedUnkeyedContainer()
            let first = try pair.decode(Int.self)
            let last = try pair.decode(Int.self)
            func invalid(_ problem: String) -> DecodingError {
                .dataCorrupted(DecodingError.Context(codingPath: pair.codingPath, debugDescription: problem))
            }
            guard pair.isAtEnd else { throw invalid("expected a pair [first, last]") }
            guard first >= 0, first <= last else {
                throw invalid("expected row numbers 0 ≤ first ≤ last, found [\(first), \(last)]")
            }
            guard last < Self.rowLimit else { throw invalid("row \(last) is past any table") }
            if let previous = ranges.last, first <= previous.upperBound {
                throw invalid("row ranges must be ascending and must not overlap")
            }
            ranges.append(first...last)
        }
        self.init(checked: ranges)
    }

    /// Writes `[[first, last], …]`.
    public func encode(to encoder: any Encoder) throws {
        var pairs = encoder.unkeyedContainer()
        for range in ranges {
            var pair = pairs.nestedUnkeyedContainer()
            try pair.encode(range.lowerBound)
            try pair.encode(range.upperBound)
        }
    }
}
