/// Writing a chunk's numbers straight into its rows of a derived column.
extension ChunkEvaluator {
    /// Writes the chunk's values of `plan` as integers to `target` (as
    /// `NumberVector.write(to:count:)` does) and returns which are present (nil: all). A
    /// calendar field of a column of times goes straight from the column to `target`, with no
    /// temporary array.
    func writeIntegers(_ plan: NumberPlan, to target: UnsafeMutablePointer<Int64>) throws(ExpressionError) -> [UInt64]? {
        if case .calendar(let field, let operand) = plan {
            let times = try number(operand)
            if case .integers(let values, let offset) = times.values {
                values.withUnsafeBufferPointer { field.write($0.baseAddress! + offset, to: target, count: count) }
                return times.validity
            }
        }
        let vector = try number(plan)
        vector.write(to: target, count: count)
        return vector.validity
    }

    /// Writes the chunk's values of `plan` as doubles to `target` and returns which are
    /// present (nil: all).
    func writeDoubles(_ plan: NumberPlan, to target: UnsafeMutablePointer<Double>) throws(ExpressionError) -> [UInt64]? {
        let vector = try number(plan)
        vector.write(to: target, count: count)
        return vector.validity
    }
}
