/// Comparisons of numbers over one chunk of rows, as bitsets.
enum NumberKernels {
    /// `a op b` row by row. Integers compare exactly with integers and with constants;
    /// anything else compares as doubles.
    static func compare(_ op: ComparisonOperator, _ a: NumberVector, _ b: NumberVector, count: Int) -> Truth {
        let validity = Bits.and(a.validity, b.validity)
        let bits: [UInt64]
        switch (a.values, b.values) {
        case (.integers(let x, let i), .integers(let y, let j)):
            bits = x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in pairs(op, x.baseAddress! + i, y.baseAddress! + j, count: count) }
            }
        case (.integers(let x, let i), .constant(let constant)):
            switch IntegerComparison(op, constant) {
            case .always(let value):
                bits = [UInt64](repeating: value ? ~0 : 0, count: (count + 63) >> 6)
            case .compare(let op, let c):
                bits = x.withUnsafeBufferPointer { x in againstConstant(op, x.baseAddress! + i, c, count: count) }
            }
        case (.doubles(let x, let i), .constant(let constant)):
            bits = x.withUnsafeBufferPointer { x in againstConstant(op, x.baseAddress! + i, constant.value, count: count) }
        case (.constant, .integers), (.constant, .doubles):
            return compare(op.flipped, b, a, count: count)
        default:
            let (x, i) = a.doubles(count: count), (y, j) = b.doubles(count: count)
            bits = x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in pairs(op, x.baseAddress! + i, y.baseAddress! + j, count: count) }
            }
        }
        return Truth.known(bits, validity: validity)
    }

    /// `a in values` row by row.
    static func member(_ a: NumberVector, of values: [NumberConstant], count: Int) -> Truth {
        let bits: [UInt64]
        if case .integers(let x, let offset) = a.values {
            let candidates = values.compactMap { IntegerComparison.exactInteger($0) }
            bits = x.withUnsafeBufferPointer { x in member(x.baseAddress! + offset, of: candidates, count: count) }
        } else {
            let (x, offset) = a.doubles(count: count)
            bits = x.withUnsafeBufferPointer { x in member(x.baseAddress! + offset, of: values.map(\.value), count: count) }
        }
        return Truth.known(bits, validity: a.validity)
    }

    @inline(__always)
    private static func member<T: Hashable>(_ x: UnsafePointer<T>, of candidates: [T], count: Int) -> [UInt64] {
        if candidates.count <= 8 {
            return candidates.withUnsafeBufferPointer { candidates in
                Bits.make(count: count) { candidates.contains(x[$0]) }
            }
        }
        let set = Set(candidates)
        return Bits.make(count: count) { set.contains(x[$0]) }
    }

    @inline(__always)
    private static func againstConstant<T: Comparable>(_ op: ComparisonOperator, _ x: UnsafePointer<T>, _ c: T,
                                                       count: Int) -> [UInt64] {
        switch op {
        case .equal: Bits.make(count: count) { x[$0] == c }
        case .notEqual: Bits.make(count: count) { x[$0] != c }
        case .less: Bits.make(count: count) { x[$0] < c }
        case .lessOrEqual: Bits.make(count: count) { x[$0] <= c }
        case .greater: Bits.make(count: count) { x[$0] > c }
        case .greaterOrEqual: Bits.make(count: count) { x[$0] >= c }
        }
    }

    @inline(__always)
    private static func pairs<T: Comparable>(_ op: ComparisonOperator, _ x: UnsafePointer<T>, _ y: UnsafePointer<T>,
                                             count: Int) -> [UInt64] {
        switch op {
        case .equal: Bits.make(count: count) { x[$0] == y[$0] }
        case .notEqual: Bits.make(count: count) { x[$0] != y[$0] }
        case .less: Bits.make(count: count) { x[$0] < y[$0] }
        case .lessOrEqual: Bits.make(count: count) { x[$0] <= y[$0] }
        case .greater: Bits.make(count: count) { x[$0] > y[$0] }
        case .greaterOrEqual: Bits.make(count: count) { x[$0] >= y[$0] }
        }
    }
}

/// `x op c` for every 64-bit integer `x`, rewritten as an exact integer comparison or a
/// constant answer: `x < 2.5` is `x < 3`, `x == 2.5` is never true, `x < 1e30` always is.
enum IntegerComparison: Equatable {
    case compare(ComparisonOperator, Int64)
    case always(Bool)

    init(_ op: ComparisonOperator, _ constant: NumberConstant) {
        if let integer = IntegerComparison.exactInteger(constant) {
            self = .compare(op, integer)
            return
        }
        let value = constant.value
        if value >= 0x1p63 {
            self = .always(op == .notEqual || op == .less || op == .lessOrEqual)
        } else if value < -0x1p63 {
            self = .always(op == .notEqual || op == .greater || op == .greaterOrEqual)
        } else {
            switch op {
            case .equal: self = .always(false)
            case .notEqual: self = .always(true)
            case .less, .greaterOrEqual: self = .compare(op, Int64(value.rounded(.up)))
            case .lessOrEqual, .greater: self = .compare(op, Int64(value.rounded(.down)))
            }
        }
    }

    /// The constant as a 64-bit integer, if it is one.
    static func exactInteger(_ constant: NumberConstant) -> Int64? {
        if let integer = constant.integer { return integer }
        let value = constant.value
        guard value == value.rounded(), value >= -0x1p63, value < 0x1p63 else { return nil }
        return Int64(value)
    }
}
