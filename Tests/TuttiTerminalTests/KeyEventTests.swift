import Testing
@testable import TuttiTerminal

@Suite struct KeyEventTests {
    @Test func descriptions() {
        #expect(KeyEvent.character("q").description == "q")
        #expect(KeyEvent.ctrl("c").description == "ctrl+c")
        #expect(KeyEvent.alt("x").description == "alt+x")
        #expect(KeyEvent(.up, modifiers: [.ctrl, .alt, .shift]).description == "ctrl+alt+shift+up")
        #expect(KeyEvent(.function(5)).description == "f5")
        #expect(KeyEvent(.character(" ")).description == "space")
        #expect(KeyEvent(.pageDown).description == "pgdn")
        #expect(KeyEvent(.escape).description == "esc")
    }

    @Test func xtermModifierParameter() {
        #expect(KeyModifiers(xtermParameter: 1) == [])
        #expect(KeyModifiers(xtermParameter: 2) == .shift)
        #expect(KeyModifiers(xtermParameter: 3) == .alt)
        #expect(KeyModifiers(xtermParameter: 5) == .ctrl)
        #expect(KeyModifiers(xtermParameter: 6) == [.ctrl, .shift])
        #expect(KeyModifiers(xtermParameter: 8) == [.ctrl, .alt, .shift])
        #expect(KeyModifiers(xtermParameter: 9) == .alt)
        #expect(KeyModifiers(xtermParameter: 0) == [])
    }
}
