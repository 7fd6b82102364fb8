import Testing
@testable import TuttiCore

/// Two cells for CJK ideographs, one for everything else: a stand-in for the terminal's rule.
enum IdeographCells: CellMeasure {
    static func cells(_ character: Character) -> Int {
        character.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } == true ? 2 : 1
    }
}

/// The fitting rule in the core, where command-line tables and reports use it.
@Suite struct TextFitTests {
    @Test func numbersShowWholeOrAsTheMarker() {
        #expect(TextFit.fit("2174", 4, CharacterCells.self) == "2174")
        #expect(TextFit.fit("2174", 3, CharacterCells.self) == "…")
        #expect(TextFit.fit("14,084 rows", 5, CharacterCells.self) == "…")
        #expect(TextFit.fit("14,084 rows", 8, CharacterCells.self) == "14,084 …")
        #expect(TextFit.fit("gap -0.067 to all", 9, CharacterCells.self) == "gap …")
        #expect(TextFit.fit("gap -0.067 to all", 9, CharacterCells.self, ellipsis: "~") == "gap ~")
        #expect(TextFit.fit("x-12", 3, CharacterCells.self) == "x-…")
        #expect(TextFit.fit("3.5e-07", 5, CharacterCells.self) == "…")
        #expect(TextFit.fit("98.5% of rows", 4, CharacterCells.self) == "…")
        #expect(TextFit.fit("Bachelors", 5, CharacterCells.self) == "Bach…")
        #expect(TextFit.fit("中文字", 5, IdeographCells.self) == "中文…")
        #expect(TextFit.fit("中文字", 4, IdeographCells.self) == "中…")
    }

    @Test func aCountGoesBeforeItsLabelIsCut() {
        #expect(TextFit.counted("Husband", count: "19,716", 16, CharacterCells.self) == "Husband (19,716)")
        #expect(TextFit.counted("Husband", count: "19,716", 13, CharacterCells.self) == "Husband")
        #expect(TextFit.counted("Husband", count: "19,716", 4, CharacterCells.self) == "Hus…")
    }

    @Test func alignedTablesPadByCellsAndNeverCut() {
        let table = TextTable(headers: ["name", "n"], rows: [["中文", "1"], ["ab", "14,084"]], rightAligned: [1])
        #expect(table.renderAligned(IdeographCells.self) == "name       n\n中文       1\nab    14,084\n")
    }

    @Test func aHugeCellSticksOutOfItsColumnInsteadOfWideningEveryLine() {
        let huge = String(repeating: "x", count: TextTable.alignmentLimit + 1)
        let rows = [[huge, "1", "a"]] + (0..<1_000).map { [String($0), "2", "b"] }
        let lines = TextTable(headers: ["name", "n", "top"], rows: rows, rightAligned: [1]).renderAligned(CharacterCells.self)
            .split(separator: "\n")
        #expect(lines[1] == huge + "  1  a")
        #expect(lines[2] == "0     2  b" && lines.dropFirst(2).allSatisfy { $0.count == 10 })
        // The last column is never padded, however wide its widest cell.
        let last = TextTable(headers: ["a", "b"], rows: [["1", String(repeating: "y", count: 500)], ["2", "z"]])
        #expect(last.renderAligned(CharacterCells.self).hasSuffix("\n2  z\n"))
    }
}
