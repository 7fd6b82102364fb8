import Testing
@testable import TuttiTerminal

@Suite struct CanvasTests {
    @Test func textIsWrittenAndReadBack() {
        var canvas = Canvas(width: 10, height: 2)
        #expect(canvas.text("hello", x: 2, y: 1) == 5)
        #expect(canvas.lines == ["", "  hello"])
        #expect(canvas.line(1) == "  hello   ")
        #expect(canvas.text == "\n  hello")
    }

    @Test func textIsTruncatedAtTheEdgeAndAtMaxWidth() {
        var canvas = Canvas(width: 6, height: 2)
        #expect(canvas.text("truncated", x: 1, y: 0) == 5)
        #expect(canvas.text("abcdef", x: 0, y: 1, maxWidth: 3) == 3)
        #expect(canvas.lines == [" trunc", "abc"])
    }

    @Test func controlCharactersShowAsQuestionMarks() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.text("a\tb\u{7F}", x: 0, y: 0)
        #expect(canvas.lines == ["a?b?"])
    }

    /// Hostile data (a title change, an OSC 52 clipboard write, an OSC 8 link, a cursor query,
    /// C1 controls, a bidi override) never reaches the terminal: no cell holds a control.
    @Test func noControlCharacterFromDataReachesACell() {
        let hostile = "\u{1B}]0;owned\u{07}\u{1B}]52;c;aGk=\u{07}\u{1B}]8;;http://x\u{1B}\\link\u{1B}[6n"
            + "\u{9B}2J\u{85}\u{9D}0;t\u{9C}\u{202E}evil\u{2066}x\u{2069}\r\n\u{0}"
        var canvas = Canvas(width: 120, height: 2)
        canvas.text(hostile, x: 0, y: 0)
        for character in hostile { canvas.set(x: 0, y: 1, character, style: .plain) }
        let scalars = canvas.cells.compactMap(\.character).flatMap(\.unicodeScalars).map(\.value)
        #expect(!scalars.contains { $0 < 0x20 || (0x7F...0x9F).contains($0) || (0x202A...0x202E).contains($0)
                                    || (0x2066...0x2069).contains($0) })
        #expect(canvas.lines[0].hasPrefix("?]0;owned??]52;c;aGk=??]8;;http://x?\\link?[6n?2J??0;t??evil?x???"))
    }

    @Test func wideCharactersTakeTwoCells() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.text("中文x", x: 0, y: 0) == 5)
        #expect(canvas[0, 0].character == "中")
        #expect(canvas[1, 0].character == nil)
        #expect(canvas[2, 0].character == "文")
        #expect(canvas[3, 0].character == nil)
        #expect(canvas.lines == ["中文x"])
    }

    @Test func wideCharacterThatDoesNotFitIsNotHalfDrawn() {
        var canvas = Canvas(width: 3, height: 1)
        #expect(canvas.text("a中文", x: 0, y: 0) == 3)
        #expect(canvas.lines == ["a中"])
        canvas.set(x: 2, y: 0, "字", style: .plain)
        #expect(canvas.lines == ["a"])
        #expect(canvas[2, 0].character == " ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.text("中文", x: 0, y: 0)
        canvas.set(x: 1, y: 0, "x", style: .plain)  // right half of 中
        #expect(canvas.line(0) == " x文  ")
        canvas.set(x: 2, y: 0, "y", style: .plain)  // left half of 文
        #expect(canvas.line(0) == " xy   ")
        canvas.text("字", x: 3, y: 0)
        canvas.text("中", x: 2, y: 0)  // covers y and the left half of 字
        #expect(canvas.line(0) == " x中  ")
        for x in 0..<6 where canvas[x, 0].character == nil {
            #expect(x > 0 && canvas[x - 1, 0].character.map { DisplayWidth.of($0) } == 2)
        }
    }

    @Test func emojiAndFlagsTakeTwoCells() {
        for emoji: Character in ["🚀", "👍🏽", "🥲", "🇫🇷", "中"] { #expect(DisplayWidth.of(emoji) == 2, "\(emoji)") }
        for narrow: Character in ["a", "é", "e\u{301}", "…", "›"] { #expect(DisplayWidth.of(narrow) == 1, "\(narrow)") }
    }

    @Test func withinClipsAndMovesTheOrigin() {
        var canvas = Canvas(width: 8, height: 4)
        canvas.within(Rect(x: 2, y: 1, width: 3, height: 2)) { inner in
            #expect(inner.size.width == 3 && inner.size.height == 2)
            inner.text("abcdef", x: 0, y: 0)
            inner.text("zz", x: 2, y: 1)
            inner.text("no", x: 0, y: 2)  // below the clip
            inner.set(x: -1, y: 0, "!", style: .plain)
        }
        #expect(canvas.lines == ["", "  abc", "    z", ""])
        #expect(canvas.clip == Rect(x: 0, y: 0, width: 8, height: 4))
    }

    @Test func nestedWithinIntersects() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.within(Rect(x: 1, y: 0, width: 5, height: 3)) { outer in
            outer.within(Rect(x: 3, y: 1, width: 10, height: 10)) { inner in
                #expect(inner.clip == Rect(x: 4, y: 1, width: 2, height: 2))
                inner.fill(Rect(x: 0, y: 0, width: 5, height: 5), with: "#")
            }
        }
        #expect(canvas.lines == ["", "    ##", "    ##"])
    }

    @Test func restyleChangesStylesOnlyInsideTheClip() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.text("abcd", x: 0, y: 0)
        canvas.within(Rect(x: 1, y: 0, width: 2, height: 2)) { inner in
            inner.restyle(Rect(x: -5, y: 0, width: 20, height: 1)) { $0.attributes.insert(.reverse) }
        }
        #expect(canvas[0, 0].style == .plain)
        #expect(canvas[1, 0].style.attributes == .reverse)
        #expect(canvas[2, 0].style.attributes == .reverse)
        #expect(canvas[3, 0].style == .plain)
        #expect(canvas[1, 1].style == .plain)
        #expect(canvas.lines == ["abcd", ""])
    }

    @Test func fillAndStyles() {
        var canvas = Canvas(width: 3, height: 2)
        let style = CellStyle(foreground: .indexed(2), attributes: .bold)
        canvas.fill(Rect(x: 1, y: 0, width: 5, height: 5), with: "·", style: style)
        #expect(canvas.lines == [" ··", " ··"])
        #expect(canvas[2, 1] == Cell(character: "·", style: style))
        #expect(style.adding(.underline).attributes == [.bold, .underline])
    }

    @Test func mapCharactersKeepsWideCharactersWhole() {
        var canvas = Canvas(width: 7, height: 1)
        canvas.text("a中é文", x: 0, y: 0)
        var ascii = canvas
        ascii.mapCharacters { $0.isASCII ? $0 : "?" }
        #expect(ascii.line(0) == "a? ??  ")
        #expect(ascii[2, 0].character == " ")
        var same = canvas
        same.mapCharacters { $0 }
        #expect(same == canvas)
        var widened = canvas
        widened.mapCharacters { $0 == "a" ? "字" : $0 }
        #expect(widened.line(0) == " 中é文 ")
    }

    @Test func emptyAndNegativeSizes() {
        var canvas = Canvas(width: -3, height: 0)
        canvas.text("x", x: 0, y: 0)
        canvas.fill(Rect(x: 0, y: 0, width: 3, height: 3))
        #expect(canvas.lines == [])
        #expect(canvas.width == 0)
    }
}
