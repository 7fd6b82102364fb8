import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

@Suite struct LayoutTests {
    let a = PaneID(1), b = PaneID(2), c = PaneID(3)

    @Test func splitsDivideTheAreaExactly() {
        let layout = LayoutNode.split(.horizontal, [.pane(a), .split(.vertical, [.pane(b), .pane(c)], weights: [1, 1])],
                                      weights: [1, 2])
        let frames = layout.frames(in: Rect(x: 0, y: 0, width: 91, height: 30))
        #expect(frames[a] == Rect(x: 0, y: 0, width: 31, height: 30))
        #expect(frames[b] == Rect(x: 31, y: 0, width: 60, height: 15))
        #expect(frames[c] == Rect(x: 31, y: 15, width: 60, height: 15))
        #expect(layout.panes == [a, b, c])
    }

    @Test func insertRemoveAndSwap() {
        var layout = LayoutNode.pane(a)
        layout.insert(b, beside: a, axis: .horizontal)
        layout.insert(c, beside: b, axis: .horizontal)
        #expect(layout.panes == [a, b, c])
        layout.swap(a, c)
        #expect(layout.panes == [c, b, a])
        let removedB = layout.remove(b)
        #expect(removedB)
        #expect(layout.panes == [c, a])
        let removedC = layout.remove(c)
        #expect(removedC)
        #expect(layout == .pane(a))
        let removedLast = layout.remove(a)
        #expect(!removedLast)
    }

    @Test func resizingMovesTheBorderAndKeepsAMinimum() {
        var layout = LayoutNode.split(.horizontal, [.pane(a), .pane(b)], weights: [1, 1])
        let area = Rect(x: 0, y: 0, width: 100, height: 20)
        layout.resize(a, axis: .horizontal, by: 10, in: area)
        #expect(layout.frames(in: area)[a]?.width == 60)
        layout.resize(b, axis: .horizontal, by: 5, in: area)
        #expect(layout.frames(in: area)[b]?.width == 45)
        layout.resize(a, axis: .horizontal, by: 500, in: area)
        #expect(layout.frames(in: area)[b]?.width == 3)
        // No vertical split: nothing to resize.
        let before = layout
        layout.resize(a, axis: .vertical, by: 3, in: area)
        #expect(layout == before)
    }

    @Test func bordersForMouseDrags() {
        var layout = LayoutNode.split(.horizontal, [.pane(a), .pane(b)], weights: [1, 1])
        let area = Rect(x: 0, y: 0, width: 80, height: 20)
        let borders = layout.borders(in: area)
        #expect(borders.count == 1)
        #expect(borders[0].position == 40)
        layout.moveBorder(path: borders[0].path, index: 0, by: -10, in: area)
        #expect(layout.frames(in: area)[a]?.width == 30)
    }
}
