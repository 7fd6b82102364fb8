/// A histogram as text: one line per bin with its label, a bar of block characters scaled to the
/// largest bin (the selected part in `▓`), and its counts, inside a fenced code block.
enum MarkdownHistogram {
    /// Cells of the longest bar.
    static let barWidth = 40
    /// Characters of a label before an ellipsis.
    static let labelLimit = 24

    static func render(_ histogram: ReportHistogram) -> String {
        let labels = histogram.bins.map { label($0.label) }
        let labelWidth = max(labels.map(\.count).max() ?? 0, 3)
        let counts = histogram.bins.map { NumberFormatting.grouped($0.filtered) }
        let countWidth = max(counts.map(\.count).max() ?? 0, 4)
        let selected = histogram.bins.map { NumberFormatting.grouped($0.selected) }
        let largest = Double(max(histogram.largest, 1))
        var lines = [pad("", labelWidth) + "  " + pad("", barWidth) + "  " + pad("rows", countWidth, right: true)
            + (histogram.hasSelection ? "  ▓ selected" : "")]
        for (index, bin) in histogram.bins.enumerated() {
            let bar = TextBars.bar(value: Double(bin.filtered) / largest,
                                   selected: histogram.hasSelection ? Double(bin.selected) / largest : 0, width: barWidth)
            var line = pad(labels[index], labelWidth) + "  " + bar + "  " + pad(counts[index], countWidth, right: true)
            if histogram.hasSelection { line += "  ▓ " + selected[index] }
            lines.append(line)
        }
        let body = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
        let fence = MarkdownEscaping.fence(for: body)
        return fence + "text\n" + body + "\n" + fence
    }

    private static func label(_ text: String) -> String {
        let flat = MarkdownEscaping.flattened(text)
        return TextFit.fit(flat, labelLimit, CharacterCells.self)
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        TextFit.pad(text, width, CharacterCells.self, right: right)
    }
}
