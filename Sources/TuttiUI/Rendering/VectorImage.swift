import TuttiCore
import TuttiTerminal

/// A vector drawn as an image, two pixels to a cell (▀ with the upper pixel in the foreground
/// and the lower one in the background): greys (or colours for three channels) from the
/// 256-colour palette, four greys with 16 colours, two with 8; without colours the cell's
/// ink shows in its glyph (▀ ▄ █ or a space), and in ASCII as a density character — so the
/// picture reads on every terminal. Values are scaled from the vector's least to its largest.
struct VectorImage {
    /// Each pixel's brightness 0–1 per channel, row by row.
    let pixels: [[Double]]
    let shape: ImageShape
    /// Cells per pixel side.
    let scale: Int

    /// The image of `values` in `shape`, each pixel `scale` cells wide and `scale` half-cells high.
    init(values: ArraySlice<Float>, shape: ImageShape, scale: Int) {
        let low = Double(values.min() ?? 0), high = Double(values.max() ?? 1)
        let span = high > low ? high - low : 1
        let base = values.startIndex
        self.shape = shape
        self.scale = max(1, scale)
        pixels = (0..<(shape.height * shape.width)).map { pixel in
            (0..<shape.channels).map { channel in (Double(values[base + pixel * shape.channels + channel]) - low) / span }
        }
    }

    /// The largest scale at which the image fits `width` cells and `lines` lines (at least 1).
    static func scale(for shape: ImageShape, width: Int, lines: Int) -> Int {
        max(1, min(width / shape.width, (lines * 2) / shape.height))
    }

    /// The image's size in cells.
    var size: (width: Int, lines: Int) { (shape.width * scale, (shape.height * scale + 1) / 2) }

    /// The brightness of the pixel under half-cell (`x`, `y`) as one grey level 0–1 (nil below the image).
    private func pixel(x: Int, y: Int) -> [Double]? {
        let row = y / scale, column = x / scale
        guard row < shape.height, column < shape.width else { return nil }
        return pixels[row * shape.width + column]
    }

    private static func grey(_ channels: [Double]) -> Double { channels.reduce(0, +) / Double(max(1, channels.count)) }

    /// The colour of a pixel for a theme of `colors` colours.
    private static func color(_ channels: [Double], colors: Int) -> TerminalColor {
        if colors >= 256 {
            if channels.count == 3 {
                let level = channels.map { UInt8(min(5, max(0, ($0 * 5).rounded()))) }
                return .indexed(16 + 36 * level[0] + 6 * level[1] + level[2])
            }
            return .indexed(232 + UInt8(min(23, max(0, (grey(channels) * 23).rounded()))))
        }
        let levels: [UInt8] = colors >= 16 ? [0, 8, 7, 15] : [0, 7]
        let index = Int(min(Double(levels.count - 1), (grey(channels) * Double(levels.count - 1)).rounded()))
        return .indexed(levels[index])
    }

    /// Draws line `line` of the image (two pixel rows) from (`x`, `y`).
    func draw(line: Int, into canvas: inout Canvas, x: Int, y: Int, colors: Int, glyphs: Glyphs, style: CellStyle) {
        for column in 0..<size.width {
            let top = pixel(x: column, y: line * 2) ?? [0], bottom = pixel(x: column, y: line * 2 + 1) ?? [0]
            if let levels = glyphs.pixelLevels, !levels.isEmpty {
                let ink = (Self.grey(top) + Self.grey(bottom)) / 2
                canvas.set(x: x + column, y: y, levels[min(levels.count - 1, Int(ink * Double(levels.count)))], style: style)
            } else if colors >= 8 {
                let cell = CellStyle(foreground: Self.color(top, colors: colors), background: Self.color(bottom, colors: colors))
                canvas.set(x: x + column, y: y, "▀", style: cell)
            } else {
                let glyph: Character = switch (Self.grey(top) >= 0.5, Self.grey(bottom) >= 0.5) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
                canvas.set(x: x + column, y: y, glyph, style: style)
            }
        }
    }
}
