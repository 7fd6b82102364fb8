import TuttiTerminal

/// Draws two-toned bars: the filtered count as a bar in eighth blocks, with the selected part
/// (from the base, or from the left) in a second tone and a different glyph.
struct BarRenderer {
    let glyphs: Glyphs
    let barStyle: CellStyle
    let selectedStyle: CellStyle

    /// A vertical bar in column `x` of `height` cells whose top is row 0: `value` and
    /// `selected` are fractions (0…1) of the full height.
    func vertical(_ canvas: inout Canvas, x: Int, height: Int, value: Double, selected: Double) {
        let totalEighths = Int((value * Double(height * 8)).rounded())
        // The selected part takes whole cells (rounded up when any row is selected) so its glyph shows.
        var selectedCells = Int((selected * Double(height)).rounded())
        if selected > 0 { selectedCells = max(selectedCells, 1) }
        selectedCells = min(selectedCells, height, (totalEighths + 7) / 8)
        for cell in 0..<height {
            let row = height - 1 - cell
            if cell < selectedCells {
                canvas.set(x: x, y: row, glyphs.selectedBlock, style: selectedStyle)
                continue
            }
            let eighths = min(8, max(0, totalEighths - cell * 8))
            guard eighths > 0 else { continue }
            canvas.set(x: x, y: row, glyphs.verticalEighths[eighths], style: barStyle)
        }
    }

    /// A horizontal bar on row `y` from column `x`, `width` cells at full scale.
    func horizontal(_ canvas: inout Canvas, x: Int, y: Int, width: Int, value: Double, selected: Double) {
        let totalEighths = Int((value * Double(width * 8)).rounded())
        var selectedCells = Int((selected * Double(width)).rounded())
        if selected > 0 { selectedCells = max(selectedCells, 1) }
        selectedCells = min(selectedCells, width, (totalEighths + 7) / 8)
        for cell in 0..<width {
            if cell < selectedCells {
                canvas.set(x: x + cell, y: y, glyphs.selectedBlock, style: selectedStyle)
                continue
            }
            let eighths = min(8, max(0, totalEighths - cell * 8))
            guard eighths > 0 else { break }
            canvas.set(x: x + cell, y: y, glyphs.horizontalEighths[eighths], style: barStyle)
        }
    }
}
