import Foundation
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The instance pane drawn into a canvas: every column of the focused row, text wrapped with
/// the search marked, a vector as a sparkline and as an image whose ink follows the pixels,
/// and `[` `]` stepping through the selected or filtered rows.
@Suite struct InstancePaneTests {
    /// sklearn's digits (1,797 images of 8×8 grey levels 0–16; see the Core fixtures' README).
    static let digits: Dataset = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TuttiCoreTests/Fixtures/digits.jsonl.gz").path
        return try! DatasetLoader.load(path).dataset
    }()

    /// Row `row`'s pixels as ink (at least half the largest grey level), each pixel two cells
    /// wide and a line high: "██" for ink, two spaces for none.
    static func inkPattern(_ row: Int) -> [String] {
        guard case .vector(let width, let values)? = digits.column(named: "pixels")?.data else { return [] }
        let pixels = Array(values[(row * width)..<((row + 1) * width)])
        let low = pixels.min() ?? 0, high = pixels.max() ?? 1
        let ink = pixels.map { (Double($0) - Double(low)) / Double(high - low) >= 0.5 }
        return (0..<8).map { line in (0..<8).map { ink[line * 8 + $0] ? "██" : "  " }.joined() }
    }

    @Test func aDigitIsDrawnWithItsInk() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.digits, roles: ColumnRoles.infer(from: Self.digits)))
        try explorer.apply(.focusRow(3))
        var pane = InstancePane()
        let canvas = render(&pane, paneContext(explorer.state, focused: true), width: 60, height: 14)
        #expect(pane.title == "Instance: row 3")
        #expect(canvas.lines[0].hasPrefix("row 3 · [ ] step through the 1,797 filtered rows"))
        #expect(canvas.lines[1].hasPrefix("id     3") && canvas.lines[2].hasPrefix("label  3"))
        #expect(canvas.lines[3].hasPrefix("pixels ") && canvas.lines[3].contains("64 values, 0…15"), "\(canvas.lines[3])")
        let image = canvas.lines[4...11].map { String($0.dropFirst(7).prefix(16)).padding(toLength: 16, withPad: " ", startingAt: 0) }
        #expect(image == Self.inkPattern(3), "\(canvas.text)")
    }

    @Test func colourTerminalsGetGreysInHalfBlocks() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.digits, roles: ColumnRoles()))
        try explorer.apply(.focusRow(0))
        let theme = Theme(name: "t", description: "", colors: 256, styles: [:])
        let context = PaneContext(id: PaneID(1), state: explorer.state, theme: theme, glyphs: .unicode, focused: true, brush: nil)
        var pane = InstancePane()
        let canvas = render(&pane, context, width: 60, height: 16)
        // Row 0's first pixels: 0, 0, 5, 13 (its largest value is 15), each two cells wide and a line high.
        #expect(canvas.lines[4].dropFirst(7).hasPrefix(String(repeating: "▀", count: 16)))
        #expect(canvas[7, 4].style.foreground == .indexed(232) && canvas[7, 4].style.background == .indexed(232))
        let grey = TerminalColor.indexed(232 + UInt8((5.0 / 15 * 23).rounded()))
        #expect(canvas[11, 4].style.foreground == grey && canvas[12, 4].style.background == grey)
        #expect(canvas[13, 4].style.foreground == .indexed(232 + UInt8((13.0 / 15 * 23).rounded())))
    }

    @Test func asciiKeepsTheDigitReadable() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.digits, roles: ColumnRoles()))
        try explorer.apply(.focusRow(1))
        var pane = InstancePane()
        let canvas = render(&pane, paneContext(explorer.state, glyphs: .ascii), width: 60, height: 16)
        let image = canvas.lines[4...11].map { String($0.dropFirst(7).prefix(16)) }
        #expect(image.allSatisfy { $0.allSatisfy { " .:=#".contains($0) } })
        #expect(image.joined().filter { $0 == "#" || $0 == "=" }.count >= 10, "\(canvas.text)")
    }

    @Test func textIsWrappedWithTheSearchMarked() throws {
        var explorer = Explorer(state: ExplorerState(dataset: RowsPaneTests.reviews, roles: ColumnRoles()))
        try explorer.apply(.focusRow(1))
        try explorer.apply(.setSearch(CellSearch("slow")))
        var pane = InstancePane()
        let canvas = render(&pane, paneContext(explorer.state), width: 40, height: 12)
        #expect(canvas.lines[1].hasPrefix("id     11"))
        #expect(canvas.lines[2].hasPrefix("review review 1: good plot, slow middle,"))
        #expect(canvas.lines[3].hasPrefix("       great end. good plot, slow"))
        let slow = try #require(canvas.lines[2].range(of: "slow")).lowerBound
        let x = canvas.lines[2].distance(from: canvas.lines[2].startIndex, to: slow)
        #expect(canvas[x, 2].style.attributes.contains(.reverse) && !canvas[x - 2, 2].style.attributes.contains(.reverse))
        #expect(canvas.text.contains("(missing)"))
    }

    @Test func bracketsStepThroughTheSelectionOrTheFilter() throws {
        var explorer = Explorer(state: ExplorerState(dataset: adult, roles: adultRoles))
        try explorer.apply(.setFilter("age > 80"))
        var pane = InstancePane()
        _ = render(&pane, paneContext(explorer.state), width: 60, height: 10)
        let first = try #require(pane.row)
        #expect(explorer.state.filter.rows.contains(first))
        guard case .dispatch(.focusRow(let next))? = pane.send(.action(.nextRow), context: paneContext(explorer.state)).first else {
            Issue.record("] did not focus a row")
            return
        }
        #expect(next == explorer.state.filter.rows.members[1])
        try explorer.apply(.select(RowSet(rowCount: adult.rowCount, rows: explorer.state.filter.rows.members.suffix(2)), .rows))
        try explorer.apply(.focusRow(next))
        _ = render(&pane, paneContext(explorer.state), width: 60, height: 10)
        let commands = pane.send(.action(.previousRow), context: paneContext(explorer.state))
        guard case .message(let text)? = commands.first else {
            Issue.record("[ before the first selected row said nothing")
            return
        }
        #expect(text == "the first row")
        #expect(InstancePane.step(explorer.state.visibleSelection!, from: next, forward: true) == explorer.state.filter.rows.members.suffix(2).first)
    }

    @Test func theRowsPaneCursorIsTheFocusedRow() throws {
        let ws = TestWorkspace()
        ws.apply(.showPane(.rows))
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.send(.down))
        ws.apply(.send(.down))
        ws.apply(.showPane(.instance))
        let frame = ws.frame(width: 120, height: 40)
        #expect(ws.state.focusedRow == 2)
        #expect(frame.text.contains("Instance: row 2"))
        ws.apply(.send(.action(.nextRow)))
        _ = ws.frame(width: 120, height: 40)
        #expect(ws.state.focusedRow == 3)
        let rows = try #require(ws.panes.values.first { $0 is RowsPane } as? RowsPane)
        #expect(rows.cursor == 3, "the rows pane follows the instance pane")
    }
}
