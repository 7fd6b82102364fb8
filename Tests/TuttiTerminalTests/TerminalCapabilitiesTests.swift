import Testing
@testable import TuttiTerminal

@Suite struct TerminalCapabilitiesTests {
    @Test func cursesVersionNamesNcurses() {
        #expect(TerminalCapabilities.cursesVersion.hasPrefix("ncurses"))
    }
}
