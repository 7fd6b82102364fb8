/// Row numbers as one line, never cut inside a number: `3 17 241 … +409 more`.
public enum RowNumberList {
    /// The first rows, space-separated, as many as fit in `width` characters and at most `limit`;
    /// when some are left out, the line ends with `<ellipsis> +N more`. When not even that fits,
    /// the line is `<ellipsis> +N more` alone (N all the rows).
    public static func text(_ rows: [Int], width: Int = .max, limit: Int = .max, ellipsis: Character = "…") -> String {
        func more(_ left: Int) -> String { "\(ellipsis) +\(NumberFormatting.grouped(left)) more" }
        var line = ""
        var best = more(rows.count)
        for (index, row) in rows.prefix(limit).enumerated() {
            line += (index == 0 ? "" : " ") + String(row)
            let shown = index + 1
            let candidate = shown == rows.count ? line : line + " " + more(rows.count - shown)
            if candidate.count <= width {
                best = candidate
            } else if line.count > width {
                break
            }
        }
        return rows.isEmpty ? "" : best
    }
}
