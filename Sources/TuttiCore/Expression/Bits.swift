/// Word-at-a-time helpers for the bitsets of one chunk of rows (bit `i % 64` of word
/// `i / 64` stands for the chunk's row `i`). A validity of nil means "every row present".
enum Bits {
    /// The words with bit `i` set where `predicate(i)`, for `i` in `0..<count`. Inlined, so
    /// the predicate becomes a tight loop writing 64 bits per word.
    @inline(__always)
    static func make(count: Int, _ predicate: (Int) -> Bool) -> [UInt64] {
        let wordCount = (count + 63) >> 6
        return [UInt64](unsafeUninitializedCapacity: wordCount) { words, initialized in
            let fullWords = count >> 6
            for index in 0..<fullWords {
                let base = index << 6
                var word: UInt64 = 0
                for bit in 0..<64 {
                    word |= UInt64(predicate(base &+ bit) ? 1 : 0) &<< UInt64(bit)
                }
                words[index] = word
            }
            if fullWords < wordCount {
                let base = fullWords << 6
                var word: UInt64 = 0
                for bit in 0..<(count - base) {
                    word |= UInt64(predicate(base &+ bit) ? 1 : 0) &<< UInt64(bit)
                }
                words[fullWords] = word
            }
            initialized = wordCount
        }
    }

    /// `operation` applied to the words of `a` and `b` pairwise.
    @inline(__always)
    static func combine(_ a: [UInt64], _ b: [UInt64], _ operation: (UInt64, UInt64) -> UInt64) -> [UInt64] {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                [UInt64](unsafeUninitializedCapacity: a.count) { result, initialized in
                    for index in 0..<a.count { result[index] = operation(a[index], b[index]) }
                    initialized = a.count
                }
            }
        }
    }

    /// Rows present in both validities.
    /// `a` where `mask` is set, `b` elsewhere.
    static func choose(_ mask: [UInt64], _ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        (0..<mask.count).map { (mask[$0] & a[$0]) | (~mask[$0] & b[$0]) }
    }

    static func and(_ a: [UInt64]?, _ b: [UInt64]?) -> [UInt64]? {
        guard let a else { return b }
        guard let b else { return a }
        return combine(a, b) { $0 & $1 }
    }

    /// The words of `set` over `words` (nil stays nil).
    static func slice(_ set: RowSet?, words: Range<Int>) -> [UInt64]? {
        set.map { Array($0.words[words]) }
    }
}
