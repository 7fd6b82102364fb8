import TuttiTerminal

/// How a run of wrapped text is drawn: plain, or marked as a word that differs from the text it
/// is compared with, or as a match of a search.
enum TextMark: Equatable {
    case plain, changed, match
}

/// A piece of a wrapped line drawn in one style.
struct TextRun: Equatable {
    var text: String
    var mark: TextMark
}

/// Word wrapping of marked words into lines of runs (`WrappedLines` wraps plain text).
enum TextWrapping {
    /// `words` laid out in lines of at most `width` cells, one space between words: a word that
    /// does not fit on the current line starts the next one, and a word wider than a line is
    /// broken over several. Neighbouring words with the same mark share a run, and the space
    /// between two marked words is marked too, so a changed phrase reads as one. Always at
    /// least one line (empty for no words).
    static func wrap(_ words: [(text: String, mark: TextMark)], width: Int) -> [[TextRun]] {
        guard width > 0 else { return [[]] }
        var lines: [[TextRun]] = []
        var line: [TextRun] = []
        var used = 0
        for (word, mark) in words {
            for piece in pieces(of: word, width: width) {
                let cells = DisplayWidth.of(piece)
                if used > 0, used + 1 + cells > width {
                    lines.append(line)
                    line = []
                    used = 0
                }
                if let last = line.last, used > 0 {
                    if last.mark == mark {
                        line[line.count - 1].text += " " + piece
                    } else if last.mark == .plain {
                        line[line.count - 1].text += " "
                        line.append(TextRun(text: piece, mark: mark))
                    } else {
                        line.append(TextRun(text: " " + piece, mark: mark))
                    }
                    used += 1 + cells
                } else {
                    line.append(TextRun(text: piece, mark: mark))
                    used = cells
                }
            }
        }
        lines.append(line)
        return lines
    }

    /// `word` cut into pieces of at most `width` cells (at least one character each).
    private static func pieces(of word: String, width: Int) -> [String] {
        guard DisplayWidth.of(word) > width else { return [word] }
        var pieces: [String] = []
        var piece = ""
        var used = 0
        for character in word {
            let cells = DisplayWidth.of(character)
            if used + cells > width, !piece.isEmpty {
                pieces.append(piece)
                piece = ""
                used = 0
            }
            piece.append(character)
            used += cells
        }
        pieces.append(piece)
        return pieces
    }
}

/// The lines of plain text wrapped to at most `width` cells, made one at a time as they are
/// asked for, so that showing the first screenful of a 50 MB cell costs a screenful of work.
///
/// Lines break at spaces (the spaces at a break are dropped) and at line breaks (`\n`,
/// `\r\n`); a word wider than a line is cut. Each character is looked at a bounded number of
/// times, so wrapping a whole text takes time linear in its length. Widths are those the
/// canvas draws (a control character shows as one cell). Always at least one line.
struct WrappedLines: Sequence, IteratorProtocol {
    private let text: Substring
    private let width: Int
    private var position: Substring.Index
    private var finished: Bool

    /// The lines of `text` at `width` cells (none for a width under 1).
    init(_ text: String, width: Int) {
        self.text = text[...]
        self.width = width
        position = self.text.startIndex
        finished = width < 1
    }

    mutating func next() -> String? {
        guard !finished else { return nil }
        // Spaces where a line starts are dropped, as at a break.
        while position < text.endIndex, text[position] == " " { position = text.index(after: position) }
        var lineEnd = position
        var used = 0
        var index = position
        while true {
            // The spaces before the next word.
            var spaces = 0
            while index < text.endIndex, text[index] == " " {
                spaces += 1
                index = text.index(after: index)
            }
            guard index < text.endIndex else { return finish(upTo: lineEnd) }
            if text[index].isNewline { return breakLine(upTo: lineEnd, resumingAt: text.index(after: index)) }
            // The next word, looked at no further than a line's width.
            let wordStart = index
            var wordWidth = 0
            var fitEnd = index
            while index < text.endIndex, text[index] != " ", !text[index].isNewline, wordWidth <= width {
                wordWidth += Self.cells(text[index])
                index = text.index(after: index)
                if wordWidth <= width { fitEnd = index }
            }
            let separator = used > 0 ? spaces : 0
            if wordWidth <= width - used - separator {
                used += separator + wordWidth
                lineEnd = index
            } else if used > 0 {
                return breakLine(upTo: lineEnd, resumingAt: wordStart)
            } else {
                // A word wider than a line: as much of it as fits (at least one character).
                let cut = fitEnd > wordStart ? fitEnd : text.index(after: wordStart)
                return breakLine(upTo: cut, resumingAt: cut)
            }
        }
    }

    /// The line from `position` to `end`; the next starts at `resume`.
    private mutating func breakLine(upTo end: Substring.Index, resumingAt resume: Substring.Index) -> String {
        defer { position = resume }
        return String(text[position..<end])
    }

    /// The last line, from `position` to `end`.
    private mutating func finish(upTo end: Substring.Index) -> String {
        finished = true
        return String(text[position..<end])
    }

    /// The cells `character` takes on the canvas.
    private static func cells(_ character: Character) -> Int {
        DisplayWidth.of(Canvas.shown(character))
    }
}
