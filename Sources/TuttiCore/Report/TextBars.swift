/// Bars and sparklines in Unicode block characters, for text reports.
enum TextBars {
    /// Partial blocks by eighths of a cell, from none to full.
    static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// The glyph of the selected part of a bar.
    static let selectedBlock: Character = "▓"
    /// Sparkline levels, lowest first.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A horizontal bar `width` cells long at full scale: `value` and `selected` are fractions
    /// (0…1) of the full length. The selected part comes first in whole `▓` cells (at least one
    /// when any row is selected); the rest in full and partial blocks. Padded to `width`.
    static func bar(value: Double, selected: Double, width: Int) -> String {
        let totalEighths = Int((min(max(value, 0), 1) * Double(width * 8)).rounded())
        var selectedCells = Int((min(max(selected, 0), 1) * Double(width)).rounded())
        if selected > 0 { selectedCells = max(selectedCells, 1) }
        selectedCells = min(selectedCells, width, (totalEighths + 7) / 8)
        var text = ""
        for cell in 0..<width {
            if cell < selectedCells {
                text.append(selectedBlock)
            } else {
                text.append(eighths[min(8, max(0, totalEighths - cell * 8))])
            }
        }
        return text
    }

    /// One character per count, its height relative to the largest; a space for zero.
    static func sparkline(_ counts: [Int]) -> String {
        guard let largest = counts.max(), largest > 0 else { return "" }
        return String(counts.map { count -> Character in
            guard count > 0 else { return " " }
            let level = Int((Double(count) / Double(largest) * Double(levels.count - 1)).rounded())
            return levels[min(level, levels.count - 1)]
        })
    }
}
