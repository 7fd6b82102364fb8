/// The xterm 256-colour palette, and how indexed colours map onto terminals with fewer
/// colours: a colour the terminal has is kept; any other becomes the nearest (by RGB
/// distance) of the 16 basic colours, or of the 8 on an 8-colour terminal, greys going to
/// greys.
enum ColorPalette {
    /// The xterm defaults of the 16 basic colours.
    private static let basic: [(r: Int, g: Int, b: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]
    /// The basic colours without hue.
    private static let greys: Set = [0, 7, 8, 15]

    /// The RGB value of colour `index`: the basic 16, the 6×6×6 cube (16–231), the greys
    /// (232–255).
    static func rgb(_ index: UInt8) -> (r: Int, g: Int, b: Int) {
        switch index {
        case 0..<16:
            return basic[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let grey = 8 + 10 * (Int(index) - 232)
            return (grey, grey, grey)
        }
    }

    /// The colour a terminal with `colors` colours shows for `index`: `index` itself if the
    /// terminal has it, else the nearest of its first 16 (or 8) colours.
    static func nearest(_ index: UInt8, colors: Int) -> Int {
        guard Int(index) >= colors else { return Int(index) }
        let candidates = colors >= 16 ? 16 : max(1, min(colors, 8))
        let target = rgb(index)
        // A grey only goes to a grey (black, the light and dark greys, white): by distance
        // alone mid grey is nearer to yellow than to light grey.
        let isGrey = max(target.r, target.g, target.b) - min(target.r, target.g, target.b) < 32
        var best = 0, bestDistance = Int.max
        for candidate in 0..<candidates where !isGrey || greys.contains(candidate) {
            let color = basic[candidate]
            let (dr, dg, db) = (color.r - target.r, color.g - target.g, color.b - target.b)
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance { (best, bestDistance) = (candidate, distance) }
        }
        return best
    }

    /// The curses colour number for `index` on a terminal with `colors` colours. A
    /// direct-colour terminal (more than 256 colours, e.g. `xterm-direct`) takes colours from
    /// 8 up as 24-bit RGB values.
    static func cursesColor(_ index: UInt8, colors: Int) -> Int32 {
        guard colors > 256, index >= 8 else { return Int32(nearest(index, colors: colors)) }
        let color = rgb(index)
        return Int32(color.r << 16 | color.g << 8 | color.b)
    }
}
