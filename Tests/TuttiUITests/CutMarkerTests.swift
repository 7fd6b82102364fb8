import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// Where the cut markers show: columns left out of the slices and confusion tables, and filter
/// text scrolled out of the filter bar.
@Suite struct CutMarkerTests {
    @Test func slicesLeaveOutColumnsThatDoNotFit() {
        var pane = SlicesPane()
        let context = paneContext(ExplorerState(dataset: adult, roles: adultRoles))
        pane.layOut(context, width: 80, height: 20)  // as the app does before the first key
        _ = pane.send(.action(.toggleDiverse), context: context)  // every slice, similar ones included
        // Too narrow for the number columns: they are left out (the sort metric stays, whole) and
        // the slice is cut with …; the cursor's slice reads whole below.
        let narrow = render(&pane, context, width: 30, height: 12).lines
        #expect(narrow[1] == "    error slice", "\(narrow)")
        #expect(narrow[2].hasPrefix("    0.252 education_num") && narrow[2].hasSuffix("…"))
        let wide = render(&pane, context, width: 90, height: 6).lines
        #expect(!wide[1].contains("›") && wide[1].hasSuffix("slice"))
    }

    @Test func confusionLeavesOutPredictionColumnsThatDoNotFit() throws {
        let state = try Explorer.reduce(ExplorerState(dataset: adult, roles: adultRoles), .setRole(.prediction, "education_num")).0
        let lines = render(ConfusionPane(), paneContext(state), width: 60, height: 8).lines
        #expect(lines[0].hasSuffix("›"))
        for line in lines.dropFirst() { #expect(!line.hasSuffix("…"), "\(line)") }
    }

    @Test func theFilterBarMarksTextOutOfView() {
        let ws = TestWorkspace(jobs: BackgroundJobs())
        ws.apply(.openFilterBar)
        let text = "capital_gain > 2174 and age between 30 and 40 and hours_per_week >= 45"
        ws.apply(.editFilter { $0.editor.insert(text) })
        var bar = ws.frame(width: 50, height: 20).lines[18]
        #expect(bar.hasPrefix("filter: …") && !bar.hasSuffix("…"))
        ws.apply(.editFilter { $0.editor.moveHome() })
        bar = ws.frame(width: 50, height: 20).lines[18]
        #expect(bar.hasPrefix("filter: capital_gain > 2174") && bar.hasSuffix("…"))
    }
}
