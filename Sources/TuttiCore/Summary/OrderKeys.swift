/// Numbers as 64-bit keys whose unsigned order is the numbers' order: the summary reads
/// quantiles (`RadixSelect`) and distinct counts (`KeyDistinct`) off keys, whatever the kind
/// of number.
enum OrderKeys {
    /// The key of an integer: unsigned order matches signed order.
    @inline(__always)
    static func key(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) ^ (1 << 63) }

    /// The integer of a key made by `key(_:)`.
    @inline(__always)
    static func integer(_ key: UInt64) -> Int64 { Int64(bitPattern: key ^ (1 << 63)) }

    /// The key of a number that is not NaN: unsigned order matches numeric order, and −0 and
    /// 0 have the same key (that of 0).
    @inline(__always)
    static func key(_ value: Double) -> UInt64 {
        let bits = (value + 0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The number of a key made by `key(_:)` from a double.
    @inline(__always)
    static func double(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
