/// A scatter plot as text: the report's grid drawn in Braille, one dot per bin (2 × 4 bins a
/// character), the y range left of the plot and the x range under it, in a fenced code block;
/// the selected rows' bins in a second plot when there is a selection; the legend's counts as
/// a table.
enum MarkdownScatter {
    static func render(_ scatter: ReportScatter) -> String {
        var parts = [plot(scatter, title: "filtered rows") { $0.filtered > 0 }]
        if scatter.hasSelection, scatter.bins.contains(where: { $0.selected > 0 }) {
            parts.append(plot(scatter, title: "selected rows") { $0.selected > 0 })
        }
        if !scatter.categories.isEmpty {
            var headers = [scatter.colorTitle ?? "category", "filtered rows"]
            if scatter.hasSelection { headers.append("selected") }
            let rows = scatter.categories.map { category in
                [MarkdownEscaping.text(category.name), NumberFormatting.grouped(category.filtered)]
                    + (scatter.hasSelection ? [NumberFormatting.grouped(category.selected)] : [])
            }
            let lines = ["| " + headers.map { MarkdownEscaping.text($0) }.joined(separator: " | ") + " |",
                         "| --- |" + String(repeating: " ---: |", count: headers.count - 1)]
                + rows.map { "| " + $0.joined(separator: " | ") + " |" }
            parts.append(lines.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// The Braille characters of the bins `marked` says, line by line from the top.
    static func braille(_ scatter: ReportScatter, marked: (ReportScatter.Bin) -> Bool) -> [String] {
        let width = (scatter.columns + 1) / 2, lines = (scatter.rows + 3) / 4
        var patterns = [UInt32](repeating: 0, count: width * lines)
        for bin in scatter.bins where marked(bin) {
            let fromTop = scatter.rows - 1 - bin.row
            let dx = bin.column & 1, dy = fromTop & 3
            patterns[(fromTop >> 2) * width + (bin.column >> 1)] |= dx == 0 ? leftBits[dy] : rightBits[dy]
        }
        return (0..<lines).map { line in
            String(String.UnicodeScalarView(patterns[line * width..<(line + 1) * width].map { Unicode.Scalar(0x2800 + $0)! }))
        }
    }

    /// Unicode's Braille bits of the left column's dots from the top (1, 2, 3, 7) and the right's (4, 5, 6, 8).
    private static let leftBits: [UInt32] = [0x01, 0x02, 0x04, 0x40]
    private static let rightBits: [UInt32] = [0x08, 0x10, 0x20, 0x80]

    private static func plot(_ scatter: ReportScatter, title: String, marked: (ReportScatter.Bin) -> Bool) -> String {
        let rows = braille(scatter, marked: marked)
        let top = NumberFormatting.compact(scatter.y.upperBound), bottom = NumberFormatting.compact(scatter.y.lowerBound)
        let labelWidth = max(top.count, bottom.count)
        var lines = [String(repeating: " ", count: labelWidth + 1) + flat(title) + " · y: " + flat(scatter.yTitle)]
        for (index, row) in rows.enumerated() {
            let label = index == 0 ? top : index == rows.count - 1 ? bottom : ""
            lines.append(String(repeating: " ", count: labelWidth - label.count) + label + "│" + row)
        }
        let plotWidth = rows.first.map { $0.unicodeScalars.count } ?? 0
        lines.append(String(repeating: " ", count: labelWidth) + "└" + String(repeating: "─", count: plotWidth))
        let left = NumberFormatting.compact(scatter.x.lowerBound), right = NumberFormatting.compact(scatter.x.upperBound)
        lines.append(String(repeating: " ", count: labelWidth + 1) + left
                     + String(repeating: " ", count: max(1, plotWidth - left.count - right.count)) + right)
        lines.append(String(repeating: " ", count: labelWidth + 1) + "x: " + flat(scatter.xTitle))
        let body = lines.joined(separator: "\n")
        let fence = MarkdownEscaping.fence(for: body)
        return fence + "text\n" + body + "\n" + fence
    }

    /// A title on one line, cut to 60 characters.
    private static func flat(_ text: String) -> String {
        TextFit.fit(MarkdownEscaping.flattened(text), 60, CharacterCells.self)
    }
}
