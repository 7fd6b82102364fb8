/// The numbers of one chunk of rows: a window on a column's array, a temporary array, or
/// one constant for every row.
struct NumberVector {
    enum Values {
        /// Rows `offset ..< offset + count` of the array.
        case integers([Int64], offset: Int)
        case doubles([Double], offset: Int)
        case constant(NumberConstant)
    }

    let values: Values
    /// Present rows; nil when every row is present.
    let validity: [UInt64]?

    /// The values as doubles: the array and the offset of the chunk's first row in it.
    func doubles(count: Int) -> (values: [Double], offset: Int) {
        switch values {
        case .doubles(let values, let offset):
            return (values, offset)
        case .integers(let values, let offset):
            let converted = values.withUnsafeBufferPointer { source in
                [Double](unsafeUninitializedCapacity: count) { result, initialized in
                    for index in 0..<count { result[index] = Double(source[offset &+ index]) }
                    initialized = count
                }
            }
            return (converted, 0)
        case .constant(let constant):
            return ([Double](repeating: constant.value, count: count), 0)
        }
    }

    /// Calls `body` with the rows as doubles (converting integers into a temporary array).
    @inline(__always)
    func withRows<R>(count: Int, _ body: (DoubleRows) -> R) -> R {
        let (values, offset) = doubles(count: count)
        return values.withUnsafeBufferPointer { body(DoubleRows(base: $0.baseAddress! + offset)) }
    }

    /// Writes the chunk's `count` values as doubles to `target`.
    func write(to target: UnsafeMutablePointer<Double>, count: Int) {
        switch values {
        case .doubles(let values, let offset):
            values.withUnsafeBufferPointer { target.update(from: $0.baseAddress! + offset, count: count) }
        case .integers(let values, let offset):
            values.withUnsafeBufferPointer { source in
                for index in 0..<count { target[index] = Double(source[offset &+ index]) }
            }
        case .constant(let constant):
            target.update(repeating: constant.value, count: count)
        }
    }

    /// Writes the chunk's `count` values as integers to `target`: exact from integers,
    /// truncated from doubles (0 where a double is not finite or out of range, which the
    /// validity marks).
    func write(to target: UnsafeMutablePointer<Int64>, count: Int) {
        switch values {
        case .integers(let values, let offset):
            values.withUnsafeBufferPointer { target.update(from: $0.baseAddress! + offset, count: count) }
        case .doubles(let values, let offset):
            values.withUnsafeBufferPointer { source in
                for index in 0..<count { target[index] = Self.integer(source[offset &+ index]) }
            }
        case .constant(let constant):
            target.update(repeating: constant.integer ?? Self.integer(constant.value), count: count)
        }
    }

    @inline(__always)
    private static func integer(_ value: Double) -> Int64 {
        value.isFinite && Swift.abs(value) < 0x1p63 ? Int64(value) : 0
    }
}

/// Numbers read by row in an arithmetic kernel: an array's rows, or one scalar for all rows.
protocol NumberOperand {
    subscript(row: Int) -> Double { get }
}

/// The rows of an array of doubles, from the chunk's first row.
struct DoubleRows: NumberOperand {
    let base: UnsafePointer<Double>

    @inline(__always)
    subscript(row: Int) -> Double { base[row] }
}

/// One number for every row.
struct ScalarOperand: NumberOperand {
    let value: Double

    @inline(__always)
    subscript(row: Int) -> Double { value }
}
