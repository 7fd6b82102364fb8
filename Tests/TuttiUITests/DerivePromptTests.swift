import Foundation
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// `=` in the explorer: a prompt for `name = expression` that adds a derived column (undoable),
/// with errors pointed at by a caret as in the filter bar.
@Suite struct DerivePromptTests {
    func workspace() -> TestWorkspace {
        TestWorkspace()
    }

    func type(_ text: String, into ws: TestWorkspace) {
        for character in text { ws.apply(.event(.key(KeyEvent(.character(character))))) }
    }

    func press(_ key: Key, in ws: TestWorkspace) { ws.apply(.event(.key(KeyEvent(key)))) }

    @Test func equalsAddsAColumnEveryPaneSeesAndUndoRemovesIt() throws {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        type("=", into: ws)
        #expect(ws.prompt?.purpose == .deriveColumn)
        #expect(ws.frame(width: 120, height: 40).lines.last?.contains("name = expression") == true)
        type("margin = abs(score - 0.5)", into: ws)
        press(.enter, in: ws)
        #expect(ws.prompt == nil)
        let margin = try #require(ws.state.dataset.column(named: "margin"))
        #expect(margin.kind == .float)
        #expect(ws.message?.text == "added the column margin (float) · u undoes")
        #expect(ws.state.dataset.derivedColumns == [DerivedColumn(name: "margin", expression: " abs(score - 0.5)")])
        // The summary lists it, a histogram opens on it, the rows pane shows it.
        #expect(ws.frame(width: 120, height: 40).text.contains("margin "))
        ws.apply(.openHistogram("margin"))
        #expect(ws.frame(width: 120, height: 40).text.contains("Histogram: margin"))
        ws.apply(.showPane(.rows))
        _ = ws.frame(width: 120, height: 40)
        #expect(ws.rowsPane?.listing.columns.map(\.name).contains("margin") == true)
        type("u", into: ws)
        #expect(ws.state.dataset.column(named: "margin") == nil)
        // Every pane draws without it; the rows pane lets it go.
        #expect(!ws.frame(width: 120, height: 40).text.isEmpty)
        #expect(ws.rowsPane?.listing.columns.map(\.name).contains("margin") == false)
    }

    @Test func errorsPointAtTheExpressionWithACaretAndKeepThePromptOpen() throws {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        type("=margin = abs(scor - 0.5)", into: ws)
        let screen = ws.frame(width: 120, height: 40).lines
        let caretLine = try #require(screen.last)
        #expect(caretLine.contains("^^^^") && caretLine.contains("unknown column 'scor'"), "\(caretLine)")
        // The carets sit under "scor": the prompt "= " is 2 cells, "margin = abs(" 13.
        #expect(caretLine.firstRange(of: "^^^^")?.lowerBound == caretLine.index(caretLine.startIndex, offsetBy: 15))
        press(.enter, in: ws)
        #expect(ws.prompt?.problem?.contains("unknown column 'scor'") == true)
        #expect(ws.state.dataset.column(named: "margin") == nil)
        press(.escape, in: ws)
        type("=age = 1", into: ws)
        #expect(ws.prompt?.problem == "the data already has a column 'age'")
        #expect(ws.prompt?.problemRange == 0..<3)
    }

    @Test func derivedColumnsAreSavedInViewsAndComputedAgainOnOpening() throws {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        type(#"=verdict = if(label == prediction, "right", "wrong")"#, into: ws)
        press(.enter, in: ws)
        ws.apply(.dispatch(.setFilter(#"verdict == "wrong""#)))
        let folder = NSTemporaryDirectory() + "tutti-derive-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        ws.apply(.openPrompt(.saveView))
        ws.apply(.editPrompt { $0.moveEnd(); $0.deleteToStart(); $0.insert(folder + "/v.json") })
        ws.apply(.submitPrompt)
        let document = try ViewDocument.read(path: folder + "/v.json")
        #expect(document.derivedColumns?.map(\.name) == ["verdict"])
        let data = try adult.adding(document.derivedColumns ?? [])
        let restored = try document.restore(on: data, roles: adultRoles)
        #expect(restored.explorer.state.dataset.column(named: "verdict")?.kind == .categorical)
        #expect(restored.explorer.state.filter.rows == ws.state.filter.rows)
    }
}
