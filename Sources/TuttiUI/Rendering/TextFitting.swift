import TuttiCore
import TuttiTerminal

/// Fitting text into a number of terminal cells, by the rule of `TextFit`: cut text ends with
/// `…` (the canvas shows `~` on an ASCII terminal), and a number shows whole or not at all.
enum TextFitting {
    /// `text` cut to `width` cells, ending in an ellipsis when cut; never a part of a number, nor
    /// with `words` of a word.
    static func fit(_ text: String, _ width: Int, ellipsis: Character = TextFit.ellipsis, words: Bool = false) -> String {
        TextFit.fit(text, width, TerminalCells.self, ellipsis: ellipsis, words: words)
    }

    /// `text` fitted, then padded with spaces (left-aligned, or right-aligned) to exactly `width` cells.
    static func pad(_ text: String, _ width: Int, right: Bool = false, ellipsis: Character = TextFit.ellipsis) -> String {
        TextFit.pad(text, width, TerminalCells.self, right: right, ellipsis: ellipsis)
    }

    /// A label with a count in parentheses fitted as a unit: the count goes first, then the label is cut.
    static func counted(_ label: String, count: String, _ width: Int) -> String {
        TextFit.counted(label, count: count, width, TerminalCells.self)
    }
}
