import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// Esc typed just before a key arrives as Alt+key; no key is bound with Alt, so it reads as both.
@Suite struct AltKeyTests {
    func workspace() -> TestWorkspace { TestWorkspace() }

    @Test func altKeyInTheFilterBarClosesItThenActs() {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.openFilterBar)
        ws.apply(.editFilter { $0.editor.insert("age > 3") })
        ws.apply(.event(.key(.alt("?"))))
        #expect(ws.filterBar == nil)
        #expect(ws.overlay == .help(scroll: 0))
        #expect(ws.state.filter.isEmpty)
    }

    @Test func altKeyOnAPaneIsEscThenTheKey() {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.dispatch(.toggleRow(3)))
        ws.apply(.event(.key(.alt("j"))))
        // Esc cleared the selection, j moved the summary's cursor.
        #expect(ws.state.selection == nil)
        #expect((ws.panes[ws.focus] as? SummaryPane)?.cursor == 1)
        ws.apply(.event(.key(KeyEvent(.down, modifiers: .alt))))
        #expect((ws.panes[ws.focus] as? SummaryPane)?.cursor == 2)
    }
}
