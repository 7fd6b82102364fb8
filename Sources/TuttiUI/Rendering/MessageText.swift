import TuttiTerminal

extension Canvas {
    /// Writes `message` wrapped to the drawable width from the top-left corner: what a pane
    /// shows when it has nothing else to show.
    mutating func message(_ message: String, style: CellStyle) {
        let (width, height) = size
        for (index, line) in WrappedLines(message, width: width).prefix(height).enumerated() {
            text(line, x: 0, y: index, style: style)
        }
    }
}
