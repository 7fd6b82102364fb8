import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The binding table is consistent, dispatch follows its scopes, and the footer and help show it.
@Suite struct KeyBindingTableTests {
    func workspace() -> TestWorkspace { TestWorkspace() }

    @Test func namesAreUniqueAndNoScopeBindsAKeyTwice() {
        let names = KeyBindings.all.map(\.name)
        #expect(Set(names).count == names.count)
        for scope in Set(KeyBindings.all.map(\.scope)) {
            let keys = KeyBindings.bindings(in: scope).flatMap { $0.presses.map(\.key) }
            #expect(Set(keys).count == keys.count, "\(scope) binds a key twice")
        }
        for binding in KeyBindings.all {
            #expect(!binding.presses.isEmpty && !binding.help.isEmpty, "\(binding.name)")
        }
    }

    @Test func everyPaneActionHasAKey() {
        let bound = Set(KeyBindings.all.flatMap { $0.presses.compactMap { press -> PaneAction? in
            if case .pane(.action(let action)) = press.action { return action }
            return nil
        } })
        #expect(bound == Set(PaneAction.allCases))
    }

    @Test func thePanesBindingWinsOverTheGlobalOne() {
        let f = KeyEvent.character("f")
        #expect(KeyBindings.action(for: f, in: [.pane(.duplicates), .global]) == .pane(.action(.filterToKind)))
        #expect(KeyBindings.action(for: f, in: [.pairViewer, .pane(.duplicates), .global]) == .pane(.action(.filterToKind)))
        #expect(KeyBindings.action(for: f, in: [.pane(.rows), .global]) == .global(.filterToSelection))
        // Shift+← brushes where it is bound; Ctrl-C quits; Ctrl-Q is not q.
        let shiftLeft = KeyEvent(.left, modifiers: .shift)
        #expect(KeyBindings.action(for: shiftLeft, in: [.pane(.rows), .global]) == .pane(.extendLeft))
        #expect(KeyBindings.action(for: .ctrl("c"), in: [.global]) == .global(.quit))
        #expect(KeyBindings.action(for: .ctrl("q"), in: [.global]) == nil)
        #expect(KeyBindings.action(for: KeyEvent(.up, modifiers: .ctrl), in: [.global]) == .pane(.up))
    }

    @Test func fOnTheDuplicatesPaneFiltersToTheKindAndElsewhereToTheSelection() {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.event(.key(.character("f"))))
        #expect(ws.message?.text.hasPrefix("nothing is selected") == true)
        ws.apply(.showPane(.duplicates))
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.event(.key(.character("f"))))
        // The pane selected every cluster of the kind under its cursor and filtered to them.
        #expect(!ws.state.filter.isEmpty && ws.state.filteredCount < adult.rowCount, "\(String(describing: ws.message))")
    }

    @Test func viKeysMoveTheRowsPaneAndShowInHelp() {
        let ws = workspace()
        ws.apply(.showPane(.rows))
        _ = ws.frame(width: 120, height: 40)
        let rows = { ws.panes[ws.focus] as? RowsPane }
        for key: Character in ["j", "j", "k", "G"] { ws.apply(.event(.key(.character(key)))) }
        #expect(rows()?.cursor == adult.rowCount - 1)
        ws.apply(.event(.key(.character("g"))))
        #expect(rows()?.cursor == 0)
        ws.apply(.event(.key(.character("?"))))
        let help = ws.frame(width: 120, height: 60).text
        #expect(help.contains("↑ ↓ ← → k j h l") && help.contains("Home End g G"), "\(help)")
        #expect(help.contains("This pane: Rows") && help.contains("↑ ↓ k j"), "\(help)")
    }

    @Test func theFooterShowsTheFocusedPanesHintsThenTheGlobalOnes() {
        let ws = workspace()
        ws.apply(.showPane(.rows))
        let footer = ws.frame(width: 400, height: 40).lines[39]
        #expect(footer.hasPrefix("↑↓ row  ←→ column  Space select row  s sort"), "\(footer)")
        #expect(footer.contains("Enter details  Tab pane  / filter  ? help  q quit  = new column"), "\(footer)")
    }

    @Test func thePairViewerHasItsOwnHintsAndKeepsTheListsOtherKeys() {
        var pane = DuplicatesPane()
        let context = paneContext(ExplorerState(dataset: adult, roles: adultRoles))
        _ = render(&pane, context, width: 120, height: 20)
        #expect(KeyBindings.footer(for: pane).first == KeyHint("↑↓", "cluster"))
        #expect(KeyBindings.scopes(for: pane) == [.pane(.duplicates), .global])
        _ = pane.send(.enter, context: context)
        #expect(KeyBindings.scopes(for: pane) == [.pairViewer, .pane(.duplicates), .global])
        #expect(Array(KeyBindings.footer(for: pane).prefix(4)) == [KeyHint("←→", "members"), KeyHint("↑↓", "scroll"),
                                                                   KeyHint("Space", "select"), KeyHint("Enter", "back")])
        let help = KeyBindings.helpLines(for: pane, ascii: false).map(\.action)
        #expect(help.contains("scroll") && help.contains("sort by size / similarity / selected / kind"))
        #expect(!help.contains("previous / next cluster"), "the viewer's ↑↓ hide the list's")
    }
}
