import Foundation
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The familiarity pane drawn into a canvas and driven in a workspace: the least familiar rows
/// listed first under a histogram of the scores, a section per group, a score range selected
/// from the histogram, and the pane saved in a view.
@Suite struct FamiliarityPaneTests {
    /// 30 rows of two numeric columns packed near the origin, but for two planted outliers
    /// (rows 7 and 22), and a group column: rows 0–14 are `a`, 15–29 `b`.
    static let planted: Dataset = {
        var csv = "p,q,kind\n"
        for row in 0..<30 {
            let (x, y) = row == 7 ? (9.0, 9.0) : row == 22 ? (-8.0, 9.0) : (Double(row % 5) * 0.1, Double(row % 3) * 0.1)
            csv += "\(x),\(y),\(row < 15 ? "a" : "b")\n"
        }
        return try! DatasetLoader.load(bytes: Array(csv.utf8), name: "planted.csv").dataset
    }()

    static func state(groups: [String] = []) throws -> ExplorerState {
        var explorer = Explorer(state: ExplorerState(dataset: planted, roles: ColumnRoles.infer(from: planted)))
        if !groups.isEmpty { try explorer.apply(.setGroupColumns(groups)) }
        return explorer.state
    }

    /// The dataset rows listed, top to bottom, read from the canvas (the number after the mark).
    static func listedRows(_ canvas: Canvas, from top: Int) -> [Int] {
        canvas.lines[top...].compactMap { line in
            line.dropFirst(2).split(separator: " ").first.flatMap { Int($0) }
        }
    }

    @Test func theLeastFamiliarRowsComeFirstUnderAHistogram() throws {
        var pane = FamiliarityPane()
        let canvas = render(&pane, paneContext(try Self.state()), width: 70, height: 24)
        let text = canvas.text
        #expect(pane.title == "Familiarity: k 10 · 2 standardised numeric columns", "\(text)")
        #expect(canvas.lines[0].hasPrefix("30 rows, least familiar first"), "\(text)")
        // The histogram: bars of eighth blocks, the count axis, the score axis and the bin line.
        let chart = canvas.lines[1...6].joined()
        #expect(chart.contains("█"), "\(text)")
        #expect(canvas.lines[1].hasPrefix("28 "), "the tallest bar's count:\n\(text)")
        #expect(canvas.lines[7].hasPrefix("   ▲0.20 ") && canvas.lines[7].hasSuffix(" 1.00"), "the score axis, the cursor's bin:\n\(text)")
        #expect(canvas.lines[8].hasPrefix("familiarity 0.200–0.250: 2 rows"), "the first bin holds the two outliers:\n\(text)")
        let rows = Self.listedRows(canvas, from: 9)
        #expect(Set(rows.prefix(2)) == [7, 22], "\(text)")
        #expect(rows.count == 15)
        let scores = rows.compactMap { row in canvas.lines.first { $0.dropFirst(2).hasPrefix("\(row) ") } }
            .compactMap { $0.split(separator: " ").dropFirst().first.flatMap { Double($0) } }
        #expect(scores == scores.sorted(), "least familiar first: \(scores)")
        #expect(canvas.lines[9].contains("p 9 · q 9") || canvas.lines[10].contains("p 9 · q 9"), "the row's values follow:\n\(text)")
    }

    @Test func groupsGetASectionEachWithTheirOwnLeastFamiliarFirst() throws {
        var pane = FamiliarityPane()
        let canvas = render(&pane, paneContext(try Self.state(groups: ["kind"])), width: 70, height: 40)
        let text = canvas.text
        #expect(canvas.lines[0].contains("by kind"), "\(text)")
        let a = try #require(canvas.lines.firstIndex { $0.hasPrefix("kind == \"a\" · 15 rows · median ") }, "\(text)")
        let b = try #require(canvas.lines.firstIndex { $0.hasPrefix("kind == \"b\" · 15 rows · median ") }, "\(text)")
        #expect(a < b)
        #expect(Self.listedRows(canvas, from: a + 1).first == 7, "\(text)")
        #expect(Self.listedRows(canvas, from: b + 1).first == 22, "\(text)")
        #expect(Set(Self.listedRows(canvas, from: a + 1).prefix(15)).isSubset(of: Set(0..<15)))
        #expect(pane.cursorRow == 7, "the cursor skips the heading")
    }

    @Test func bGroupsByAColumnOfThePanesOwnAndTheViewRemembersIt() throws {
        var pane = FamiliarityPane()
        let context = paneContext(try Self.state())
        pane.layOut(context, width: 70, height: 30)
        #expect(pane.send(.action(.nextGroupColumn), context: context).contains { if case .message("grouped by kind") = $0 { true } else { false } })
        let canvas = render(&pane, context, width: 70, height: 30)
        #expect(canvas.text.contains("kind == \"a\" · 15 rows"), "\(canvas.text)")
        let saved = PaneRegistry.view(of: pane)
        #expect(saved.kind == .familiarity && saved.settings.column == "kind")
        let restored = try #require(PaneRegistry.make(saved) as? FamiliarityPane)
        #expect(restored.groupColumn == "kind")
    }

    @Test func theScoresFollowTheFilter() throws {
        var explorer = Explorer(state: try Self.state())
        try explorer.apply(.setFilter("kind == \"b\""))
        var pane = FamiliarityPane()
        let canvas = render(&pane, paneContext(explorer.state), width: 70, height: 30)
        #expect(canvas.lines[0].hasPrefix("15 rows, least familiar first"), "\(canvas.text)")
        let rows = Self.listedRows(canvas, from: 9)
        #expect(rows.first == 22 && rows.allSatisfy { $0 >= 15 }, "\(canvas.text)")
    }

    @Test func enterSelectsTheScoreRangeUnderTheCursorInEveryPane() throws {
        let ws = TestWorkspace(Workspace(dataset: Self.planted, roles: ColumnRoles.infer(from: Self.planted), theme: .fallback,
                                         glyphs: .unicode))
        ws.apply(.showPane(.familiarity))
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.send(.enter))
        let selection = try #require(ws.state.selection)
        #expect(selection.rows.members == [7, 22])
        guard case .described(let description) = selection.source else {
            Issue.record("a described selection, got \(selection.source)")
            return
        }
        #expect(description.hasPrefix("familiarity 0."), "\(description)")
        let frame = ws.frame(width: 120, height: 40)
        #expect(frame.text.contains("2 selected"), "\(frame.text)")
    }

    @Test func aBrushOnTheHistogramSelectsLiveAndEnterCommitsIt() throws {
        let ws = TestWorkspace(Workspace(dataset: Self.planted, roles: ColumnRoles.infer(from: Self.planted), theme: .fallback,
                                         glyphs: .unicode))
        ws.apply(.showPane(.familiarity))
        _ = ws.frame(width: 120, height: 40)
        for _ in 0..<FamiliarityPane.maxBins { ws.apply(.send(.extendRight)) }
        let live = try #require(ws.brush)
        #expect(live.selectedCount == 30, "every bin brushed")
        #expect(ws.state.selection == nil)
        #expect(ws.frame(width: 120, height: 40).text.contains("30 selected"), "the status line follows the brush live")
        ws.apply(.send(.enter))
        #expect(ws.brush == nil)
        #expect(ws.state.selection?.rows.count == 30)
    }

    @Test func nineShowsThePaneAndItsKeysAreInTheHelpAndFooter() {
        #expect(KeyBindings.action(for: KeyEvent(.character("9")), in: [.global]) == .global(.show(.familiarity)))
        let pane = FamiliarityPane()
        let help = KeyBindings.helpLines(for: pane, ascii: false)
        #expect(help.first?.action == "previous / next row, least familiar first")
        #expect(help.contains { $0.keys == "n" && $0.action.hasPrefix("rows like this") })
        #expect(help.contains { $0.keys == "K" && $0.action.contains("5, 10, 20, 50, 100") })
        #expect(KeyBindings.footer(for: pane).prefix(4).map(\.keys) == ["↑↓", "←→", "⇧←→", "Enter"])
        #expect(KeyBindings.footer(for: RowsPane()).contains(KeyHint("n", "rows like this")), "the rows pane's n with no search")
    }
}
