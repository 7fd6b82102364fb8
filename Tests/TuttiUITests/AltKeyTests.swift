import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// Esc typed just before a key arrives as Alt+key; no key is bound with Alt, so it reads as both.
@Suite struct AltKeyTests {
    func workspace() -> Workspace {
        Workspace(dataset: adult, roles: adultRoles, theme: .fallback, glyphs: .unicode, jobs: BackgroundJobs(inline: true))
    }

    @Test func altKeyInTheFilterBarClosesItThenActs() {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        ws.openFilterBar()
        ws.editFilter { $0.editor.insert("age > 3") }
        _ = Keymap.handle(.key(.alt("?")), in: ws)
        #expect(ws.filterBar == nil)
        #expect(ws.overlay == .help(scroll: 0))
        #expect(ws.state.filter.isEmpty)
    }

    @Test func altKeyOnAPaneIsEscThenTheKey() {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        ws.dispatch(.toggleRow(3))
        _ = Keymap.handle(.key(.alt("j")), in: ws)
        // Esc cleared the selection, j moved the summary's cursor.
        #expect(ws.state.selection == nil)
        #expect((ws.panes[ws.focus] as? SummaryPane)?.cursor == 1)
        _ = Keymap.handle(.key(KeyEvent(.down, modifiers: .alt)), in: ws)
        #expect((ws.panes[ws.focus] as? SummaryPane)?.cursor == 2)
    }
}
