import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

@Suite struct WorkspaceTests {
    func workspace() -> TestWorkspace { TestWorkspace(jobs: BackgroundJobs()) }

    @Test func defaultLayoutHasSummaryHistogramsAndRows() {
        let ws = workspace()
        let canvas = ws.frame(width: 120, height: 40)
        #expect(canvas.text.contains("Summary"))
        #expect(canvas.text.contains("Histogram: score"))
        #expect(canvas.text.contains("Histogram: label"))
        #expect(canvas.text.contains("Rows"))
        #expect(canvas.lines[38].contains("48,842 filtered"))
    }

    @Test func tooSmallSaysSo() {
        let canvas = workspace().frame(width: 30, height: 8)
        #expect(canvas.lines[0] == "terminal too small: 30×8")
    }

    @Test func tabFocusAndSummaryEnterOpensAHistogram() {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.send(.down))
        ws.apply(.send(.enter))
        #expect(ws.panes.values.contains { ($0 as? HistogramPane)?.column == "workclass" })
        #expect((ws.panes[ws.focus] as? HistogramPane)?.column == "workclass")
        ws.apply(.closeFocused)
        #expect(!ws.panes.values.contains { ($0 as? HistogramPane)?.column == "workclass" })
        ws.apply(.cycleFocus(1))
        ws.apply(.cycleFocus(-1))
    }

    @Test func brushCommitSelectsAndUndoRemovesIt() {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.cycleFocus(1))
        #expect(ws.panes[ws.focus] is HistogramPane)
        ws.apply(.send(.end))
        ws.apply(.send(.extendLeft))
        #expect(ws.brush != nil)
        let live = ws.brush!.selectedCount
        #expect(ws.frame(width: 120, height: 40).lines[38].contains("\(NumberFormatting.grouped(live)) selected"))
        ws.apply(.send(.enter))
        #expect(ws.brush == nil)
        #expect(ws.state.selectedCount == live)
        if case .brush(let column, _)? = ws.state.selection?.source { #expect(column == "score") } else { Issue.record("not a brush") }
        ws.apply(.undo)
        #expect(ws.state.selection == nil)
        ws.apply(.redo)
        #expect(ws.state.selectedCount == live)
        ws.apply(.cancel)
        #expect(ws.state.selection == nil)
    }

    @Test func filterBarValidatesAndApplies() {
        let ws = workspace()
        ws.apply(.openFilterBar)
        ws.apply(.editFilter { $0.editor.insert("age >") })
        #expect(ws.filterBar?.problem != nil)
        ws.apply(.submitFilter)
        #expect(ws.filterBar != nil)
        #expect(ws.message?.isError == true)
        ws.apply(.editFilter { $0.editor.insert(" 50 and sex == \"Female\"") })
        #expect(ws.filterBar?.preview == 2_922)
        ws.apply(.submitFilter)
        #expect(ws.filterBar == nil)
        #expect(ws.state.filteredCount == 2_922)
        ws.apply(.openFilterBar)
        ws.apply(.editFilter { $0.editor.deleteToStart() })
        ws.apply(.editFilter { $0.editor.recall(-1) })
        #expect(ws.filterBar?.text == "age > 50 and sex == \"Female\"")
    }

    @Test func maximiseResizeSwapAndMouseBorderDrag() {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        let before = ws.workspace.frames(width: 120, height: 40)[ws.focus]!
        ws.apply(.resizeFocused(axis: .horizontal, by: 6))
        #expect(ws.workspace.frames(width: 120, height: 40)[ws.focus]!.width == before.width + 6)
        ws.apply(.toggleMaximized)
        #expect(ws.workspace.frames(width: 120, height: 40).count == 1)
        ws.apply(.toggleMaximized)
        let order = ws.layout.panes
        ws.apply(.swapFocused)
        #expect(ws.layout.panes != order)
        // Drag the border between the top and the rows pane up by three rows.
        _ = ws.frame(width: 120, height: 40)
        let border = ws.layout.borders(in: Rect(x: 0, y: 0, width: 120, height: 38)).first { $0.axis == .vertical }!
        ws.apply(.mousePress(x: 5, y: border.position))
        ws.apply(.mouseDrag(x: 5, y: border.position - 3))
        ws.apply(.mouseRelease(x: 5, y: border.position - 3))
        let moved = ws.layout.borders(in: Rect(x: 0, y: 0, width: 120, height: 38)).first { $0.axis == .vertical }!
        #expect(moved.position == border.position - 3)
    }

    @Test func helpAndRowOverlays() {
        let ws = workspace()
        ws.apply(.toggleHelp)
        let help = ws.frame(width: 120, height: 40).text
        #expect(help.contains("undo / redo"))
        #expect(help.contains("This pane: Summary"))
        ws.apply(.cancel)
        ws.apply(.showPane(.rows))
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.send(.enter))
        let row = ws.frame(width: 120, height: 40).text
        #expect(row.contains("Row 0"))
        #expect(row.contains("State-gov"))
    }
}
