import Testing
import TuttiTerminal
@testable import TuttiUI

/// The line editor edits what a reader sees as characters: grapheme clusters.
@Suite struct LineEditorTests {
    /// An editor fed one Unicode scalar at a time, as the terminal decodes typed keys.
    func typed(_ text: String) -> LineEditor {
        var editor = LineEditor(text: "")
        for scalar in text.unicodeScalars { editor.insert(Character(scalar)) }
        return editor
    }

    @Test func combiningAccentJoinsTheLetterBeforeIt() {
        var editor = typed("cafe\u{301}")
        #expect(editor.text == "café")
        #expect(editor.text.count == 4 && editor.cursor == 4)
        editor.insert("s")
        #expect(editor.text == "cafés")
        editor.moveLeft()
        editor.deleteBackward()
        #expect(editor.text == "cafs", "Backspace removes the letter with its accent")
        #expect(editor.cursor == 3)
    }

    @Test func accentTypedInTheMiddleJoinsItsLetter() {
        var editor = typed("nino")
        editor.moveLeft()
        editor.insert("\u{303}")
        #expect(editor.text == "niño")
        #expect(editor.cursor == 3)
        editor.insert("x")
        #expect(editor.text == "niñxo")
    }

    @Test func flagsTypedHalfByHalfAreOneCharacter() {
        var editor = typed("a🇫🇷🇩🇪b")
        #expect(editor.text == "a🇫🇷🇩🇪b")
        #expect(editor.cursor == 4 && editor.text.count == 4)
        editor.moveLeft()
        editor.deleteBackward()
        #expect(editor.text == "a🇫🇷b")
        editor.moveHome()
        editor.moveRight()
        editor.deleteForward()
        #expect(editor.text == "ab")
        #expect(editor.cursor == 1)
    }

    @Test func zeroWidthJoinerSequencesAreOneCharacter() {
        let family = "👨\u{200D}👩\u{200D}👧"
        var editor = typed("x" + family + "y")
        #expect(editor.text.count == 3 && editor.cursor == 3)
        editor.moveLeft()
        editor.deleteBackward()
        #expect(editor.text == "xy")
        editor.insert(family)
        editor.insert(family)
        #expect(editor.cursor == 3)
        editor.deleteWord()
        #expect(editor.text == "y" && editor.cursor == 0)
    }

    @Test func pastedTextIsInsertedWhole() {
        var editor = LineEditor(text: "ab")
        editor.moveLeft()
        editor.insert("日本\u{301}\n🇯🇵")
        #expect(editor.text == "a日本\u{301} 🇯🇵b")
        #expect(editor.cursor == 5)
        editor.deleteToStart()
        #expect(editor.text == "b" && editor.cursor == 0)
    }

    @Test func cjkEditsOneCharacterAtATime() {
        var editor = typed("日本語")
        editor.moveLeft()
        editor.deleteBackward()
        #expect(editor.text == "日語" && editor.cursor == 1)
        editor.moveEnd()
        editor.deleteForward()
        #expect(editor.text == "日語" && editor.cursor == 2)
    }

    @Test func filterBarScrollsWideTextByCells() {
        let ws = TestWorkspace(jobs: BackgroundJobs())
        ws.apply(.openFilterBar)
        ws.apply(.editFilter { bar in
            for scalar in "sex == \"日本語🇫🇷e\u{301}\" ".unicodeScalars { bar.editor.insert(Character(scalar)) }
            for _ in 0..<20 { bar.editor.insert("語") }
        })
        // The cursor at the end: the text scrolls so that its end and the caret fit.
        let end = ws.frame(width: 40, height: 10).lines[8]
        #expect(end.hasPrefix("filter: …"), "text scrolled out on the left is marked")
        #expect(end.hasSuffix("語語"))
        // The cursor at the start: the text from its beginning, cut at the line's end.
        ws.apply(.editFilter { $0.editor.moveHome() })
        let start = ws.frame(width: 40, height: 10).lines[8]
        #expect(start.hasPrefix("filter: sex == \"日本語🇫🇷é\" 語"))
    }
}
