import Testing
@testable import TuttiTerminal

@Suite struct CursesTerminalTests {
    @Test func noTerminalTypeIsAClearError() {
        #expect(throws: TerminalError("tutti needs a terminal (TERM=dumb). " + TerminalError.headlessAdvice)) {
            try CursesTerminal.checkTerminalType("dumb")
        }
        #expect(throws: TerminalError("tutti needs a terminal (TERM is not set). " + TerminalError.headlessAdvice)) {
            try CursesTerminal.checkTerminalType(nil)
        }
        #expect(throws: TerminalError.self) { try CursesTerminal.checkTerminalType("") }
        #expect(throws: Never.self) { try CursesTerminal.checkTerminalType("xterm-256color") }
        #expect(TerminalError("x").description == "x")
    }

    @Test func paddingIsRemovedFromTerminfoStrings() {
        func strip(_ text: String) -> String {
            String(decoding: text.withCString { CursesTerminal.withoutPadding($0) }, as: UTF8.self)
        }
        #expect(strip("\u{1B}[m\u{0F}$<2>") == "\u{1B}[m\u{0F}")
        #expect(strip("\u{1B}[H$<5*/>\u{1B}[J") == "\u{1B}[H\u{1B}[J")
        #expect(strip("cost $5 $<") == "cost $5 $<")
    }

    @Test func pollTimeoutsRoundUp() {
        #expect(CursesTerminal.milliseconds(.zero) == 0)
        #expect(CursesTerminal.milliseconds(.milliseconds(25)) == 25)
        #expect(CursesTerminal.milliseconds(.microseconds(1)) == 1)
        #expect(CursesTerminal.milliseconds(.seconds(2) + .microseconds(1500)) == 2002)
        #expect(CursesTerminal.milliseconds(.milliseconds(-5)) == 0)
        #expect(CursesTerminal.milliseconds(.seconds(Int64.max / 2)) == Int32.max)
    }
}
