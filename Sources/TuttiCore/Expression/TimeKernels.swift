/// Calendar fields of times over one chunk of rows.
enum TimeKernels {
    /// `field` of every time in `a` (microseconds), as numbers.
    static func field(_ field: CalendarField, _ a: NumberVector, count: Int) -> NumberVector {
        let result: [Double]
        switch a.values {
        case .integers(let values, let offset):
            result = values.withUnsafeBufferPointer { x in
                ArithmeticKernels.map(count) { Double(field.value(ofMicros: x[offset + $0])) }
            }
        case .doubles, .constant:
            let (x, offset) = a.doubles(count: count)
            result = x.withUnsafeBufferPointer { x in
                ArithmeticKernels.map(count) { row in
                    let value = x[offset + row]
                    return value.isFinite && Swift.abs(value) < 0x1p62 ? Double(field.value(ofMicros: Int64(value))) : .nan
                }
            }
        }
        return NumberVector(values: .doubles(result, offset: 0), validity: a.validity)
    }
}
