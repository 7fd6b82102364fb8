import Foundation

/// How numbers read everywhere tutti writes them: the explorer's panes, the command-line
/// tables, reports and exports. Counts from 10,000 on get thousands separators.
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

    /// "12 rows", "1 row".
    public static func rows(_ value: Int) -> String { grouped(value) + (value == 1 ? " row" : " rows") }

    /// `part` as a percentage of `whole` with one decimal ("67.3%"); "<0.1%" for a small nonzero
    /// share, "0%" without rows.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        return percent(Double(part) / Double(whole))
    }

    /// A share from 0 to 1 as a percentage with one decimal; "<0.1%" for a small nonzero share
    /// when `marksTiny` (otherwise "0.0%").
    public static func percent(_ share: Double, marksTiny: Bool = true) -> String {
        if marksTiny, share > 0, share < 0.0005 { return "<0.1%" }
        return String(format: "%.1f%%", share * 100)
    }

    /// A value from the data (a bin edge, a mean, a range): from 10,000 on, a whole number with
    /// thousands separators ("189,664", "1,000,000"); below, compact ("0.25", "1990") or, when
    /// `exact`, in full. Non-whole numbers from 10,000 on stay in full when `exact`.
    public static func number(_ value: Double, exact: Bool = false) -> String {
        let magnitude = abs(value)
        if magnitude >= 10_000, magnitude < 1e15, !exact || value == value.rounded() {
            return grouped(Int(value.rounded()))
        }
        return exact ? shortest(value) : compact(value)
    }

    /// A fixed number of decimals, never in exponent notation: 0.25 → "0.2500".
    public static func fixed(_ value: Double, decimals: Int = 4) -> String { String(format: "%.\(decimals)f", value) }

    /// A metric value with four decimals; "–" for none.
    public static func metric(_ value: Double?) -> String { value.map { fixed($0) } ?? "–" }

    /// A signed difference with `decimals` decimals ("+0.0340", "-0.0670"); "" for none. When
    /// `marksZero`, a difference that rounds to zero reads "±0.0000".
    public static func signed(_ value: Double?, decimals: Int = 4, marksZero: Bool = true) -> String {
        guard let value else { return "" }
        let text = String(format: "%+.\(decimals)f", value)
        guard marksZero, text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) else { return text }
        return "±" + text.dropFirst()
    }
}
