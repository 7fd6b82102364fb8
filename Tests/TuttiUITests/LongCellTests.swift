import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// Huge cells: wrapping takes linear time and makes only the lines that are shown, so a row
/// with a 50 MB cell opens at once. A quadratic or eager wrap makes these tests hang.
@Suite struct LongCellTests {
    @Test func wrapsWordsAtSpacesAndCutsLongWords() {
        #expect(Array(WrappedLines("one two three four", width: 9)) == ["one two", "three", "four"])
        #expect(Array(WrappedLines("abcdefghijkl xy", width: 5)) == ["abcde", "fghij", "kl xy"])
        #expect(Array(WrappedLines("a  b\n\nc   ", width: 10)) == ["a  b", "", "c"])
        #expect(Array(WrappedLines("x\r\ny", width: 10)) == ["x", "y"])
        #expect(Array(WrappedLines("", width: 10)) == [""])
        #expect(Array(WrappedLines("abc", width: 0)).isEmpty)
        // Wide characters count two cells; a control character shows as one.
        #expect(Array(WrappedLines("日本語テキスト", width: 5)) == ["日本", "語テ", "キス", "ト"])
        #expect(Array(WrappedLines("\u{1B}\u{1B}\u{1B}", width: 2)) == ["\u{1B}\u{1B}", "\u{1B}"])
    }

    @Test func wrapsAMegabyteWordCompletely() {
        // 1,000,000 characters without a space: exactly 12,500 lines of 80.
        let lines = Array(WrappedLines(String(repeating: "x", count: 1_000_000), width: 80))
        #expect(lines.count == 12_500)
        #expect(lines.allSatisfy { $0.count == 80 })
    }

    @Test func wrapsAMegabyteOfWordsCompletely() {
        // 100,000 words of 9 letters: 8 to a line of 80 cells.
        let lines = Array(WrappedLines(String(repeating: "abcdefghi ", count: 100_000), width: 80))
        #expect(lines.count == 12_500)
        #expect(lines.allSatisfy { $0.count == 79 })
    }

    @Test(arguments: [1_000_000, 50_000_000])
    func opensARowWithAHugeCell(size: Int) throws {
        let cell = String(repeating: "lorem ipsum dolor sit amet ", count: size / 27)
        let data = try DatasetLoader.load(bytes: Array("id,text\n7,\(cell)\n".utf8), name: "long.csv").dataset
        let ws = TestWorkspace(Workspace(dataset: data, roles: ColumnRoles.infer(from: data), theme: .fallback, glyphs: .unicode))
        ws.apply(.showPane(.rows))
        _ = ws.frame(width: 100, height: 30)
        ws.apply(.send(.enter))
        #expect(ws.overlay == .row(0, scroll: 0))
        let screen = ws.frame(width: 100, height: 30)
        #expect(screen.text.contains("Row 0"))
        #expect(screen.lines.filter { $0.contains("lorem ipsum dolor sit amet") }.count >= 20)
        // Scrolled far down, the window still fills with the cell's lines.
        ws.apply(.scrollOverlay(by: 5_000))
        let scrolled = ws.frame(width: 100, height: 30)
        #expect(scrolled.lines.filter { $0.contains("lorem ipsum dolor sit amet") }.count >= 20)
    }
}
