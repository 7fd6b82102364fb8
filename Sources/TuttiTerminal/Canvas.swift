/// One terminal cell: a grapheme (or nothing, for the right half of a wide character) and
/// its style.
public struct Cell: Sendable, Equatable {
    /// The character shown; nil in the cell covered by the right half of a wide character.
    public var character: Character?
    public var style: CellStyle

    public init(character: Character? = " ", style: CellStyle = .plain) {
        self.character = character
        self.style = style
    }

    /// A blank cell.
    public static let blank = Cell()
}

/// A grid of cells that panes draw into: a plain value, so every pane can be rendered and read
/// back as text in tests. Only the terminal backend writes a canvas to a terminal.
///
/// Drawing goes through a clip rectangle whose top-left corner is the origin of the
/// coordinates passed to the drawing methods; nothing is drawn outside it.
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where drawing goes, in canvas coordinates.
    public private(set) var clip: Rect

    /// A blank canvas.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Cell](repeating: .blank, count: self.width * self.height)
        clip = Rect(x: 0, y: 0, width: self.width, height: self.height)
    }

    /// The cell at canvas coordinates (`x`, `y`).
    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// The size of the current clip rectangle: the drawable area.
    public var size: (width: Int, height: Int) { (clip.width, clip.height) }

    /// Runs `body` with drawing limited to `rect` (given in the current clip's coordinates),
    /// whose top-left corner becomes the origin.
    public mutating func within(_ rect: Rect, _ body: (inout Canvas) -> Void) {
        let saved = clip
        clip = Rect(x: clip.x + rect.x, y: clip.y + rect.y, width: rect.width, height: rect.height).intersection(saved)
        body(&self)
        clip = saved
    }

    /// Sets one cell (clip coordinates). Wide characters take two cells; one that does not
    /// fit is shown as a space. Overwriting half of a wide character turns its other half
    /// into a space, so the canvas never holds half a character. A control character is
    /// shown as `?` (see `shown`).
    public mutating func set(x: Int, y: Int, _ character: Character, style: CellStyle) {
        let cx = clip.x + x, cy = clip.y + y
        guard x >= 0, y >= 0, x < clip.width, y < clip.height else { return }
        let character = Self.shown(character)
        let index = cy * width + cx
        let wide = DisplayWidth.of(character) == 2
        if cells[index].character == nil && cx > 0 { cells[index - 1].character = " " }
        if wide && x + 1 >= clip.width {
            blankRightHalf(after: index, column: cx)
            cells[index] = Cell(character: " ", style: style)
            return
        }
        blankRightHalf(after: index, column: cx)
        cells[index] = Cell(character: character, style: style)
        if wide {
            blankRightHalf(after: index + 1, column: cx + 1)
            cells[index + 1] = Cell(character: nil, style: style)
        }
    }

    /// If the cell at `index` (in column `column`) holds a wide character, turns its right
    /// half into a space.
    private mutating func blankRightHalf(after index: Int, column: Int) {
        guard cells[index].character != nil, column + 1 < width, cells[index + 1].character == nil else { return }
        cells[index + 1].character = " "
    }

    /// What the canvas shows for `character`: `?` for a character that would control the
    /// terminal rather than show (C0 and C1 controls, DEL, bidirectional embeddings, overrides
    /// and isolates), else the character itself. Data never reaches the terminal raw.
    public static func shown(_ character: Character) -> Character {
        for scalar in character.unicodeScalars {
            switch scalar.value {
            case 0x20..<0x7F: continue
            case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return "?"
            default: continue
            }
        }
        return character
    }

    /// Writes `text` from (`x`, `y`), clipped to `maxWidth` cells and the clip rectangle;
    /// returns the number of cells used. Control characters are shown as `?` (see `shown`).
    @discardableResult
    public mutating func text(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        let limit = min(maxWidth ?? Int.max, clip.width - x)
        var used = 0
        for character in text {
            let shown = Self.shown(character)
            let cellWidth = DisplayWidth.of(shown)
            if used + cellWidth > limit { break }
            set(x: x + used, y: y, shown, style: style)
            used += cellWidth
        }
        return used
    }

    /// Fills `rect` (clip coordinates) with a character.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: CellStyle = .plain) {
        for row in rect.y..<rect.maxY {
            for column in rect.x..<rect.maxX { set(x: column, y: row, character, style: style) }
        }
    }

    /// Applies `change` to the style of every cell of `rect` (clip coordinates).
    public mutating func restyle(_ rect: Rect, _ change: (inout CellStyle) -> Void) {
        let area = Rect(x: clip.x + rect.x, y: clip.y + rect.y, width: rect.width, height: rect.height).intersection(clip)
        for row in area.y..<max(area.y, area.maxY) {
            for column in area.x..<max(area.x, area.maxX) { change(&cells[row * width + column].style) }
        }
    }

    /// Replaces every character with `transform(character)` (for example to ASCII). A wide
    /// character that becomes narrow leaves a blank in its right half; one that stays wide
    /// keeps it; a narrow one that would become wide becomes a blank, as it does not fit.
    public mutating func mapCharacters(_ transform: (Character) -> Character) {
        for index in cells.indices {
            guard let character = cells[index].character else { continue }  // done with its left half
            let mapped = transform(character)
            let wasWide = (index + 1) % width != 0 && cells[index + 1].character == nil
            let isWide = DisplayWidth.of(mapped) == 2
            cells[index].character = isWide && !wasWide ? " " : mapped
            if wasWide && !isWide { cells[index + 1].character = " " }
        }
    }

    /// Row `y` as text (wide characters once, trailing spaces kept).
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width { if let character = self[x, y].character { out.append(character) } }
        return out
    }

    /// Every row as text, trailing spaces removed: what a test reads back.
    public var lines: [String] {
        (0..<height).map { y in
            var text = line(y)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The whole canvas as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }
}
