import Foundation
import Testing
import TuttiCore
@testable import TuttiUI

@Suite struct ViewRoundTripTests {
    func workspace() -> TestWorkspace { TestWorkspace() }

    @Test func savingAndReopeningGivesTheSameFilterSelectionAndLayout() throws {
        let ws = workspace()
        _ = ws.frame(width: 140, height: 70)
        ws.apply(.dispatch(.setFilter("age >= 30")))
        ws.apply(.openHistogram("hours_per_week"))
        _ = ws.frame(width: 140, height: 70)
        ws.apply(.send(.action(.moreBins)))
        _ = ws.frame(width: 140, height: 70)
        ws.apply(.send(.extendRight))
        ws.apply(.send(.extendRight))
        ws.apply(.send(.enter))
        ws.apply(.showPane(.slices))
        _ = ws.frame(width: 140, height: 70)
        ws.apply(.send(.action(.sort)))
        ws.apply(.showPane(.duplicates))
        _ = ws.frame(width: 140, height: 70)
        ws.apply(.send(.action(.reverse)))
        ws.apply(.resizeFocused(axis: .vertical, by: 3))
        _ = ws.frame(width: 140, height: 70)
        let before = try #require(ws.state.selection)

        let folder = NSTemporaryDirectory() + "tutti-view-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        ws.apply(.openPrompt(.saveView))
        ws.apply(.editPrompt { $0.deleteToStart(); $0.moveEnd(); $0.deleteToStart(); $0.insert(folder + "/v.json") })
        ws.apply(.submitPrompt)
        #expect(ws.message?.text.contains("saved the view") == true)

        let document = try ViewDocument.read(path: folder + "/v.json")
        let restored = try document.restore(on: adult, roles: adultRoles)
        #expect(restored.warnings.isEmpty)
        let reopened = adultWorkspace().restoring(explorer: restored.explorer, layout: restored.layout, focus: restored.focus)
        #expect(reopened.warnings.isEmpty)
        let again = TestWorkspace(reopened.workspace)
        #expect(again.state.filter == ws.state.filter)
        #expect(again.state.selection == before)
        #expect(again.workspace.viewLayout().layout == ws.workspace.viewLayout().layout)
        #expect(again.workspace.viewLayout().focus == ws.workspace.viewLayout().focus)
        let histogram = try #require(again.panes.values.compactMap { $0 as? HistogramPane }.first { $0.column == "hours_per_week" })
        #expect(histogram.requestedBins != nil)
        let slices = try #require(again.panes.values.compactMap { $0 as? SlicesPane }.first)
        #expect(slices.options.sortMetric == .accuracy)
        let duplicates = try #require(again.panes.values.compactMap { $0 as? DuplicatesPane }.first)
        #expect(duplicates.descending == false)
        // The restored panes draw the same screen.
        // The same panes in the same places: the frames' corners line up.
        let corners = { (workspace: TestWorkspace) in
            workspace.frame(width: 140, height: 70).lines.map { line in
                line.enumerated().filter { "┌┐└┘".contains($0.element) }.map(\.offset)
            }
        }
        #expect(corners(again) == corners(ws))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func aViewOfAMissingColumnLeavesThatPaneOut() {
        let layout = LayoutNode.split(.horizontal, [
            .pane(ViewPane(kind: .histogram, settings: PaneSettings(column: "no_such_column"))),
            .pane(ViewPane(kind: .rows)), .pane(ViewPane(kind: PaneKind(rawValue: "sparkles"))),
        ], weights: [1, 1, 1])
        let (ws, warnings) = adultWorkspace().restoring(explorer: Explorer(state: ExplorerState(dataset: adult, roles: adultRoles)),
                                                        layout: layout, focus: 0)
        #expect(warnings.count == 2)
        #expect(ws.panes.count == 1 && ws.panes.values.first?.kind == .rows)
    }
}
