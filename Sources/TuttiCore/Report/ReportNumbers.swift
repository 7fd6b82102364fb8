import Foundation

/// How reports write counts and shares.
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

    /// A metric value with four decimals; "–" for none.
    static func metric(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "–" }

    /// A signed difference with four decimals; "" for none.
    static func signed(_ value: Double?) -> String { value.map { String(format: "%+.4f", $0) } ?? "" }
}
