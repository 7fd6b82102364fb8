import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

@Suite struct LayoutBalancingTests {
    func workspace() -> TestWorkspace { TestWorkspace() }

    /// The frame of the score histogram.
    func scoreFrame(_ ws: TestWorkspace, width: Int, height: Int) -> Rect? {
        ws.workspace.frames(width: width, height: height).first { (ws.panes[$0.key] as? HistogramPane)?.column == "score" }?.value
    }

    @Test func sharingLiftsShortChildrenFromTheLargestSurplus() {
        #expect(LayoutNode<PaneID>.share(current: [3, 30, 12], minimums: [10, 8, 8]) == [10, 23, 12])
        // Every child at its minimum already: nothing moves.
        #expect(LayoutNode<PaneID>.share(current: [10, 20], minimums: [10, 8]) == [10, 20])
        // Too small for every minimum: nothing moves either.
        #expect(LayoutNode<PaneID>.share(current: [5, 5], minimums: [10, 8]) == [5, 5])
    }

    @Test func openingPanesFromAHistogramKeepsItsRowsAndGivesEachPaneItsMinimum() {
        let ws = workspace()
        let (width, height) = (120, 40)
        _ = ws.frame(width: width, height: height)
        ws.apply(.cycleFocus(1))
        #expect((ws.panes[ws.focus] as? HistogramPane)?.column == "score")
        let before = scoreFrame(ws, width: width, height: height)
        ws.apply(.showPane(.slices))
        ws.apply(.showPane(.duplicates))
        let canvas = ws.frame(width: width, height: height)
        #expect(!canvas.text.contains("too small"), "\(canvas.text)")
        #expect(scoreFrame(ws, width: width, height: height) == before)
        for (id, rect) in ws.workspace.frames(width: width, height: height) {
            let minimum = ws.panes[id]!.kind.minimumFrame
            if ws.panes[id]?.kind != .histogram {
                #expect(rect.width >= minimum.width && rect.height >= minimum.height, "\(ws.panes[id]!.kind): \(rect)")
            }
        }
    }

    @Test func aNewPaneSplitsTheLargestPaneThatCanSpareIt() {
        var layout = LayoutNode.split(.horizontal, [.pane(PaneID(1)), .pane(PaneID(2))], weights: [1, 3])
        let area = Rect(x: 0, y: 0, width: 160, height: 40)
        let minimum = { (_: PaneID) in PaneKind.histogram.minimumFrame }
        let choice = PanePlacement.best(frames: layout.frames(in: area), minimum: minimum, new: PaneKind.slices.minimumFrame)
        #expect(choice?.0 == PaneID(2))
        layout.insert(PaneID(3), beside: PaneID(2), axis: choice!.1)
        layout.enforceMinimums(in: area, minimum)
        #expect(layout.frames(in: area)[PaneID(1)]?.width == 40)
    }

    @Test func capitalBRebalancesEveryPane() {
        let ws = workspace()
        let (width, height) = (120, 40)
        _ = ws.frame(width: width, height: height)
        ws.apply(.cycleFocus(1))
        for _ in 0..<10 { ws.apply(.resizeFocused(axis: .vertical, by: -2)) }
        #expect(scoreFrame(ws, width: width, height: height)!.height < 10)
        ws.apply(.event(.key(KeyEvent(.character("B")))))
        #expect(ws.message?.text == "panes rebalanced")
        let frames = ws.workspace.frames(width: width, height: height)
        for (id, rect) in frames {
            let minimum = ws.panes[id]!.kind.minimumFrame
            #expect(rect.width >= minimum.width && rect.height >= minimum.height, "\(ws.panes[id]!.kind): \(rect)")
        }
        // The two stacked histograms share their column equally.
        let heights = frames.filter { ws.panes[$0.key]?.kind == .histogram }.map(\.value.height).sorted()
        #expect(heights.count == 2 && heights[1] - heights[0] <= 1)
        #expect(KeyBindings.globalHelpLines(ascii: false).contains { $0.keys == "B" })
    }
}
