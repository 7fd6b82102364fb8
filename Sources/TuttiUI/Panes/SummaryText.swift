import TuttiCore

/// How the summary pane words a column's statistics: of the filtered rows under a filter, with
/// the whole data's value beside each one that differs (`mean 52.3 (all 38.6)`).
enum SummaryText {
    /// The range of a numeric or time column, or its top value with its count (its share and
    /// the whole data's share under a filter), fitted to `width`: `17–90`, `81–90 (all 17–90)`,
    /// `Private (33,906)`, `Private (62%, all 69%)`.
    static func range(_ entry: SummaryStatistics.Entry, width: Int) -> String {
        let shown = entry.shown
        if let span = span(shown) {
            let whole = entry.filtered == nil ? nil : self.span(entry.whole)
            return TextFitting.fit(whole == nil || whole == span ? span : "\(span) (all \(whole!))", width)
        }
        guard let top = shown.top.first else { return entry.filtered == nil || shown.kind.isNumeric ? "" : "no rows" }
        guard entry.filtered != nil else { return TextFitting.counted(top.value, count: NumberFormatting.grouped(top.count), width) }
        return TextFitting.counted(top.value, count: share(of: top, in: entry), width)
    }

    /// The cursor column's statistics, in pieces a line may break between: its name, the rows
    /// they are of under a filter, then what its kind has (mean, median, std, p5, p95, the top
    /// values, missing, distinct).
    static func details(_ entry: SummaryStatistics.Entry) -> [String] {
        let shown = entry.shown, whole = entry.whole
        let filtered = entry.filtered != nil
        var pieces = [shown.name]
        if filtered { pieces.append("\(NumberFormatting.grouped(entry.filteredCount)) of \(NumberFormatting.rows(entry.rowCount))") }
        func compared(_ label: String, _ value: (ColumnSummary, Int) -> String?) {
            let mine = value(shown, entry.filteredCount), theirs = value(whole, entry.rowCount)
            guard mine != nil || theirs != nil else { return }
            let text = "\(label) \(mine ?? "–")"
            pieces.append(filtered && mine != theirs ? "\(text) (all \(theirs ?? "–"))" : text)
        }
        let time = shown.kind == .datetime
        let number = { (value: Double?) in value.map { time ? TimeFormatting.iso(Int64($0)) : NumberFormatting.number($0) } }
        compared("mean") { summary, _ in number(summary.mean) }
        compared("median") { summary, _ in number(summary.median) }
        compared("std") { summary, _ in number(summary.std) }
        compared("p5") { summary, _ in number(summary.p5) }
        compared("p95") { summary, _ in number(summary.p95) }
        if !shown.top.isEmpty {
            let tops = shown.top.prefix(3).map { "\($0.value) \(filtered ? share(of: $0, in: entry) : NumberFormatting.grouped($0.count))" }
            pieces.append("top " + tops.joined(separator: ", "))
        }
        if let width = shown.vectorWidth { pieces.append("width \(width)") }
        compared("missing") { summary, rows in summary.missing == 0 ? "0" : NumberFormatting.percent(summary.missing, of: rows) }
        compared("distinct") { summary, _ in NumberFormatting.grouped(summary.distinct) }
        return pieces
    }

    /// `low–high` of a numeric or time column (dates only for times), or nil.
    private static func span(_ summary: ColumnSummary) -> String? {
        guard let low = summary.min, let high = summary.max else { return nil }
        if summary.kind == .datetime {
            return TimeFormatting.iso(Int64(low)).prefix(10) + "–" + TimeFormatting.iso(Int64(high)).prefix(10)
        }
        return "\(NumberFormatting.compact(low))–\(NumberFormatting.compact(high))"
    }

    /// A filtered value's share of the filtered rows, and its share of the whole data:
    /// `62%, all 69%`.
    private static func share(of value: ColumnSummary.ValueCount, in entry: SummaryStatistics.Entry) -> String {
        let mine = percent(value.count, of: entry.filteredCount)
        let wholeCount = entry.whole.top.first { $0.value == value.value }?.count ?? 0
        let theirs = percent(wholeCount, of: entry.rowCount)
        return mine == theirs ? mine : "\(mine), all \(theirs)"
    }

    /// A share as a whole percentage ("62%"), "<1%" for a small nonzero one.
    private static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0, part > 0 else { return "0%" }
        let share = Double(part) / Double(total) * 100
        return share < 1 ? "<1%" : "\(Int(share.rounded()))%"
    }
}
