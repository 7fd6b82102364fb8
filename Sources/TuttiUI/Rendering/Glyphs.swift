import Foundation
import TuttiTerminal

/// The characters the interface draws with: Unicode block elements and box drawing on a
/// UTF-8 terminal, plain ASCII elsewhere. The selected part of a bar always differs from the
/// rest in glyph, not only in colour.
public struct Glyphs: Sendable, Equatable {
    /// Bars growing upwards, by eighths: index 0 is empty, 8 is a full cell.
    public let verticalEighths: [Character]
    /// Bars growing rightwards, by eighths.
    public let horizontalEighths: [Character]
    /// A full cell of the selected part of a bar.
    public let selectedBlock: Character
    /// Sparkline levels, lowest first.
    public let sparkline: [Character]
    public let horizontalLine: Character
    public let verticalLine: Character
    public let topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character
    /// Marks a selected row.
    public let selectionMark: Character
    /// Marks the cursor's row.
    public let cursorMark: Character
    /// Marks the cursor's bin under a chart.
    public let upMark: Character
    /// Stands for cut-off text.
    public let ellipsis: Character
    /// A scatter plot's points: Braille dots (2 × 4 per cell) on UTF-8 terminals; in ASCII, a
    /// cell's points shown by how many there are, fewest first.
    public let pointLevels: [Character]?
    /// An image's two pixels per cell (upper in the foreground, lower in the background); in
    /// ASCII, a pixel pair shown by its ink, lightest first.
    public let pixelLevels: [Character]?

    /// Block elements and box drawing.
    public static let unicode = Glyphs(
        verticalEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontalEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        selectedBlock: "▓", sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontalLine: "─", verticalLine: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        selectionMark: "●", cursorMark: "▶", upMark: "▲", ellipsis: "…", pointLevels: nil, pixelLevels: nil)

    /// The Braille cell with the dots of `bits` (bit `dy + 4 * dx` for the dot in column `dx`
    /// 0–1 and row `dy` 0–3 from the top, as `BrailleDots.bit` numbers them).
    public static func braille(_ bits: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(BrailleDots.unicodeOrder(bits)))!)
    }

    /// The character for a plot cell holding the dots `bits` of `count` points.
    public func point(bits: UInt8, count: Int) -> Character {
        guard let levels = pointLevels, !levels.isEmpty else { return Self.braille(bits) }
        let level = count <= 1 ? 0 : min(levels.count - 1, Int(log2(Double(count))))
        return levels[level]
    }

    /// Whether these glyphs are plain ASCII.
    public var isASCII: Bool { verticalEighths.allSatisfy(\.isASCII) }

    /// Key names as this terminal can show them: arrows spelt out in ASCII.
    public func keys(_ text: String) -> String {
        guard isASCII else { return text }
        return text.replacingOccurrences(of: "⇧←→", with: "S-Left/Right").replacingOccurrences(of: "←→", with: "Left/Right")
            .replacingOccurrences(of: "↑↓", with: "Up/Down")
    }

    /// Makes a drawn canvas fit this glyph set: with ASCII glyphs, every other character
    /// becomes its closest ASCII look-alike (or `?`), so nothing unprintable reaches a
    /// non-UTF-8 terminal.
    public func fit(_ canvas: inout Canvas) {
        guard isASCII else { return }
        canvas.mapCharacters { character in
            if character.isASCII { return character }
            switch character {
            case "·", "│": return "|"
            case "–", "—", "─": return "-"
            case "←", "‹": return "<"
            case "→", "›": return ">"
            case "↑", "▲": return "^"
            case "↓": return "v"
            case "…": return "~"
            case "●": return "*"
            case "▶": return ">"
            case "×": return "x"
            case "≠": return "!"
            default: return "?"
            }
        }
    }

    /// Plain ASCII, for terminals without UTF-8 (LANG=C) or fonts without block elements.
    public static let ascii = Glyphs(
        verticalEighths: [" ", " ", ".", ".", "o", "o", "O", "O", "#"],
        horizontalEighths: [" ", " ", "-", "-", "=", "=", "#", "#", "#"],
        selectedBlock: "@", sparkline: ["_", ".", "-", "~", "=", "+", "*", "#"],
        horizontalLine: "-", verticalLine: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        selectionMark: "*", cursorMark: ">", upMark: "^", ellipsis: "~", pointLevels: [".", ":", "o", "O", "@"],
        pixelLevels: [" ", ".", ":", "=", "#"])
}
