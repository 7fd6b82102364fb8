import Foundation

/// Arithmetic over one chunk of rows, into temporary arrays of doubles (constants stay scalars). A result is missing
/// where an operand is, where a division or remainder is by zero, and where it is NaN.
enum ArithmeticKernels {
    /// `a op b` row by row; a constant operand stays a scalar.
    static func apply(_ op: ArithmeticOperator, _ a: NumberVector, _ b: NumberVector, count: Int) -> NumberVector {
        let validity = Bits.and(a.validity, b.validity)
        switch (a.values, b.values) {
        case (.integers, .constant(let y)), (.doubles, .constant(let y)):
            return a.withRows(count: count) { x in apply(op, x, ScalarOperand(value: y.value), validity, count: count) }
        case (.constant(let x), .integers), (.constant(let x), .doubles):
            return b.withRows(count: count) { y in apply(op, ScalarOperand(value: x.value), y, validity, count: count) }
        default:
            return a.withRows(count: count) { x in
                b.withRows(count: count) { y in apply(op, x, y, validity, count: count) }
            }
        }
    }

    @inline(__always)
    private static func apply<X: NumberOperand, Y: NumberOperand>(_ op: ArithmeticOperator, _ x: X, _ y: Y,
                                                                   _ validity: [UInt64]?, count: Int) -> NumberVector {
        let result: [Double]
        switch op {
        case .add: result = map(count) { x[$0] + y[$0] }
        case .subtract: result = map(count) { x[$0] - y[$0] }
        case .multiply: result = map(count) { x[$0] * y[$0] }
        case .divide: result = map(count) { x[$0] / y[$0] }
        case .remainder: result = map(count) { x[$0].truncatingRemainder(dividingBy: y[$0]) }
        }
        let defined = result.withUnsafeBufferPointer { r in
            op == .divide ? Bits.make(count: count) { y[$0] != 0 && !r[$0].isNaN }
                : Bits.make(count: count) { !r[$0].isNaN }
        }
        return NumberVector(values: .doubles(result, offset: 0), validity: Bits.and(validity, defined))
    }

    static func negate(_ a: NumberVector, count: Int) -> NumberVector {
        unary(a, count: count, defined: nil) { -$0 }
    }

    static func absolute(_ a: NumberVector, count: Int) -> NumberVector {
        unary(a, count: count, defined: nil) { Swift.abs($0) }
    }

    static func rounded(_ a: NumberVector, count: Int) -> NumberVector {
        unary(a, count: count, defined: nil) { $0.rounded(.toNearestOrAwayFromZero) }
    }

    /// `a` on the rows of `mask`, `b` on the others; present where the chosen side is.
    static func choose(_ mask: [UInt64], _ a: NumberVector, _ b: NumberVector, count: Int) -> NumberVector {
        let (x, i) = a.doubles(count: count), (y, j) = b.doubles(count: count)
        let result = x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                mask.withUnsafeBufferPointer { mask in
                    map(count) { mask[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 ? x[i + $0] : y[j + $0] }
                }
            }
        }
        let all = [UInt64](repeating: ~0, count: mask.count)
        let validity = Bits.choose(mask, a.validity ?? all, b.validity ?? all)
        return NumberVector(values: .doubles(result, offset: 0), validity: validity)
    }

    /// Natural logarithm; missing for values ≤ 0.
    static func logarithm(_ a: NumberVector, count: Int) -> NumberVector {
        unary(a, count: count, defined: { $0 > 0 }) { Foundation.log($0) }
    }

    @inline(__always)
    private static func unary(_ a: NumberVector, count: Int, defined: ((Double) -> Bool)?,
                              _ function: (Double) -> Double) -> NumberVector {
        let (x, i) = a.doubles(count: count)
        return x.withUnsafeBufferPointer { x in
            let x = x.baseAddress! + i
            let result = map(count) { function(x[$0]) }
            let validity = defined.map { defined in Bits.make(count: count) { defined(x[$0]) } }
            return NumberVector(values: .doubles(result, offset: 0), validity: Bits.and(a.validity, validity))
        }
    }

    /// `[f(0), f(1), …, f(count - 1)]`.
    @inline(__always)
    static func map(_ count: Int, _ f: (Int) -> Double) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { result, initialized in
            for index in 0..<count { result[index] = f(index) }
            initialized = count
        }
    }
}
