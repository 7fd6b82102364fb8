import Foundation
import Testing
import TuttiTestSupport

/// What a first-time user hit (issue 16, items 6, 8, 9, 10), in a real terminal.
@Suite(.serialized) struct FirstUseEndToEndTests {

    /// A pane's frame on screen: its title line, bottom line, and left and right border columns.
    func frame(titled title: String, in screen: String) -> (top: Int, bottom: Int, left: Int, right: Int)? {
        let lines = screen.components(separatedBy: "\n").map(Array.init)
        guard let top = lines.firstIndex(where: { String($0).contains("─ " + title) }) else { return nil }
        let line = String(lines[top])
        guard let range = line.range(of: "─ " + title) else { return nil }
        let left = line.distance(from: line.startIndex, to: range.lowerBound) - 1
        guard left >= 0, lines[top][left] == "┌",
              let right = lines[top][left...].firstIndex(of: "┐"),
              let bottom = lines[(top + 1)...].firstIndex(where: { $0.count > left && $0[left] == "└" }) else { return nil }
        return (top, bottom, left, right)
    }

    @Test func openingPanesKeepsTheFocusedHistogramAndEqualsRebalances() throws {
        let session = try TmuxSession(width: 120, height: 40)
        try session.startDemo()
        try session.keys("Tab")
        session.waitForStableScreen()
        let before = try #require(frame(titled: "Histogram: score", in: session.screen()))
        try session.keys("4")
        #expect(session.waitFor("sorted by error"))
        try session.keys("5")
        #expect(session.waitFor("exact"))
        session.waitForStableScreen()
        let screen = session.screen()
        #expect(!screen.contains("too small"), "\(screen)")
        let after = try #require(frame(titled: "Histogram: score", in: screen))
        #expect(after.bottom - after.top == before.bottom - before.top, "score histogram changed size:\n\(screen)")
        let slices = try #require(frame(titled: "Slices", in: screen), "\(screen)")
        #expect(slices.bottom - slices.top + 1 >= 8)
        let duplicates = try #require(frame(titled: "Duplicates", in: screen), "\(screen)")
        #expect(duplicates.bottom - duplicates.top + 1 >= 8 && duplicates.right - duplicates.left + 1 >= 40)
        // Squash the score histogram, then rebalance.
        try session.keys("Tab", "Tab")
        for _ in 0..<6 { try session.keys("{") }
        session.waitForStableScreen()
        try session.keys("B")
        #expect(session.waitFor("panes rebalanced"))
        let balanced = try #require(frame(titled: "Histogram: score", in: session.screen()))
        #expect(balanced.bottom - balanced.top + 1 >= 10, "\(session.screen())")
        try session.keys("q")
    }

    @Test func histogramAxisEndsUnderTheLastBinAndLogXBrushesTheZeros() throws {
        let session = try TmuxSession(width: 250, height: 40)
        try session.startDemo()
        session.waitForStableScreen()
        let screen = session.screen()
        let lines = screen.components(separatedBy: "\n").map(Array.init)
        let score = try #require(frame(titled: "Histogram: score", in: screen))
        let axis = lines[score.bottom - 2]
        let labelEnd = try #require(axis[(score.left + 1)..<score.right].lastIndex { $0 != " " })
        let bars = Set<Character>(["█", "▇", "▆", "▅", "▄", "▃", "▂", "▁"])
        let rightmostBar = ((score.top + 2)..<(score.bottom - 2)).compactMap { y in
            lines[y][(score.left + 1)..<score.right].lastIndex { bars.contains($0) }
        }.max() ?? 0
        #expect(labelEnd >= rightmostBar && labelEnd - rightmostBar <= 2, "label ends at \(labelEnd), bars at \(rightmostBar)")
        #expect(score.right - labelEnd > 5, "the label sits at the pane's edge:\n\(screen)")

        // capital_gain (mostly 0, up to 99,999) on a log x scale: the zeros get the first bin.
        for _ in 0..<10 { try session.keys("j") }
        try session.keys("Enter")
        #expect(session.waitFor("Histogram: capital_gain"))
        try session.keys("b")
        #expect(session.waitFor("Histogram: capital_gain (quantile bins)"))
        try session.keys("b")
        #expect(session.waitFor("Histogram: capital_gain (log x)"))
        #expect(session.screen().contains("≤0"))
        try session.keys("Home", "Space")
        #expect(session.waitUntil { _ in session.statusLine.contains("44,807 selected") }, "\(session.screen())")
        try session.keys("f")
        #expect(session.waitUntil { _ in
            let status = session.statusLine
            return status.contains("44,807 filtered") && status.contains("filter: capital_gain >= 0 and capital_gain <= 0")
        }, "\(session.screen())")
        try session.keys("q")
    }

    @Test func summaryShowsItsFirstColumnsAgainWhenTheTerminalGrows() throws {
        let session = try TmuxSession(width: 80, height: 24)
        try session.startDemo()
        /// The summary's first row on screen (the line under its header).
        func firstRow(_ screen: String) -> String {
            let lines = screen.components(separatedBy: "\n")
            guard let header = lines.firstIndex(where: { $0.contains("column") && $0.contains("kind") }),
                  header + 1 < lines.count else { return "" }
            return lines[header + 1]
        }
        try session.keys("End")
        #expect(session.waitUntil { firstRow($0).contains("│") && !firstRow($0).contains(" age ") }, "\(session.screen())")
        try session.resize(width: 250, height: 70)
        #expect(session.waitUntil { firstRow($0).contains(" age ") }, "\(session.screen())")
        try session.keys("q")
    }

    @Test func escapeTypedJustBeforeAKeyIsBothKeys() throws {
        let session = try TmuxSession()
        try session.startDemo()
        try session.keys("/")
        try session.type("age > 30")
        #expect(session.waitFor("rows pass"))
        // Esc and ? in one write: the terminal sends ESC ? (Alt-?).
        try session.keys("Escape", "?")
        #expect(session.waitFor("Help · Esc closes"), "\(session.screen())")
        #expect(!session.statusLine.contains("filter:"))
        try session.keys("Escape")
        try session.keys("q")
    }
}
