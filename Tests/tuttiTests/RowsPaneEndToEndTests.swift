import Foundation
import Testing
import TuttiTestSupport

/// The rows pane in a real terminal: its column keys, search, going to a row, and `x` with
/// the pane's chosen columns.
@Suite(.serialized) struct RowsPaneEndToEndTests {
    let tutti = CommandRunner.executable

    /// Starts `tutti ARGUMENTS` in `folder` and focuses the rows pane.
    func startInRowsPane(_ session: TmuxSession, folder: String, _ arguments: String = "demo") throws {
        try session.run("cd \(TmuxSession.shellQuoted(folder)) && \(TmuxSession.shellQuoted(tutti)) \(arguments)")
        #expect(session.waitFor("48,842 filtered"), "the explorer did not open:\n\(session.screen())")
        try session.keys("2")
        session.waitForStableScreen()
    }

    /// The rows pane's header line: the one naming both `workclass` and `education` (the
    /// summary lists one column a line).
    func header(_ session: TmuxSession, naming first: String = "fnlwgt", _ second: String = "education") -> String {
        session.lines.first { $0.contains(" \(first) ") && $0.contains(" \(second) ") } ?? ""
    }

    func column(_ name: String, in line: String) -> Int {
        line.range(of: " \(name) ").map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? -1
    }

    func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "tutti-e2e-rows-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func hideWidenSearchAndGoToARow() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession(width: 160, height: 44)
        try startInRowsPane(session, folder: folder)
        #expect(column("age", in: header(session)) >= 0, "\(session.screen())")

        // - hides the focused column (age); ] widens the next one (workclass).
        try session.keys("-")
        #expect(session.waitFor("hid age"))
        let before = header(session)
        #expect(column("age", in: before) < 0 && column("workclass", in: before) >= 0, "\(before)")
        try session.keys("]", "]", "]")
        #expect(session.waitFor("workclass is"))
        session.waitForStableScreen()
        let wider = header(session)
        #expect(column("fnlwgt", in: wider) - column("fnlwgt", in: before) == 6, "\(before)\n\(wider)")

        // F finds a value in the columns shown; n goes to the next match.
        try session.keys("F")
        #expect(session.waitFor("find:"))
        try session.type("doctorate")
        try session.keys("Enter")
        #expect(session.waitFor("matching rows"), "\(session.screen())")
        let first = session.screen().firstMatch(of: /in education of row (\d+)/).map { String($0.1) } ?? "?"
        try session.keys("n")
        #expect(session.waitUntil { screen in
            (screen.firstMatch(of: /in education of row (\d+)/).map { String($0.1) }).map { $0 != first } ?? false
        }, "n did not move: \(session.screen())")

        // : goes to a row; row 27 has no workclass, drawn as a dim ·.
        try session.keys(":")
        #expect(session.waitFor("go to row:"))
        try session.type("27")
        try session.keys("Enter")
        #expect(session.waitFor("row 27"))
        let line = session.lines.first { $0.contains(" 27 ") && $0.contains("·") } ?? ""
        #expect(!line.isEmpty, "\(session.screen())")

        // Every rows key is in ? help.
        try session.keys("?")
        #expect(session.waitFor("next match of the search"), "\(session.screen())")
        let help = session.screen()
        for action in ["find", "next match of the search", "previous match", "go to row", "narrow/widen column"] {
            #expect(help.contains(action), "help lacks \(action)")
        }
        try session.keys("Space")
        #expect(session.waitFor("move column"), "\(session.screen())")
        #expect(session.screen().contains("show hidden"), "help lacks show hidden")
        try session.keys("Escape", "q")
    }

    @Test func xExportsTheChosenColumnsInTheSortOrderAndAViewKeepsThem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession(width: 80, height: 30)
        try startInRowsPane(session, folder: folder)
        // Sort by age descending, hide workclass, then export the visible columns.
        try session.keys("s", "s")
        #expect(session.waitFor("sorted by age descending"))
        try session.keys("l", "-")
        #expect(session.waitFor("hid workclass"))
        try session.keys("x")
        #expect(session.waitFor("export to:"))
        try session.keys("Tab")
        #expect(session.waitFor("visible columns"))
        try session.keys("C-u")
        try session.type("chosen.csv")
        try session.keys("Enter")
        #expect(session.waitFor("exported"), "\(session.screen())")
        #expect(session.screen().contains("sorted by age descending"))
        let text = try String(contentsOfFile: folder + "/chosen.csv", encoding: .utf8)
        let lines = text.split(separator: "\n")
        let expected = ["age", "fnlwgt", "education", "education_num", "marital_status", "occupation", "relationship", "race",
                        "sex", "capital_gain", "capital_loss", "hours_per_week", "native_country", "income", "split", "label",
                        "prediction", "score", "loss"]
        #expect(lines.first.map(String.init) == expected.joined(separator: ","), "19 of 20 columns at 80 wide")
        #expect(lines.count == 48_843)
        let ages = lines.dropFirst().compactMap { Int($0.prefix { $0 != "," }) }
        #expect(ages.count == 48_842 && ages.first == 90 && zip(ages, ages.dropFirst()).allSatisfy { $0 >= $1 })

        // w saves the choice; tutti open brings it back.
        try session.keys("w")
        #expect(session.waitFor("save view to:"))
        try session.keys("C-u")
        try session.type("v.json")
        try session.keys("Enter")
        #expect(session.waitFor("saved the view"))
        try session.keys("q")
        #expect(session.waitFor("PROMPT$"))
        try session.run("clear")
        try startInRowsPane(session, folder: folder, "open v.json")
        let reopened = header(session)
        #expect(!reopened.isEmpty && column("workclass", in: reopened) < 0, "\(session.screen())")
        try session.keys("q")
    }
}
