import Foundation
import Testing
import TuttiTestSupport

/// The summary under a filter and derived columns from `=`, in the real program (tmux) on the
/// Adult data.
@Suite(.serialized) struct SummaryFilterEndToEndTests {
    /// The summary pane's line for `column` on `screen`.
    static func summaryLine(_ column: String, in screen: String) -> String {
        screen.components(separatedBy: "\n").first { $0.hasPrefix("│") && $0.dropFirst(2).hasPrefix(column + " ") } ?? ""
    }

    @Test func theSummaryFollowsTheFilterAndShowsTheWholeData() throws {
        let session = try TmuxSession()
        try session.startDemo()
        try session.keys("z")  // the summary, maximised, shows its range column
        #expect(session.waitUntil { Self.summaryLine("age", in: $0).contains("17–90") }, "\(session.screen())")
        try session.keys("/")
        try session.type("age > 80")
        try session.keys("Enter")
        #expect(session.waitForStatus { !$0.contains("48,842 filtered") && $0.contains(" filtered") })
        #expect(session.waitUntil { Self.summaryLine("age", in: $0).contains("81–90 (all 17–90)") }, "\(session.screen())")
        let screen = session.screen()
        // The cursor column's statistics, of the filtered rows with the whole data's beside them.
        #expect(screen.contains(" of 48,842 rows"), "\(screen)")
        #expect(screen.contains("(all 38.64)"), "\(screen)")
        try session.keys("q")
    }

    @Test func equalsAddsADerivedColumnThatUndoRemoves() throws {
        let session = try TmuxSession()
        try session.startDemo()
        try session.keys("z")  // the summary, maximised, lists every column
        try session.keys("=")
        #expect(session.waitFor("name = expression"))
        try session.type("margin = abs(scor - 0.5)")
        #expect(session.waitUntil { $0.contains("unknown column 'scor'") && $0.contains("^^^^") }, "\(session.screen())")
        for _ in 0..<"scor - 0.5)".count { try session.keys("BSpace") }
        try session.type("score - 0.5)")
        try session.keys("Enter")
        #expect(session.waitFor("added the column margin (float)"), "\(session.screen())")
        #expect(session.waitUntil { Self.summaryLine("margin", in: $0).contains("float") }, "\(session.screen())")
        try session.keys("u")
        #expect(session.waitUntil { $0.contains("undone") && Self.summaryLine("margin", in: $0).isEmpty }, "\(session.screen())")
        try session.keys("q")
    }
}
