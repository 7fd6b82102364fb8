import TuttiTerminal

/// A piece of a wrapped line drawn in one style: marked (say, a changed word) or not.
struct TextRun: Equatable {
    var text: String
    var marked: Bool
}

/// Word wrapping of marked words into lines of runs (`TextFitting.wrap` wraps plain text).
enum TextWrapping {
    /// `words` laid out in lines of at most `width` cells, one space between words: a word that
    /// does not fit on the current line starts the next one, and a word wider than a line is
    /// broken over several. Neighbouring words with the same mark share a run, and the space
    /// between two marked words is marked too, so a changed phrase reads as one. Always at
    /// least one line (empty for no words).
    static func wrap(_ words: [(text: String, marked: Bool)], width: Int) -> [[TextRun]] {
        guard width > 0 else { return [[]] }
        var lines: [[TextRun]] = []
        var line: [TextRun] = []
        var used = 0
        for (word, marked) in words {
            for piece in pieces(of: word, width: width) {
                let cells = DisplayWidth.of(piece)
                if used > 0, used + 1 + cells > width {
                    lines.append(line)
                    line = []
                    used = 0
                }
                if let last = line.last, used > 0 {
                    if last.marked == marked {
                        line[line.count - 1].text += " " + piece
                    } else if !last.marked {
                        line[line.count - 1].text += " "
                        line.append(TextRun(text: piece, marked: marked))
                    } else {
                        line.append(TextRun(text: " " + piece, marked: marked))
                    }
                    used += 1 + cells
                } else {
                    line.append(TextRun(text: piece, marked: marked))
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
