import TuttiTerminal

/// Fitting text into a number of cells.
enum TextFitting {
    /// `text` cut to `width` cells, ending in an ellipsis when cut.
    static func fit(_ text: String, _ width: Int, ellipsis: Character) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.fits(text, width) { return text }
        var out = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > width - 1 { break }
            out.append(character)
            used += cells
        }
        out.append(ellipsis)
        return out
    }

    /// `text` padded with spaces (left-aligned, or right-aligned) to exactly `width` cells.
    static func pad(_ text: String, _ width: Int, right: Bool = false, ellipsis: Character = "…") -> String {
        let fitted = fit(text, width, ellipsis: ellipsis)
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted)))
        return right ? padding + fitted : fitted + padding
    }
}
