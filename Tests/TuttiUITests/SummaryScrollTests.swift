import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

@Suite struct SummaryScrollTests {
    @Test func growingThePaneShowsTheColumnsHiddenAboveInsteadOfBlankLines() {
        var pane = SummaryPane()
        let context = paneContext(ExplorerState(dataset: adult, roles: adultRoles))
        _ = render(&pane, context, width: 100, height: 8)
        _ = pane.send(.end, context: context)
        let small = render(&pane, context, width: 100, height: 8)
        #expect(!small.lines[1].contains("age "))
        let large = render(&pane, context, width: 100, height: 40)
        #expect(large.lines[1].contains("age"), "\(large.text)")
        let shown = large.lines.dropFirst().prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        #expect(shown == adult.columns.count)
        #expect(pane.cursor == adult.columns.count - 1)
    }
}
