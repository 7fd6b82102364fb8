/// Calendar fields of times over one chunk of rows.
enum TimeKernels {
    /// `field` of every time in `a` (microseconds), as numbers: integers from a column of
    /// times, doubles (NaN out of range) from computed times.
    static func field(_ field: CalendarField, _ a: NumberVector, count: Int) -> NumberVector {
        switch a.values {
        case .integers(let values, let offset):
            let result = values.withUnsafeBufferPointer { x in
                [Int64](unsafeUninitializedCapacity: count) { result, initialized in
                    field.write(x.baseAddress! + offset, to: result.baseAddress!, count: count)
                    initialized = count
                }
            }
            return NumberVector(values: .integers(result, offset: 0), validity: a.validity)
        case .doubles, .constant:
            let result = a.withRows(count: count) { x in
                ArithmeticKernels.map(count) { row in
                    let value = x[row]
                    return value.isFinite && Swift.abs(value) < 0x1p62 ? Double(field.value(ofMicros: Int64(value))) : .nan
                }
            }
            return NumberVector(values: .doubles(result, offset: 0), validity: a.validity)
        }
    }
}
