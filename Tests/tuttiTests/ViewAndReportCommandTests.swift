import Foundation
import Testing
import TuttiCore
import TuttiTestSupport

/// `tutti report`, `tutti export --view` and `tutti open` on real data.
@Suite(.serialized) struct ViewAndReportCommandTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tutti-cli-view-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A view of the demo data: women over 40, with the rows of those over 50 hours a week selected.
    func demoView(at path: String) throws -> (view: ViewDocument, selected: Int) {
        let dataset = try DemoData.load().dataset
        let roles = ColumnRoles.infer(from: dataset)
        var explorer = Explorer(state: ExplorerState(dataset: dataset, roles: roles))
        try explorer.apply(.setFilter("sex == \"Female\" and age > 40"))
        let rows = try FilterExpression("hours_per_week > 50", dataset: dataset).evaluate(dataset)
        try explorer.apply(.select(rows, .brush(column: "hours_per_week", range: .numeric(lower: 51, upper: 99, includesUpper: true))))
        let layout = LayoutNode.split(.vertical, [
            .pane(ViewPane(kind: .histogram, settings: PaneSettings(column: "hours_per_week", bins: 12))),
            .pane(ViewPane(kind: .slices)),
        ], weights: [1, 1])
        let view = ViewDocument(state: explorer.state, datasetPath: "tutti:demo", layout: layout, focus: 0, theme: "light")
        try view.write(to: path, overwrite: false)
        return (view, explorer.state.selectedCount)
    }

    @Test func reportsInMarkdownAndHTMLWithTheViewsPanes() throws {
        let dir = try folder()
        _ = try demoView(at: dir + "/v.json")
        let markdown = try CommandRunner.run(["report", "--demo", "--view", dir + "/v.json", "-o", dir + "/r.md"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let text = try String(contentsOfFile: dir + "/r.md", encoding: .utf8)
        for expected in ["## Dataset", "## Filter and selection", "sex == \"Female\" and age > 40", "## Histogram: hours_per_week", "## Slices", "▓"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(!text.contains("## Duplicates"), "the view has no duplicates pane")
        let html = try CommandRunner.run(["report", "--demo", "-o", dir + "/r.html"])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("Duplicates") && !page.contains("https://"))
        let again = try CommandRunner.run(["report", "--demo", "-o", dir + "/r.html"])
        #expect(again.status == 1 && again.stderr.contains("exists"))
        let wrong = try CommandRunner.run(["report", "--demo", "-o", dir + "/r.pdf"])
        #expect(wrong.status == 2)
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func exportWithAViewWritesItsSelectionLikeWhere() throws {
        let dir = try folder()
        let (_, selected) = try demoView(at: dir + "/v.json")
        let viaView = try CommandRunner.run(["export", "--demo", "--view", dir + "/v.json", "-o", dir + "/a.csv"])
        #expect(viaView.status == 0, "\(viaView.stderr)")
        let viaWhere = try CommandRunner.run(["export", "--demo", "--where",
                                              "sex == \"Female\" and age > 40 and hours_per_week > 50", "-o", dir + "/b.csv"])
        #expect(viaWhere.status == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.csv"))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: dir + "/b.csv"))))
        #expect(viaView.stderr.contains("\(NumberFormatting.grouped(selected)) rows"))
        // Without a file, the data is the view's.
        let viewOnly = try CommandRunner.run(["export", "--view", dir + "/v.json", "-o", dir + "/e.csv"])
        #expect(viewOnly.status == 0, "\(viewOnly.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/e.csv")) == a)
        let misuse = try CommandRunner.run([dir + "/v.json"])
        #expect(misuse.status == 1 && misuse.stderr.contains("tutti open"))
        let both = try CommandRunner.run(["export", "--demo", "--view", dir + "/v.json", "--where", "age > 1", "-o", dir + "/c.csv"])
        #expect(both.status == 2)
        let broken = dir + "/broken.json"
        try Data("{\"version\": 1,".utf8).write(to: URL(fileURLWithPath: broken))
        let bad = try CommandRunner.run(["export", "--demo", "--view", broken, "-o", dir + "/d.csv"])
        #expect(bad.status == 1 && bad.stderr.contains("broken.json"))
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func openRestoresTheViewInTheTerminalAndWarnsWhenTheDataChanged() throws {
        let dir = try folder()
        // A view of a file, then the file loses rows.
        let csv = dir + "/data.csv"
        var lines = ["x,group"]
        for row in 0..<200 { lines.append("\(row),\(row % 2 == 0 ? "a" : "b")") }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: csv))
        let dataset = try DatasetLoader.load(csv).dataset
        var explorer = Explorer(state: ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset)))
        try explorer.apply(.setFilter("group == \"a\""))
        try explorer.apply(.select(try FilterExpression("x < 50", dataset: dataset).evaluate(dataset),
                                   .brush(column: "x", range: .numeric(lower: 0, upper: 50, includesUpper: false))))
        let view = ViewDocument(state: explorer.state, datasetPath: csv, layout: .pane(ViewPane(kind: .rows)), focus: 0, theme: nil)
        try view.write(to: dir + "/v.json", overwrite: false)

        let session = try TmuxSession(width: 120, height: 30)
        try session.run("\(TmuxSession.shellQuoted(CommandRunner.executable)) open \(TmuxSession.shellQuoted(dir + "/v.json"))")
        #expect(session.waitFor("100 filtered"), "\(session.screen())")
        #expect(session.screen().contains("25 selected") && session.screen().contains("filter: group == \"a\""))
        #expect(!session.screen().contains("data changed"), "the same data must restore without a warning")
        try session.keys("q")
        #expect(session.waitFor("PROMPT$"))

        try Data((lines.prefix(101).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: csv))
        try session.run("clear; \(TmuxSession.shellQuoted(CommandRunner.executable)) open \(TmuxSession.shellQuoted(dir + "/v.json"))")
        #expect(session.waitFor("50 filtered"), "\(session.screen())")
        #expect(session.screen().contains("data changed"), "\(session.screen())")
        #expect(session.screen().contains("25 selected"))
        try session.keys("q")
        try? FileManager.default.removeItem(atPath: dir)
    }
}
