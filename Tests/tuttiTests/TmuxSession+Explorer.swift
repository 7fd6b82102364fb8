import Testing
import TuttiTestSupport

extension TmuxSession {
    /// Starts `tutti demo` (with extra shell words before it, e.g. `cd DIR && `) and waits for
    /// the explorer's first screen.
    func startDemo(prefix: String = "") throws {
        try run("\(prefix)\(Self.shellQuoted(CommandRunner.executable)) demo")
        #expect(waitFor("48,842 filtered"), "the explorer did not open:\n\(screen())")
    }

    /// The explorer's status line in `screen` (the last line that counts filtered rows), or "".
    static func statusLine(of screen: String) -> String {
        screen.components(separatedBy: "\n").last { $0.contains("filtered") } ?? ""
    }

    /// The explorer's status line now.
    var statusLine: String { Self.statusLine(of: screen()) }

    /// Waits until the explorer's status line satisfies `condition`.
    @discardableResult
    func waitForStatus(timeout: Double = 20, _ condition: (String) -> Bool) -> Bool {
        waitUntil(timeout: timeout) { condition(Self.statusLine(of: $0)) }
    }

    /// In the explorer: Tab to the first histogram, brush its last three bins, commit with Enter
    /// and wait for the screen to settle; returns the status line's selected count as shown, or
    /// throws when nothing becomes selected.
    func brushTopBinsOfTheFirstHistogram() throws -> String {
        try keys("Tab")
        try keys("End")
        try keys("S-Left", "S-Left", "S-Left")
        try keys("Enter")
        guard waitForStatus({ !$0.isEmpty && !$0.contains(" 0 selected") }) else { throw TmuxError("the brush selected nothing:\n\(screen())") }
        waitForStableScreen()
        return statusLine.firstMatch(of: /([\d,]+) selected/).map { String($0.1) } ?? "?"
    }
}
