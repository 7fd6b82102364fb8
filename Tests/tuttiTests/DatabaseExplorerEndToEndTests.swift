import Foundation
import Testing
import TuttiTestSupport

/// `tutti explore postgresql://…` in a real terminal against a real PostgreSQL with the Adult
/// data: the panes draw a sample, a brush's export runs in the engine, a long query stops on
/// the server when Esc cancels it, the explorer opens before the table's rows are counted, and a
/// dropped connection is reopened.
@Suite(.serialized) struct DatabaseExplorerEndToEndTests {
    private func opened(in folder: String, url: String, sample: Int) throws -> TmuxSession {
        let session = try TmuxSession(width: 200, height: 44)
        try session.run("cd \(TmuxSession.shellQuoted(folder)) && \(TmuxSession.shellQuoted(CommandRunner.executable)) explore "
                        + "\(TmuxSession.shellQuoted(url)) --sample \(sample)")
        return session
    }

    private func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "tutti-e2e-db-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aBrushOnTheSampleExportsItsRangeFromTheWholeTable() throws {
        let server = try PostgresServer.withAdult()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try opened(in: folder, url: server.url(query: "table=adult"), sample: 5000)
        #expect(session.waitFor("sample 5,000 of 48,842 rows"), "the explorer did not open:\n\(session.screen())")

        _ = try session.brushTopBinsOfTheFirstHistogram()
        // The engine counts the brushed range over the whole table, in the background.
        #expect(session.waitForStatus { $0.firstMatch(of: /table of 48,842: [\d,]+ selected/) != nil }, "\(session.screen())")
        let exact = try #require(session.statusLine.firstMatch(of: /table of 48,842: ([\d,]+) selected/)).1
        try session.keys("x")
        #expect(session.waitFor("export to:"))
        try session.keys("C-u")
        try session.type("brushed.csv")
        try session.keys("Enter")
        #expect(session.waitFor("from the engine"), "\(session.screen())")
        #expect(session.waitFor("exported "), "\(session.screen())")

        try session.keys("f")
        // The engine's work for the new filter is listed before it while it runs.
        #expect(session.waitForStatus(timeout: 60) { $0.contains("filter: ") && !$0.contains("Esc stops") }, "\(session.screen())")
        let status = session.statusLine
        let expression = try #require(status.range(of: "filter: ").map {
            String(status[$0.upperBound...]).components(separatedBy: " · ")[0].trimmingCharacters(in: .whitespaces)
        })
        try session.keys("q")
        let counted = try CommandRunner.run(["count", "--demo", "--where", expression]).stdout
        #expect(Int(counted.trimmingCharacters(in: .whitespacesAndNewlines)) == Int(exact.replacingOccurrences(of: ",", with: "")))
        // The whole table's rows in the range, not the sample's: the lines of the file's export, in
        // the engine's order (a parallel scan need not keep the table's).
        let headless = folder + "/headless.csv"
        #expect(try CommandRunner.run(["export", "--demo", "--where", expression, "-o", headless]).status == 0)
        let lines = { (path: String) in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") }
        let mine = try lines(folder + "/brushed.csv"), theirs = try lines(headless)
        #expect(mine.first == theirs.first && mine.count == theirs.count && mine.count > 1)
        #expect(mine.dropFirst().sorted() == theirs.dropFirst().sorted(), "the engine export differs from tutti export --where")
    }

    @Test func aBrushMovesTheLinkedHistogramByTheWholeTablesCounts() throws {
        let server = try PostgresServer.withAdult()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try opened(in: folder, url: server.url(query: "table=adult"), sample: 3000)
        #expect(session.waitFor("sample 3,000 of 48,842 rows"), "the explorer did not open:\n\(session.screen())")
        // Every histogram draws the table's counts, not the sample's.
        #expect(session.waitUntil { $0.contains("Histogram: label · table of 48,842") && $0.contains("48,842 rows") },
                "\(session.screen())")

        // A live brush over inner bins of the first histogram (its expression then keeps the same
        // rows as its bins), read in the linked histogram from the Falcon tables.
        try session.keys("Tab", "End", "Left", "S-Left", "S-Left")
        #expect(session.waitForStatus { $0.firstMatch(of: /table of 48,842: [\d,]+ selected/) != nil }, "\(session.screen())")
        #expect(session.waitUntil { $0.firstMatch(of: /48,842 rows · [1-9][\d,]* selected/) != nil }, "\(session.screen())")
        session.waitForStableScreen()
        let screen = session.screen()
        let shown = Set(screen.matches(of: /48,842 rows · ([\d,]+) selected/).map { String($0.1) })
        let exact = try #require(session.statusLine.firstMatch(of: /table of 48,842: ([\d,]+) selected/)).1
        // The label histogram (no missing labels) and the brushed one both show the brush's rows.
        #expect(shown == [String(exact)], "\(screen)")

        try session.keys("Enter")
        try session.keys("f")
        // The engine's work for the new filter is listed before it while it runs.
        #expect(session.waitForStatus(timeout: 60) { $0.contains("filter: ") && !$0.contains("Esc stops") }, "\(session.screen())")
        let status = session.statusLine
        let expression = try #require(status.range(of: "filter: ").map {
            String(status[$0.upperBound...]).components(separatedBy: " · ")[0].trimmingCharacters(in: .whitespaces)
        })
        try session.keys("q")
        let counted = try CommandRunner.run(["count", "--demo", "--where", expression]).stdout
        #expect(Int(counted.trimmingCharacters(in: .whitespacesAndNewlines)) == Int(exact.replacingOccurrences(of: ",", with: "")),
                "\(expression)")
    }

    @Test func aBrushStartAfterTheCubeIsReadySumsIt() throws {
        let server = try PostgresServer.withAdult()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try opened(in: folder, url: server.url(query: "table=adult"), sample: 3000)
        #expect(session.waitFor("sample 3,000 of 48,842 rows"), "the explorer did not open:\n\(session.screen())")
        // The brush cube (on its own connection) and the histograms' counts end.
        #expect(session.waitForStatus(timeout: 60) { !$0.contains("Esc stops") && !$0.contains("brush cube") }, "\(session.screen())")
        try session.keys("Tab", "End", "Left", "S-Left", "S-Left")
        #expect(session.waitForStatus { $0.firstMatch(of: /table of 48,842: [\d,]+ selected \(from the brush cube\)/) != nil },
                "\(session.screen())")
        #expect(session.waitUntil { $0.firstMatch(of: /48,842 rows · [1-9][\d,]* selected/) != nil }, "\(session.screen())")
        session.waitForStableScreen()
        let shown = Set(session.screen().matches(of: /48,842 rows · ([\d,]+) selected/).map { String($0.1) })
        let exact = try #require(session.statusLine.firstMatch(of: /table of 48,842: ([\d,]+) selected/)).1
        #expect(shown == [String(exact)], "\(session.screen())")
        try session.keys("q")
    }

    /// Counting 48,842 × 10⁶ rows takes far longer than the tests wait.
    private static let longQuery = "SELECT a.* FROM adult a CROSS JOIN (SELECT 1 AS n FROM generate_series(1, 1000000)) AS g"

    /// The explorer's counts of all the rows of `longQuery` running on `server`, as psql says
    /// (its other queries on them, summaries and histograms, are not counts of all the rows).
    private static func runningCounts(_ server: PostgresServer) -> String? {
        let running = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE "
            + "'SELECT COUNT(*) FROM (SELECT %generate_series(1, 1000000)%' AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        return try? server.psql(running).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func escCancelsALongQueryOnTheServer() throws {
        let server = try PostgresServer.withAdult()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Its first rows in a random order: the sample waits for every row, as the count does.
        let query = Self.longQuery + " ORDER BY random()"
        let session = try TmuxSession(width: 120, height: 30)
        try session.run("\(TmuxSession.shellQuoted(CommandRunner.executable)) explore \(TmuxSession.shellQuoted(server.url())) "
                        + "--query \(TmuxSession.shellQuoted(query)); echo exit=$?")
        #expect(session.waitUntil { _ in Self.runningCounts(server) == "1" }, "the long query never ran:\n\(session.screen())")
        try session.keys("Escape")
        #expect(session.waitFor("loading cancelled"), "\(session.screen())")
        #expect(session.waitFor("exit=0"), "\(session.screen())")
        #expect(session.waitUntil(timeout: 10) { _ in Self.runningCounts(server) == "0" }, "the query still runs on the server")
    }

    @Test func theExplorerOpensWithTheEstimateWhileTheCountRunsAndEscStopsIt() throws {
        let server = try PostgresServer.withAdult()
        let session = try TmuxSession(width: 160, height: 40)
        try session.run("\(TmuxSession.shellQuoted(CommandRunner.executable)) explore \(TmuxSession.shellQuoted(server.url())) "
                        + "--query \(TmuxSession.shellQuoted(Self.longQuery)) --sample 2000; echo exit=$?")
        // The planner's estimate, marked as one, while the exact count runs on the server.
        #expect(session.waitForStatus { $0.firstMatch(of: /sample 2,000 of ≈[\d,]+ rows/) != nil }, "\(session.screen())")
        #expect(session.waitUntil { _ in Self.runningCounts(server) == "1" }, "the count never ran:\n\(session.screen())")
        #expect(session.statusLine.contains("exact count"), "\(session.statusLine)")
        try session.keys("Escape")
        #expect(session.waitUntil(timeout: 10) { _ in Self.runningCounts(server) == "0" }, "the count still runs on the server")
        // Stopped, it leaves the estimate in place.
        // (The message, naming every job stopped, may take a line of its own under the status line.)
        #expect(session.waitUntil { $0.firstMatch(of: /stopped: .*exact count/) != nil
                && TmuxSession.statusLine(of: $0).contains("sample 2,000 of ≈") }, "\(session.screen())")
        try session.keys("q")
        #expect(session.waitFor("exit=0"), "\(session.screen())")
    }

    @Test func anExportAfterTheConnectionDroppedReconnects() throws {
        let server = try PostgresServer.withAdult()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try opened(in: folder, url: server.url(query: "table=adult&application_name=tutti-drop"), sample: 2000)
        #expect(session.waitFor("sample 2,000 of 48,842 rows"), "the explorer did not open:\n\(session.screen())")
        let dropped = try server.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                      + "WHERE application_name = 'tutti-drop'")
        // Every connection of the explorer is dropped (the sample's, and the row count's second
        // one when it is still open).
        #expect((Int(dropped.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 1, "\(dropped)")

        try session.keys("x")
        #expect(session.waitFor("export to:"))
        try session.keys("C-u")
        try session.type("all.csv")
        try session.keys("Enter")
        #expect(session.waitFor("exported all 48,842 rows"), "\(session.screen())")
        try session.keys("q")
        let lines = try String(contentsOfFile: folder + "/all.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 48_843)
    }
}
