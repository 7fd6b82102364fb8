/// A number as written in an expression: its value, and the exact integer when it is one.
struct NumberConstant: Sendable, Equatable {
    /// The value as a double.
    let value: Double
    /// The value as an exact integer, when it is integral and exactly known as one: written
    /// as an integer, or a double result within ±2^53.
    let integer: Int64?

    init(integer: Int64) {
        value = Double(integer)
        self.integer = integer
    }

    /// A number from a double; nil for NaN (which stands for a missing result).
    init?(_ value: Double) {
        guard !value.isNaN else { return nil }
        self.value = value
        integer = value == value.rounded() && abs(value) <= 9_007_199_254_740_992 ? Int64(value) : nil
    }
}
