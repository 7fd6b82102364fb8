import Foundation

/// How reports write counts, shares and values: integers of 10,000 and more with thousands
/// separators, like counts; other numbers compact.
enum ReportNumbers {
    /// 48842 → "48,842".
    static func count(_ value: Int) -> String { NumberFormatting.grouped(value) }

    /// "12 rows", "1 row".
    static func rows(_ value: Int) -> String { count(value) + (value == 1 ? " row" : " rows") }

    /// `part` as a percentage of `whole` with one decimal ("67.3%"); "<0.1%" for a small nonzero
    /// share, "0%" without rows.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        return percent(Double(part) / Double(whole))
    }

    /// A share from 0 to 1 as a percentage with one decimal.
    static func percent(_ share: Double) -> String {
        if share > 0, share < 0.0005 { return "<0.1%" }
        return String(format: "%.1f%%", share * 100)
    }

    /// A value from the data (a bin edge, a mean, a range): from 10,000 on, a whole number with
    /// thousands separators ("189,664", "1,000,000"); below, compact ("0.25", "1990") or, when
    /// `exact`, in full. Non-whole numbers from 10,000 on stay in full when `exact`.
    static func number(_ value: Double, exact: Bool = false) -> String {
        let magnitude = abs(value)
        if magnitude >= 10_000, magnitude < 1e15, !exact || value == value.rounded() {
            return NumberFormatting.grouped(Int(value.rounded()))
        }
        return exact ? NumberFormatting.shortest(value) : NumberFormatting.compact(value)
    }

    /// A metric value with four decimals; "–" for none.
    static func metric(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "–" }

    /// A signed difference with four decimals, "±0.0000" when it rounds to zero; "" for none.
    static func signed(_ value: Double?) -> String {
        guard let value else { return "" }
        let text = String(format: "%+.4f", value)
        return text.dropFirst() == "0.0000" ? "±0.0000" : text
    }
}
