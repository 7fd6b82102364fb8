import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The instance pane compared with another row: one pinned with `d`, or the first row of the
/// duplicate cluster selected. The cells that differ carry `≠`, their differing words are drawn
/// as the duplicate pair viewer draws them, and equal cells stay plain.
@Suite struct InstanceComparisonTests {
    /// Three rows of an id, a caption and a vector: rows 0 and 1 differ in two words of the
    /// caption and the id; row 2 has no caption.
    static let captions: Dataset = {
        let all = RowSet(rowCount: 3, allSet: true)
        var captionPresent = all
        captionPresent.remove(2)
        let texts = ["a small red car parked by the river", "a small blue car parked near the river", ""]
        return Dataset(source: "captions.jsonl", rowCount: 3, columns: [
            Column(name: "id", data: .integer([1, 2, 3]), validity: all),
            Column(name: "caption", data: .text(StringTable(texts)), validity: captionPresent),
            Column(name: "vec", data: .vector(width: 2, values: [1, 2, 1, 2, 3, 4]), validity: all),
        ])
    }()

    /// The x of `word` on line `y` of `canvas`.
    static func x(of word: String, line y: Int, in canvas: Canvas) throws -> Int {
        let line = canvas.lines[y]
        let range = try #require(line.range(of: word))
        return line.distance(from: line.startIndex, to: range.lowerBound)
    }

    @Test func aPinnedRowMarksTheWordsAndCellsThatDiffer() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.captions, roles: ColumnRoles()))
        try explorer.apply(.focusRow(0))
        var pane = InstancePane()
        _ = render(&pane, paneContext(explorer.state), width: 70, height: 8)
        guard case .message(let said)? = pane.send(.action(.compareWithRow), context: paneContext(explorer.state)).first else {
            Issue.record("d said nothing")
            return
        }
        #expect(said.hasPrefix("comparing other rows with row 0"))
        var canvas = render(&pane, paneContext(explorer.state), width: 70, height: 8)
        #expect(canvas.lines[0].hasPrefix("row 0 · pinned: ≠ marks other rows"), "\(canvas.text)")

        try explorer.apply(.focusRow(1))
        canvas = render(&pane, paneContext(explorer.state), width: 70, height: 8)
        #expect(canvas.lines[0].hasPrefix("row 1 · ≠ from row 0 (pinned) · [ ] step"), "\(canvas.text)")
        #expect(canvas.lines[1].hasPrefix("id     ≠2") && canvas.lines[2].hasPrefix("caption≠a small blue car parked near the river"),
                "\(canvas.text)")
        #expect(canvas.lines[3].hasPrefix("vec     "), "equal vectors carry no ≠: \(canvas.lines[3])")
        let changed = CellStyle.fallbackChanged
        for word in ["blue", "near"] {
            #expect(canvas[try Self.x(of: word, line: 2, in: canvas), 2].style == changed, "\(word) is marked")
        }
        for word in ["small", "car", "river"] {
            #expect(canvas[try Self.x(of: word, line: 2, in: canvas), 2].style != changed, "\(word) is not marked")
        }

        try explorer.apply(.focusRow(2))
        canvas = render(&pane, paneContext(explorer.state), width: 70, height: 8)
        #expect(canvas.lines[2].hasPrefix("caption≠(missing)") && canvas.lines[3].hasPrefix("vec    ≠"), "\(canvas.text)")

        try explorer.apply(.focusRow(0))
        _ = render(&pane, paneContext(explorer.state), width: 70, height: 8)
        _ = pane.send(.action(.compareWithRow), context: paneContext(explorer.state))
        try explorer.apply(.focusRow(1))
        canvas = render(&pane, paneContext(explorer.state), width: 70, height: 8)
        #expect(!canvas.text.contains("≠"), "d on the pinned row again stops the comparison: \(canvas.text)")
    }

    @Test func aSelectedDuplicateClusterIsComparedWithItsFirstRow() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.captions, roles: ColumnRoles()))
        try explorer.apply(.select(RowSet(rowCount: 3, rows: [0, 1]), .duplicateCluster(kind: "near-text", index: 0)))
        try explorer.apply(.focusRow(1))
        var pane = InstancePane()
        var canvas = render(&pane, paneContext(explorer.state), width: 70, height: 8)
        #expect(canvas.lines[0].hasPrefix("row 1 · selected · ≠ from row 0 (cluster's first) · [ ] step"), "\(canvas.text)")
        #expect(canvas.lines[2].hasPrefix("caption≠"))
        try explorer.apply(.focusRow(0))
        canvas = render(&pane, paneContext(explorer.state), width: 70, height: 8)
        #expect(canvas.lines[0].contains("≠ from row 1 (cluster's second)"), "\(canvas.text)")
        #expect(canvas[try Self.x(of: "red", line: 2, in: canvas), 2].style == CellStyle.fallbackChanged)

        try explorer.apply(.select(RowSet(rowCount: 3, rows: [0, 1]), .rows))
        canvas = render(&pane, paneContext(explorer.state), width: 70, height: 8)
        #expect(!canvas.text.contains("≠"), "rows picked by hand are not compared: \(canvas.text)")
    }

    @Test func searchMatchesStayMarkedAsMatchesInsideDifferingText() throws {
        let paragraphs = InstanceComparison.markedParagraphs("a blue car\nnear the river", reference: "a red car\nby the river",
                                                             search: try CellSearch("river"))
        #expect(paragraphs.map { $0.map(\.text) } == [["a", "blue", "car"], ["near", "the", "river"]])
        #expect(paragraphs.map { $0.map(\.mark) } == [[.plain, .changed, .plain], [.changed, .plain, .match]])
        #expect(InstanceComparison.markedParagraphs("same text", reference: "same text", search: nil).flatMap { $0 }
            .allSatisfy { $0.mark == .plain })
    }
}

private extension CellStyle {
    /// How the fallback theme draws a word that differs.
    static var fallbackChanged: CellStyle { Theme.fallback[.error].adding(.underline) }
}
