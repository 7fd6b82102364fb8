import Foundation
import Testing
import TuttiTestSupport

/// The familiarity pane in a real terminal on the demo's Adult data, which has no vector column:
/// the rows are compared in the six standardised numeric feature columns. Filtered to the 186
/// people aged 80 or more, the pane lists first the row `tutti familiarity` finds least
/// familiar; `n` selects that row and its 10 nearest neighbours, and the instance pane shows it.
@Suite(.serialized) struct FamiliarityEndToEndTests {
    static let features = "age,fnlwgt,education_num,capital_gain,capital_loss,hours_per_week"

    @Test func thePaneListsTheLeastFamiliarRowFirstAndNSelectsRowsLikeIt() throws {
        let headless = try CommandRunner.run(["familiarity", "--demo", "--vector-columns", Self.features, "--where", "age >= 80",
                                              "--limit", "1", "--format", "json"])
        #expect(headless.status == 0, "\(headless.stderr)")
        let least = try #require(headless.stdout.firstMatch(of: /"row":(\d+)/).map { String($0.1) }, "\(headless.stdout)")

        let session = try TmuxSession(width: 140, height: 44)
        try session.startDemo()
        try session.keys("/")
        try session.type("age >= 80")
        #expect(session.waitFor("186 rows pass"), "\(session.screen())")
        try session.keys("Enter")
        #expect(session.waitForStatus { $0.contains("186 filtered") }, "\(session.screen())")
        try session.keys("9", "z")
        #expect(session.waitFor("Familiarity: k 10 · 6 standardised numeric columns", timeout: 60), "\(session.screen())")
        #expect(session.waitFor("186 rows, least familiar first"), "\(session.screen())")
        session.waitForStableScreen()
        let listed = session.lines.compactMap { $0.firstMatch(of: /│ +(\d+)  (0\.\d{4})  age\s/).map { String($0.1) } }
        #expect(listed.first == least, "the least familiar row first:\n\(session.screen())")

        try session.keys("n")
        #expect(session.waitForStatus { $0.contains("11 selected") }, "\(session.screen())")
        #expect(session.waitFor("selected row #\(least) and the 10 rows most like it"), "\(session.screen())")
        try session.keys("7")
        #expect(session.waitFor("Instance: row \(least)"), "the familiarity pane's cursor row is the focused row:\n\(session.screen())")
    }
}
