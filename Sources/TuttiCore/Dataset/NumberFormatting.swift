import Foundation

/// Number formatting shared by displays and exports.
public enum NumberFormatting {
    /// The shortest text that reads back as the same `Double` ("3", "0.25", "1e+20").
    public static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// A number with thousands separators: 48842 → "48,842".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// A compact number for tables: up to `significant` significant digits.
    public static func compact(_ value: Double, significant: Int = 4) -> String {
        if value.isNaN { return "NaN" }
        if value == value.rounded(), abs(value) < 1e12 { return String(Int64(value)) }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-4 {
            return String(format: "%.\(max(significant - 1, 0))e", value)
        }
        let digitsBeforePoint = magnitude < 1 ? 1 : Int(log10(magnitude)) + 1
        let decimals = max(significant - digitsBeforePoint, 0)
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}

