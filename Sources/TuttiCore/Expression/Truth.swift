/// Three-valued truth over one chunk of rows, as two disjoint bitsets: rows where the
/// condition is true, rows where it is false; the others are unknown (a missing value took
/// part). A filter keeps the true rows, as SQL's WHERE does.
struct Truth {
    var isTrue: [UInt64]
    var isFalse: [UInt64]

    /// The same value on every row of a chunk of `wordCount` words.
    static func constant(_ value: Bool?, wordCount: Int) -> Truth {
        let all = [UInt64](repeating: ~0, count: wordCount), none = [UInt64](repeating: 0, count: wordCount)
        switch value {
        case true?: return Truth(isTrue: all, isFalse: none)
        case false?: return Truth(isTrue: none, isFalse: all)
        case nil: return Truth(isTrue: none, isFalse: none)
        }
    }

    /// True where `bits` is set on present rows, false where it is clear on present rows,
    /// unknown on missing rows.
    static func known(_ bits: [UInt64], validity: [UInt64]?) -> Truth {
        guard let validity else { return Truth(isTrue: bits, isFalse: bits.map { ~$0 }) }
        return Truth(isTrue: Bits.combine(bits, validity) { $0 & $1 }, isFalse: Bits.combine(bits, validity) { ~$0 & $1 })
    }

    /// Rows where the value is known (true or false).
    var known: [UInt64] { Bits.combine(isTrue, isFalse) { $0 | $1 } }

    /// `not`: true and false swap, unknown stays.
    func negated() -> Truth { Truth(isTrue: isFalse, isFalse: isTrue) }

    /// `and`: false wins over unknown.
    func and(_ other: Truth) -> Truth {
        Truth(isTrue: Bits.combine(isTrue, other.isTrue) { $0 & $1 },
              isFalse: Bits.combine(isFalse, other.isFalse) { $0 | $1 })
    }

    /// `or`: true wins over unknown.
    func or(_ other: Truth) -> Truth {
        Truth(isTrue: Bits.combine(isTrue, other.isTrue) { $0 | $1 },
              isFalse: Bits.combine(isFalse, other.isFalse) { $0 & $1 })
    }

    /// Whether both sides have the same known value.
    func equals(_ other: Truth) -> Truth {
        let same = Bits.combine(Bits.combine(isTrue, other.isTrue) { $0 & $1 },
                                Bits.combine(isFalse, other.isFalse) { $0 & $1 }) { $0 | $1 }
        let different = Bits.combine(Bits.combine(isTrue, other.isFalse) { $0 & $1 },
                                     Bits.combine(isFalse, other.isTrue) { $0 & $1 }) { $0 | $1 }
        return Truth(isTrue: same, isFalse: different)
    }
}
