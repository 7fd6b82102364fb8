import Foundation
import Testing
import TuttiCore
import TuttiTestSupport

/// `tutti report` and views over a PostgreSQL URL: the report of the database is the report of
/// the same rows in a file, and a view saved in the explorer over a database keeps the URL
/// without its password and opens again — with `--view`, with `tutti open`, and for a report.
@Suite(.serialized) struct DatabaseViewAndReportTests {
    private func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "tutti-db-view-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The Adult rows in the file's order (a bulk load need not keep it, and the report's
    /// duplicate clusters name rows by number): a copy of `adult` with its row numbers.
    private static let orderedServer: Result<PostgresServer, PostgresServer.Unavailable> = {
        do {
            let server = try PostgresServer.withAdult()
            let adult = AdultFixture.dataset
            let numbers = Column(name: "n", data: .integer((0..<Int64(adult.rowCount)).map { $0 }),
                                 validity: RowSet(rowCount: adult.rowCount, allSet: true))
            try server.load(Dataset(source: "adult", rowCount: adult.rowCount, columns: [numbers] + adult.columns),
                            as: "adult_report_order")
            return .success(server)
        } catch let error as PostgresServer.Unavailable {
            return .failure(error)
        } catch {
            return .failure(PostgresServer.Unavailable(description: "\(error)"))
        }
    }()

    @Test(arguments: ["md", "html"])
    func theReportOfTheDatabaseIsTheReportOfTheFile(_ format: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try Self.orderedServer.get()
        let names = AdultFixture.dataset.columnNames.joined(separator: ", ")
        let url = server.url()
        let fromSQL = try CommandRunner.run(["report", url, "--query", "SELECT \(names) FROM adult_report_order ORDER BY n",
                                             "--title", "Adult", "-o", "\(folder)/sql.\(format)"])
        #expect(fromSQL.status == 0, "\(fromSQL.stderr)")
        #expect(fromSQL.stderr.contains("read 48842 rows × 20 columns"), "\(fromSQL.stderr)")
        let fromFile = try CommandRunner.run(["report", "--demo", "--title", "Adult", "-o", "\(folder)/file.\(format)"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let sql = try String(contentsOfFile: "\(folder)/sql.\(format)", encoding: .utf8)
        let file = try String(contentsOfFile: "\(folder)/file.\(format)", encoding: .utf8)
        #expect(sql.contains(url))
        #expect(sql.replacingOccurrences(of: url, with: "adult_scored.csv (demo)") == file)
    }

    /// A view of the database as the explorer saves it: the URL without its password, women
    /// over 40, the brushed rows of those working over 50 hours.
    private func databaseView(at path: String, url: String) throws {
        let dataset = AdultFixture.dataset
        var explorer = Explorer(state: ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset)))
        try explorer.apply(.setFilter("sex == \"Female\" and age > 40"))
        let rows = try FilterExpression("hours_per_week > 50", dataset: dataset).evaluate(dataset)
        try explorer.apply(.select(rows, .brush(column: "hours_per_week",
                                                range: .numeric(lower: 51, upper: 99, includesUpper: true))))
        let layout = LayoutNode.split(.vertical, [
            .pane(ViewPane(kind: .histogram, settings: PaneSettings(column: "hours_per_week", bins: 12))),
            .pane(ViewPane(kind: .slices)),
        ], weights: [1, 1])
        try ViewDocument(state: explorer.state, datasetPath: url, layout: layout, focus: 0, theme: nil)
            .write(to: path, overwrite: false)
    }

    @Test func aReportOfAViewSavedOverTheDatabaseReadsTheDatabase() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = try PostgresServer.withAdult().url(query: "table=adult")
        try databaseView(at: folder + "/v.json", url: url)
        // No data given: the view's URL is the data.
        let report = try CommandRunner.run(["report", "--view", folder + "/v.json", "-o", folder + "/r.md"])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try String(contentsOfFile: folder + "/r.md", encoding: .utf8)
        for expected in [url, "sex == \"Female\" and age > 40", "## Histogram: hours_per_week", "## Slices"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        let fromFile = try CommandRunner.run(["report", "--demo", "--view", folder + "/v.json", "-o", folder + "/f.md"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let filtered = { (text: String) in text.split(separator: "\n").filter { $0.contains("filtered") || $0.contains("selected") } }
        #expect(filtered(text) == filtered(try String(contentsOfFile: folder + "/f.md", encoding: .utf8)))
        // A view of a query (no table= in the URL) says what to give.
        try databaseView(at: folder + "/q.json", url: try PostgresServer.withAdult().url())
        let query = try CommandRunner.run(["report", "--view", folder + "/q.json", "-o", folder + "/q.md"])
        #expect(query.status == 1 && query.stderr.contains("--query"), "\(query.stderr)")
    }

    @Test func aViewSavedInTheExplorerKeepsTheURLWithoutItsPasswordAndOpensAgain() throws {
        let server = try PostgresServer.withAdult()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The test server trusts 127.0.0.1, so any password connects.
        let secret = "s3cret-pw"
        let url = "postgresql://\(server.user):\(secret)@127.0.0.1:\(server.port)/postgres?table=adult"
        let redacted = server.url(query: "table=adult")
        let session = try TmuxSession(width: 200, height: 44)
        let tutti = TmuxSession.shellQuoted(CommandRunner.executable)
        try session.run("cd \(TmuxSession.shellQuoted(folder)) && \(tutti) explore \(TmuxSession.shellQuoted(url)) --sample 5000")
        #expect(session.waitFor("sample 5,000 of 48,842 rows"), "the explorer did not open:\n\(session.screen())")
        try session.keys("/")
        try session.type("sex == \"Female\"")
        try session.keys("Enter")
        #expect(session.waitForStatus { $0.contains("table of 48,842: 16,192 filtered") }, "\(session.screen())")
        try session.keys("w")
        #expect(session.waitFor("save view to:"))
        try session.keys("C-u")
        try session.type("v.json")
        try session.keys("Enter")
        #expect(session.waitFor("saved the view"), "\(session.screen())")
        try session.keys("q")
        #expect(session.waitFor("PROMPT$"))

        let saved = try String(contentsOfFile: folder + "/v.json", encoding: .utf8)
        #expect(!saved.contains(secret), "the view holds the password")
        #expect(saved.contains(redacted.replacingOccurrences(of: "/", with: "\\/")) || saved.contains(redacted), "\(saved.prefix(400))")

        // --view on the database, then tutti open with the view alone: the filter is back and
        // the engine counts it over the whole table.
        for command in ["explore \(TmuxSession.shellQuoted(url)) --sample 5000 --view v.json", "open v.json"] {
            try session.run("clear")
            try session.run("\(tutti) \(command)")
            #expect(session.waitForStatus { $0.contains("table of 48,842: 16,192 filtered") }, "\(command):\n\(session.screen())")
            try session.keys("q")
            #expect(session.waitFor("PROMPT$"))
        }
    }
}
