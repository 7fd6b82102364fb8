import CNcurses

/// Writes canvases to the curses screen: only the cells that changed since the previous
/// canvas, with styles turned into curses attributes and colour pairs.
struct CursesRenderer {
    /// The terminal's colours (curses `COLORS`), or 0 when colour is not used.
    private let colors: Int
    /// Whether the terminal's default colours can be used in pairs (`use_default_colors`).
    private let defaultColors: Bool
    /// Whether pairs are defined with `init_extended_pair` and passed to `setcchar` through
    /// its `opts` argument (when the terminal has more pairs than a `short` holds).
    private let extendedPairs: Bool
    private var pairs: ColorPairTable
    private var styles: [CellStyle: (attributes: attr_t, pair: Int32)] = [:]
    /// What is on the screen; nil when unknown, so that the next draw writes every cell.
    private var previous: Canvas?

    init(colors: Int, pairLimit: Int, defaultColors: Bool) {
        self.colors = colors
        self.defaultColors = defaultColors
        extendedPairs = pairLimit > Int(Int16.max)
        pairs = ColorPairTable(limit: colors > 0 ? pairLimit : 1)
    }

    /// Forgets what is on the screen: the next draw writes every cell.
    mutating func invalidate() { previous = nil }

    /// Writes the cells of `canvas` that changed (all of them after `invalidate` or when the
    /// canvas size changed) to a screen of `width` × `height` cells, and updates the terminal.
    mutating func draw(_ canvas: Canvas, width: Int, height: Int) {
        guard let window = tutti_stdscr() else { return }
        let before = previous.flatMap { $0.width == canvas.width && $0.height == canvas.height ? $0 : nil }
        if before == nil { werase(window) }
        for y in 0..<min(canvas.height, height) {
            for x in 0..<min(canvas.width, width) {
                let cell = canvas[x, y]
                // The right half of a wide character is drawn with its left half.
                guard let character = cell.character else { continue }
                if let before, before[x, y] == cell { continue }
                let wide = x + 1 < canvas.width && canvas[x + 1, y].character == nil
                put(character, wide: wide && x + 1 < width, style: cell.style, x: x, y: y, window: window)
            }
        }
        previous = canvas
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one character, checking that the C library gives it the width the canvas gave
    /// it (their Unicode tables can differ); if not, a stand-in of the right width is shown.
    private mutating func put(_ character: Character, wide: Bool, style: CellStyle, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>) {
        let look = self.look(style)
        let scalars = character.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        switch (wide, Int(tutti_wcwidth(scalars[0]))) {
        case (false, 1), (true, 2):
            write(scalars, look, x: x, y: y, window: window)
        case (true, 1):
            write(scalars, look, x: x, y: y, window: window)
            write([wchar_t(0x20)], look, x: x + 1, y: y, window: window)
        default:
            write([wchar_t(UInt8(ascii: "?"))], look, x: x, y: y, window: window)
            if wide { write([wchar_t(0x20)], look, x: x + 1, y: y, window: window) }
        }
    }

    private func write(_ scalars: [wchar_t], _ look: (attributes: attr_t, pair: Int32), x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>) {
        var cell = cchar_t()
        if setCell(&cell, scalars, look) != OK {
            // Combining marks the library will not join: the base character alone.
            _ = setCell(&cell, [scalars[0]], look)
        }
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    private func setCell(_ cell: inout cchar_t, _ scalars: [wchar_t], _ look: (attributes: attr_t, pair: Int32)) -> Int32 {
        let terminated = scalars + [0]
        if extendedPairs {
            var pair = look.pair
            return setcchar(&cell, terminated, look.attributes, 0, &pair)
        }
        return setcchar(&cell, terminated, look.attributes, Int16(truncatingIfNeeded: look.pair), nil)
    }

    /// The curses attributes and colour pair of a style, defining the pair on first use.
    private mutating func look(_ style: CellStyle) -> (attributes: attr_t, pair: Int32) {
        if let known = styles[style] { return known }
        var attributes: attr_t = 0
        if style.attributes.contains(.bold) { attributes |= tutti_attr_bold() }
        if style.attributes.contains(.dim) { attributes |= tutti_attr_dim() }
        if style.attributes.contains(.underline) { attributes |= tutti_attr_underline() }
        if style.attributes.contains(.reverse) { attributes |= tutti_attr_reverse() }
        if style.attributes.contains(.italic) { attributes |= tutti_attr_italic() }
        var pair: Int32 = 0
        if colors > 0 && (style.foreground != .standard || style.background != .standard) {
            let foreground = cursesColor(style.foreground, standard: 7)
            let background = cursesColor(style.background, standard: 0)
            switch pairs.pair(foreground: foreground, background: background) {
            case .existing(let number):
                pair = number
            case .new(let number):
                pair = number
                if extendedPairs {
                    init_extended_pair(number, foreground, background)
                } else {
                    init_pair(Int16(number), Int16(truncatingIfNeeded: foreground), Int16(truncatingIfNeeded: background))
                }
            case .exhausted:
                pair = 0
            }
        }
        styles[style] = (attributes, pair)
        return (attributes, pair)
    }

    /// The curses colour number of a colour; the terminal's default is -1 where the terminal
    /// allows it, else `standard` (white on black). Pair 0 is the default on default.
    private func cursesColor(_ color: TerminalColor, standard: Int32) -> Int32 {
        switch color {
        case .standard: defaultColors ? -1 : standard
        case .indexed(let index): ColorPalette.cursesColor(index, colors: colors)
        }
    }
}
