import TuttiTerminal

extension Canvas {
    /// Writes `text` from (`x`, `y`) fitted by `TextFitting.fit` to `maxWidth` cells and to the
    /// drawable width right of `x`; returns the cells used. Nothing is clipped silently: what does
    /// not fit ends with `…`, and a number shows whole or not at all.
    @discardableResult
    mutating func fittedText(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        let room = min(maxWidth ?? Int.max, size.width - x)
        guard room > 0 else { return 0 }
        return self.text(TextFitting.fit(text, room), x: x, y: y, style: style)
    }

    /// Writes a table cell from (`x`, `y`): `text` fitted and padded to `width` cells (aligned
    /// right when `right`), or to the drawable width right of `x` when that is less.
    mutating func cell(_ text: String, x: Int, y: Int, width: Int, right: Bool = false, style: CellStyle) {
        let room = min(width, size.width - x)
        guard room > 0 else { return }
        self.text(TextFitting.pad(text, room, right: right), x: x, y: y, style: style)
    }

    /// Marks a table whose columns go on past the drawable width (`›` at the right edge of line
    /// `y`) or start before it (`‹` at `leftX`).
    mutating func columnMarks(_ columns: ColumnWindow, y: Int, leftX: Int = 0, style: CellStyle) {
        if columns.moreLeft { set(x: leftX, y: y, ColumnWindow.leftMark, style: style) }
        if columns.moreRight { set(x: size.width - 1, y: y, ColumnWindow.rightMark, style: style) }
    }
}
