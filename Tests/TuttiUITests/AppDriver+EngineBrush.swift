import Testing
import TuttiTerminal
import TuttiUI

extension AppDriver {
    /// Over the Adult table in an engine: starts a brush on the first histogram and moves it
    /// twice; returns the exact selected count the status line gives and the count the panes show.
    func brushFirstHistogramOverTheEngine() throws -> (exact: Substring, shown: Substring) {
        press(.tab, KeyEvent(.end), .shiftLeft)
        settle()
        press(.shiftLeft, .shiftLeft)
        settle()
        let exact = try #require(status.firstMatch(of: /table of 48,842: ([\d,]+) selected/)).1
        let shown = try #require(status.firstMatch(of: /· ([\d,]+) selected/)).1
        return (exact, shown)
    }
}
