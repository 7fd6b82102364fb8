/// Row numbers as one line, never cut inside a number: `3 17 241 … +409 more`.
public enum RowNumberList {
    /// The first rows, space-separated, as many as fit in `width` characters and at most `limit`;
    /// when some are left out, the line ends with `<ellipsis> +N more`. When not even that fits,
    /// the line is `<ellipsis> +N more` alone (N all the rows).
    public static func text(_ rows: [Int], width: Int = .max, limit: Int = .max, ellipsis: Character = "…") -> String {
        guard !rows.isEmpty else { return "" }
        func more(_ left: Int) -> String { "\(ellipsis) +\(NumberFormatting.grouped(left)) more" }
        // Lengths are counted as the line grows (digits and spaces are one character each), so
        // a list of 100,000 rows costs one pass, not one count of the whole line per row.
        var length = 0
        var shownBest = 0
        for (index, row) in rows.prefix(limit).enumerated() {
            length += (index == 0 ? 0 : 1) + String(row).count
            let shown = index + 1
            let candidate = shown == rows.count ? length : length + 1 + more(rows.count - shown).count
            if candidate <= width {
                shownBest = shown
            } else if length > width {
                break
            }
        }
        guard shownBest > 0 else { return more(rows.count) }
        let line = rows.prefix(shownBest).map(String.init).joined(separator: " ")
        return shownBest == rows.count ? line : line + " " + more(rows.count - shownBest)
    }
}
