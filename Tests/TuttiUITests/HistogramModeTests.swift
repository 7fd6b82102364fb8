import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

@Suite struct HistogramModeTests {
    let state = ExplorerState(dataset: adult, roles: adultRoles)

    func workspace() -> TestWorkspace { TestWorkspace() }

    @Test func theRightAxisLabelSitsUnderTheEndOfTheLastBin() throws {
        let data = try DatasetLoader.load(bytes: Array(("x\n" + (0..<1_000).map(String.init).joined(separator: "\n") + "\n").utf8),
                                          name: "x.csv").dataset
        var pane = HistogramPane(column: "x")
        let canvas = render(&pane, paneContext(ExplorerState(dataset: data, roles: ColumnRoles())), width: 250, height: 20)
        let bars = Set<Character>(["█", "▇", "▆", "▅", "▄", "▃", "▂", "▁"])
        let rightmostBar = (1..<canvas.height - 2).compactMap { y in
            Array(canvas.lines[y]).lastIndex { bars.contains($0) }
        }.max() ?? 0
        let axis = Array(canvas.lines[canvas.height - 2])
        let labelEnd = try #require(axis.lastIndex { $0 != " " })
        #expect(String(axis[(labelEnd - 3)...labelEnd]) == "1000")
        // The bar leaves one gap column at its bin's end; the label ends there.
        #expect(labelEnd == rightmostBar + 1, "label ends at \(labelEnd), the last bar at \(rightmostBar)")
        #expect(labelEnd < 240)
    }

    @Test func bStepsThroughEvenQuantileAndLogXAndViewsKeepTheMode() throws {
        var pane = HistogramPane(column: "capital_gain")
        let context = paneContext(state)
        _ = render(&pane, context, width: 120, height: 20)
        guard case .message(let quantile)? = pane.send(.action(.cycleBinMode), context: context).last else {
            Issue.record("no message")
            return
        }
        #expect(quantile.contains("quantile bins"))
        #expect(pane.title == "Histogram: capital_gain (quantile bins)")
        _ = pane.send(.action(.cycleBinMode), context: context)
        _ = pane.send(.action(.toggleLogScale), context: context)
        #expect(pane.title == "Histogram: capital_gain (log x, log y)")
        let canvas = render(&pane, context, width: 120, height: 20)
        let axis = canvas.lines[canvas.height - 2]
        #expect(axis.contains("≤0"), "\(canvas.text)")
        // Uneven bins label the edges between the ends too.
        #expect(axis.split(separator: " ").count >= 4, "\(axis)")
        #expect(KeyBindings.footer(for: pane).contains(KeyHint("b", "even bins")))
        #expect(pane.savedSettings.binMode == .log && pane.savedSettings.logScale == true)
        let restored = try #require(PaneRegistry.make(PaneRegistry.view(of: pane)) as? HistogramPane)
        #expect(restored.mode == .log && restored.logScale)
        _ = pane.send(.action(.cycleBinMode), context: context)
        #expect(pane.mode == .even && pane.savedSettings.binMode == nil)
    }

    @Test func categoriesHaveNoBinModes() {
        var pane = HistogramPane(column: "sex")
        let context = paneContext(state)
        _ = render(&pane, context)
        guard case .message(let text)? = pane.send(.action(.cycleBinMode), context: context).first else {
            Issue.record("no message")
            return
        }
        #expect(text.contains("categories"))
        #expect(pane.mode == .even)
    }

    @Test func brushingTheAtOrBelowZeroBinOfALogScaleFiltersToExactlyThoseRows() throws {
        let ws = workspace()
        _ = ws.frame(width: 160, height: 50)
        ws.apply(.openHistogram("capital_gain"))
        _ = ws.frame(width: 160, height: 50)
        ws.apply(.send(.action(.cycleBinMode)))
        ws.apply(.send(.action(.cycleBinMode)))
        _ = ws.frame(width: 160, height: 50)
        ws.apply(.send(.home))
        ws.apply(.send(.space))
        guard case .brush("capital_gain", let range)? = ws.state.selection?.source else {
            Issue.record("no brush selection: \(String(describing: ws.state.selection?.source))")
            return
        }
        let text = try #require(SelectionExpression.text(for: .brush(column: "capital_gain", range: range), dataset: adult))
        #expect(text == "capital_gain >= 0 and capital_gain <= 0")
        #expect(ws.state.selectedCount == 44_807)
        ws.apply(.dispatch(.filterToSelection))
        #expect(ws.state.filteredCount == 44_807)
    }
}
