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

    /// Block elements and box drawing.
    public static let unicode = Glyphs(
        verticalEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontalEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        selectedBlock: "▓", sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontalLine: "─", verticalLine: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        selectionMark: "●", cursorMark: "▶", upMark: "▲", ellipsis: "…")

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
        selectionMark: "*", cursorMark: ">", upMark: "^", ellipsis: "~")
}
