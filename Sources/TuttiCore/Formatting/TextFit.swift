/// How many cells of a fixed-width grid one character takes. A conformer gives every character
/// at most as many cells as it has UTF-8 bytes (every terminal's rule does), so text with no
/// more bytes than cells fits without being measured.
public protocol CellMeasure {
    /// The cells `character` takes.
    static func cells(_ character: Character) -> Int
}

/// One cell per character: for text that is not laid out on a terminal grid (reports).
public enum CharacterCells: CellMeasure {
    public static func cells(_ character: Character) -> Int { 1 }
}

/// The one rule for fitting text into a number of cells, used by every pane, overlay, status
/// line, command-line table and report: text that fits is kept as it is; text cut to fit ends
/// with a cut marker (`…`); and a number is never cut — a cut that would fall inside a number
/// moves to before it, so a number shows whole or not at all, and a number alone that does not
/// fit becomes the marker alone, as a spreadsheet shows `###`.
public enum TextFit {
    /// The cut marker.
    public static let ellipsis: Character = "…"

    /// The cells `text` takes.
    public static func width<M: CellMeasure>(_ text: some StringProtocol, _ measure: M.Type) -> Int {
        var total = 0
        for character in text { total += M.cells(character) }
        return total
    }

    /// `text` fitted to `width` cells by the rule above. Spaces cut from the end are no cut.
    /// With `words`, a cut inside a word moves to before the word (unless it is the first),
    /// for text such as expressions that reads wrongly cut mid-token.
    public static func fit<M: CellMeasure>(_ text: String, _ width: Int, _ measure: M.Type,
                                           ellipsis: Character = ellipsis, words: Bool = false) -> String {
        guard width > 0 else { return "" }
        if text.utf8.count <= width { return text }
        var used = 0
        var index = text.startIndex
        var markerEnd = text.startIndex  // the end of the longest start that leaves a cell for the marker
        while index < text.endIndex {
            let cells = M.cells(text[index])
            if used + cells > width { break }
            used += cells
            index = text.index(after: index)
            if used < width { markerEnd = index }
        }
        if text[index...].allSatisfy({ $0 == " " }) { return String(text[..<index]) }
        var end = cutsNumber(text, at: markerEnd) ? numberStart(text, before: markerEnd) : markerEnd
        if words, end < text.endIndex, text[end] != " ", let first = text.firstIndex(where: { $0 != " " }), first < end,
           let space = text[first..<end].lastIndex(of: " ") {
            end = text.index(after: space)
        }
        return String(text[..<end]) + String(ellipsis)
    }

    /// `text` fitted to `width` cells, then padded with spaces to exactly `width` (on the left
    /// when `right`, for numbers).
    public static func pad<M: CellMeasure>(_ text: String, _ width: Int, _ measure: M.Type, right: Bool = false,
                                           ellipsis: Character = ellipsis) -> String {
        let fitted = fit(text, width, measure, ellipsis: ellipsis)
        let padding = String(repeating: " ", count: max(0, width - Self.width(fitted, measure)))
        return right ? padding + fitted : fitted + padding
    }

    /// A label with a count in parentheses (`Private (33,906)`) fitted as a unit: whole when it
    /// fits, else the label alone, cut if need be; never a part of the count.
    public static func counted<M: CellMeasure>(_ label: String, count: String, _ width: Int, _ measure: M.Type,
                                               ellipsis: Character = ellipsis) -> String {
        let whole = label + " (" + count + ")"
        if Self.width(whole, measure) <= width { return whole }
        return fit(label, width, measure, ellipsis: ellipsis)
    }

    // MARK: Numbers

    /// Whether the characters on both sides of `cut` belong to one number.
    static func cutsNumber(_ text: String, at cut: String.Index) -> Bool {
        guard cut > text.startIndex, cut < text.endIndex else { return false }
        let before = text[text.index(before: cut)], after = text[cut]
        let afterNext = text.index(after: cut) < text.endIndex ? text[text.index(after: cut)] : nil
        let beforePrevious = text.index(before: cut) > text.startIndex ? text[text.index(text.index(before: cut), offsetBy: -1)] : nil
        if before.isDigitASCII {
            if after.isDigitASCII || after == "%" { return true }
            if after == "," || after == "." { return afterNext?.isDigitASCII == true }
            if after == "e" || after == "E" { return afterNext.map { $0.isDigitASCII || $0 == "+" || $0 == "-" } ?? false }
            return false
        }
        if before == "e" || before == "E", after == "+" || after == "-" {
            return beforePrevious?.isDigitASCII == true && afterNext?.isDigitASCII == true
        }
        guard after.isDigitASCII else { return false }
        switch before {
        case ",", ".", "e", "E": return beforePrevious?.isDigitASCII == true
        case "+", "-", "±": return true
        default: return false
        }
    }

    /// Where the number that ends at `end` starts, its sign included.
    static func numberStart(_ text: String, before end: String.Index) -> String.Index {
        var start = end
        while start > text.startIndex {
            let index = text.index(before: start)
            let character = text[index]
            let previous = index > text.startIndex ? text[text.index(before: index)] : nil
            if character.isDigitASCII {
                start = index
            } else if [",", ".", "e", "E"].contains(character), previous?.isDigitASCII == true {
                start = index
            } else if character == "+" || character == "-", previous == "e" || previous == "E" {
                start = index
            } else if character == "+" || character == "-" || character == "±" {
                if previous.map({ !$0.isLetter && !$0.isNumber }) ?? true { start = index }
                break
            } else {
                break
            }
        }
        return start
    }
}

extension Character {
    /// Whether this is one of the digits 0 to 9.
    var isDigitASCII: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
