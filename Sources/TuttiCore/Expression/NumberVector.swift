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
}
