import Foundation
import Testing
import TuttiTestSupport

/// The metric per histogram bin and the label issues pane in a real terminal, on the Adult data
/// with its model's scores: `e` on the score's histogram draws the reliability curve with the ECE
/// in the title; `I` lists the likely label errors, the cursor's row goes to the instance pane,
/// Space selects it and Enter selects them all.
@Suite(.serialized) struct LabelIssuesOverlayEndToEndTests {
    @Test func theReliabilityCurveAndTheLabelIssuesPane() throws {
        let session = try TmuxSession(width: 140, height: 44)
        try session.run("\(TmuxSession.shellQuoted(CommandRunner.executable)) \(TmuxSession.shellQuoted(AdultFixture.path))")
        #expect(session.waitFor("48,842 filtered"), "the explorer did not open:\n\(session.screen())")
        try session.keys("Tab", "e")
        #expect(session.waitFor("Histogram: score · ECE 0.0"), "e on the score's histogram:\n\(session.screen())")
        #expect(session.screen().contains("◆ positive share") && session.screen().contains("◆"), "\(session.screen())")
        try session.keys("e")
        #expect(session.waitUntil { !$0.contains("ECE") }, "e turns it off:\n\(session.screen())")

        try session.keys("I", "z")
        #expect(session.waitFor("likely label errors among 48,842 filtered rows"), "\(session.screen())")
        session.waitForStableScreen()
        let lines = session.screen().components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.contains("self-conf") }, "\(session.screen())")
        // The second issue's row number: the first number on the list's second line (the pane
        // maximised, so no other pane shares the line).
        let second = try #require(lines[header + 2].firstMatch(of: /(\d+)/).map { String($0.1) }, "\(lines[header + 2])")
        try session.keys("z", "j", "Space")
        #expect(session.waitForStatus { $0.contains(" 1 selected") }, "Space selects the row:\n\(session.screen())")
        try session.keys("7")
        #expect(session.waitFor("Instance: row \(second)"), "the instance pane shows the cursor's row:\n\(session.screen())")
        try session.keys("I", "Enter")
        #expect(session.waitFor("selected the "), "\(session.screen())")
        let count = try #require(session.screen().firstMatch(of: /selected the ([\d,]+) likely label errors/).map { String($0.1) })
        #expect(session.waitForStatus { $0.contains("\(count) selected") }, "\(session.statusLine)")
    }
}
