import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

@Suite struct SummarySparklineTests {
    @Test func sparklinesFollowTheWidthAfterAResize() {
        var pane = SummaryPane()
        let context = paneContext(ExplorerState(dataset: adult, roles: adultRoles))
        _ = render(&pane, context, width: 48, height: 10)
        let wide = render(&pane, context, width: 120, height: 10)
        let ageLine = wide.lines.first { $0.contains("age ") } ?? ""
        let bars = ageLine.filter { "▁▂▃▄▅▆▇█".contains($0) }
        #expect(bars.count >= 8, "age's sparkline after widening: \\(ageLine)")
    }

    @Test func aHistogramWithoutAColumnIsLeftOutWithAMessageThatSaysSo() {
        let layout = LayoutNode.split(.vertical, [.pane(ViewPane(kind: .histogram)), .pane(ViewPane(kind: .rows))], weights: [1, 1])
        let warnings = adultWorkspace().restoring(explorer: Explorer(state: ExplorerState(dataset: adult, roles: adultRoles)), layout: layout,
                                                  focus: 0).warnings
        #expect(warnings == ["the view's histogram pane names no column (settings.column); it was left out"])
    }
}
