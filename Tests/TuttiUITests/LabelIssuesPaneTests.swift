import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The label issues pane: Core's likely label errors listed in rank, the cursor focusing their
/// rows for the instance pane, Space and Enter selecting, and the list following the filter.
@Suite struct LabelIssuesPaneTests {
    let state = ExplorerState(dataset: adult, roles: adultRoles)

    /// Core's issues over `state`'s filtered rows.
    static func expected(_ state: ExplorerState) throws -> [ConfidentLearning.Issue] {
        try LabelIssueSource(dataset: state.dataset, roles: state.roles).issues(in: state.dataset, filter: state.filter.rows)
    }

    @Test func listsCoresIssuesRankedBySelfConfidence() throws {
        let expected = try Self.expected(state)
        var pane = LabelIssuesPane()
        let canvas = render(&pane, paneContext(state), width: 100, height: 12)
        #expect(pane.issues == expected && expected.count > 100)
        #expect(canvas.lines[0].hasPrefix("\(NumberFormatting.grouped(expected.count)) likely label errors among 48,842 filtered rows"),
                "\(canvas.lines[0])")
        #expect(canvas.lines[1].contains("row") && canvas.lines[1].contains("suggested") && canvas.lines[1].contains("self-conf"))
        #expect(canvas.lines[1].contains("age"), "a few of the row's columns: \(canvas.lines[1])")
        let first = expected[0]
        let line = canvas.lines[2]
        #expect(line.contains(String(first.row)) && line.contains(NumberFormatting.fixed(first.selfConfidence)), "\(line)")
        #expect(canvas.lines.count == 12 && canvas.lines[11].contains(String(expected[9].row)))
    }

    @Test func theCursorFocusesItsRowAndSpaceAndEnterSelect() throws {
        let expected = try Self.expected(state)
        var pane = LabelIssuesPane()
        let context = paneContext(state)
        _ = render(&pane, context, width: 100, height: 12)
        let down = pane.send(.down, context: context)
        guard case .dispatch(.focusRow(let row))? = down.first else { throw TuttiError("no focus: \(down)") }
        #expect(row == expected[1].row && pane.cursor == 1)
        let space = pane.send(.space, context: context)
        guard case .dispatch(.toggleRow(let toggled))? = space.first else { throw TuttiError("no toggle: \(space)") }
        #expect(toggled == expected[1].row)
        let enter = pane.send(.enter, context: context)
        guard case .dispatch(.select(let rows, .rows))? = enter.first else { throw TuttiError("no selection: \(enter)") }
        #expect(rows.members == expected.map(\.row).sorted())
    }

    @Test func withoutProbabilitiesThePaneSaysWhy() throws {
        let dataset = try DatasetLoader.load(bytes: Array("label,x\n0,1\n1,2\n".utf8), name: "t.csv").dataset
        var pane = LabelIssuesPane()
        let canvas = render(&pane, paneContext(ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset))))
        #expect(canvas.text.contains("label issues need class probabilities"), "\(canvas.text)")
    }

    @Test func inTheWorkspaceTheInstancePaneShowsTheIssueAndTheListFollowsTheFilter() throws {
        let ws = TestWorkspace()
        ws.apply(.event(.key(.character("I"))))
        #expect(ws.panes[ws.focus]?.kind == .labelIssues)
        var frame = ws.frame(width: 140, height: 44)
        let expected = try Self.expected(ws.state)
        #expect(frame.text.contains("\(NumberFormatting.grouped(expected.count)) likely label errors"), "\(frame.text)")
        ws.apply(.event(.key(.character("j"))))
        ws.apply(.event(.key(.character(" "))))
        #expect(ws.state.focusedRow == expected[1].row)
        #expect(ws.state.selection?.rows.members == [expected[1].row])
        ws.apply(.showPane(.instance))
        frame = ws.frame(width: 140, height: 44)
        #expect(frame.text.contains("Instance: row \(expected[1].row)"), "\(frame.text)")
        ws.apply(.showPane(.labelIssues))
        ws.apply(.event(.key(KeyEvent(.enter))))
        #expect(ws.state.selectedCount == expected.count)
        ws.apply(.dispatch(.setFilter("sex == \"Female\"")))
        frame = ws.frame(width: 140, height: 44)
        let female = try Self.expected(ws.state)
        #expect(female.count != expected.count)
        #expect(frame.text.contains("\(NumberFormatting.grouped(female.count)) likely label errors among 16,192 filtered rows"),
                "\(frame.text)")
    }
}
