import Foundation
import Testing
import TuttiTestSupport

/// SQL injection through table and column names, values and filters, for every command that
/// reads from a database; and time columns (timestamptz, timestamp, date), which read as tutti's
/// times in summaries, filters and exports.
@Suite(.serialized) struct DatabaseSafetyTests {
    /// A table name and column names that would end the statement if pasted into SQL.
    static let table = "evil\"; DROP TABLE adult; --"
    static let feature = "it's \"odd\"); DROP TABLE adult; --"

    private static let evilServer: Result<PostgresServer, PostgresServer.Unavailable> = {
        do {
            let server = try PostgresServer.withAdult()
            let quoted = { (name: String) in "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            try server.psql("CREATE TABLE \(quoted(table)) (id BIGINT, \(quoted(feature)) TEXT, label BIGINT, "
                + "prediction BIGINT, score DOUBLE PRECISION)")
            var values: [String] = []
            for row in 0..<60 {
                let text = ["'; DROP TABLE adult; --", "a\"b", "x'); DELETE FROM adult; --", "NULL"][row % 4]
                let cell = row % 7 == 0 ? "NULL" : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
                values.append("(\(row), \(cell), \(row % 2), \(row % 3 == 0 ? 1 : 0), \(Double(row % 10) / 10))")
            }
            try server.psql("INSERT INTO \(quoted(table)) VALUES " + values.joined(separator: ", "))
            try server.psql("CREATE TABLE events (id BIGINT, created_at TIMESTAMPTZ, day DATE, logged TIMESTAMP)")
            try server.psql("INSERT INTO events VALUES (1, '2023-12-31 23:30:00+00', '2023-12-31', '2023-12-31 08:00:00'), "
                + "(2, '2024-01-01 00:00:00+00', '2024-01-01', '2024-03-01 12:15:30.5'), "
                + "(3, NULL, NULL, NULL), (4, '2024-06-15 10:00:00-02', '2024-06-15', '2025-01-01 00:00:00')")
            return .success(server)
        } catch let error as PostgresServer.Unavailable {
            return .failure(error)
        } catch {
            return .failure(PostgresServer.Unavailable(description: "\(error)"))
        }
    }()

    private func url(_ table: String) throws -> String {
        let name = table.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? table
        return try Self.evilServer.get().url(query: "table=" + name)
    }

    /// The same rows as the `events` table, as a CSV file.
    static let eventsCSV = """
        id,created_at,day,logged
        1,2023-12-31T23:30:00Z,2023-12-31,2023-12-31T08:00:00Z
        2,2024-01-01T00:00:00Z,2024-01-01,2024-03-01T12:15:30.5Z
        3,,,
        4,2024-06-15T12:00:00Z,2024-06-15,2025-01-01T00:00:00Z

        """

    @Test func namesValuesAndFiltersNeverBecomeSQL() throws {
        let url = try url(Self.table)
        let filter = "`\(Self.feature)` != \"'; DROP TABLE adult; --\" or `\(Self.feature)` == \"x'); DELETE FROM adult; --\""
        let runs: [[String]] = [
            ["count", url, "--where", filter],
            ["info", url, "--where", filter, "--derive", "\(Self.feature)2=len(`\(Self.feature)`)"],
            ["slices", url, "--by", Self.feature, "--where", filter],
            ["duplicates", url, "--exact", "--columns", Self.feature],
            ["label-issues", url, "--where", filter],
            ["compare", url, "--derive", "flip=1 - prediction", "--models", "a=prediction:score,b=flip", "--by", Self.feature],
        ]
        for arguments in runs {
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == 0, "\(arguments[0]): \(outcome.stderr)")
        }
        #expect(try CommandRunner.run(["count", url, "--where", filter]).stdout == "39\n")
        let bySQL = try CommandRunner.run(["slices", url, "--by", Self.feature, "--format", "csv"]).stdout
        #expect(bySQL.contains("'; DROP TABLE adult; --"))
        #expect(try CommandRunner.run(["count", try PostgresServer.withAdult().url(query: "table=adult")]).stdout == "48842\n")
    }

    @Test func timeColumnsAreTimesInFiltersSummariesAndExports() throws {
        let folder = NSTemporaryDirectory() + "tutti-db-times-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/events.csv"
        try Self.eventsCSV.write(toFile: file, atomically: true, encoding: .utf8)
        let url = try url("events")
        for filter in ["created_at >= \"2024-01-01\"", "year(created_at) == 2024", "day < \"2024-01-01\"",
                       "not (logged between \"2024-01-01\" and \"2024-12-31\")", "month(day) == 6 and weekday(day) == 6",
                       "hour(logged) == 12", "created_at in (\"2024-06-15T12:00:00Z\")", "created_at is null"] {
            let sql = try CommandRunner.run(["count", url, "--where", filter])
            #expect(sql.status == 0, "\(filter): \(sql.stderr)")
            #expect(sql.stdout == (try CommandRunner.run(["count", file, "--where", filter]).stdout), "\(filter)")
        }
        let parse = { (text: String) in
            ((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["columns"] as? [[String: Any]]) ?? []
        }
        let fromSQL = try parse(CommandRunner.run(["info", url, "--format", "json"]).stdout)
        let fromFile = try parse(CommandRunner.run(["info", file, "--format", "json"]).stdout)
        #expect(fromSQL.count == 4)
        for (a, b) in zip(fromSQL, fromFile) {
            for key in ["name", "kind", "missing", "distinct", "min", "max", "median"] {
                #expect("\(a[key] ?? "nil")" == "\(b[key] ?? "nil")", "\(a["name"] ?? "") \(key)")
            }
        }
        _ = try CommandRunner.run(["export", url, "--where", "created_at > \"2023-12-31\"", "-o", folder + "/sql.csv"])
        _ = try CommandRunner.run(["export", file, "--where", "created_at > \"2023-12-31\"", "-o", folder + "/file.csv"])
        let exported = try String(contentsOfFile: folder + "/sql.csv", encoding: .utf8)
        #expect(exported == (try String(contentsOfFile: folder + "/file.csv", encoding: .utf8)))
        #expect(exported.contains("2024-06-15T12:00:00Z"))
        // A derived column over a time is computed by the engine.
        let derived = ["--derive", "late=hour(logged) >= 12", "--where", "late"]
        #expect(try CommandRunner.run(["count", url] + derived).stdout == CommandRunner.run(["count", file] + derived).stdout)
        // Times group as in memory in the engine, and a command that pulls the columns (here a
        // sample as large as the table) reads them as times too.
        let exact = ["--exact", "--columns", "day", "--where", "day > \"2023-12-31\""]
        let exactLine = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("exact duplicates:") }?.prefix(40) }
        let loaded = try CommandRunner.run(["duplicates", file] + exact)
        let counted = try CommandRunner.run(["duplicates", url] + exact)
        let pulled = try CommandRunner.run(["duplicates", url, "--sample", "1000"] + exact)
        #expect(counted.status == 0 && pulled.status == 0, "\(counted.stderr) \(pulled.stderr)")
        #expect(exactLine(loaded.stdout) != nil)
        #expect(exactLine(counted.stdout) == exactLine(loaded.stdout) && exactLine(pulled.stdout) == exactLine(loaded.stdout),
                "\(counted.stdout) \(pulled.stdout) \(loaded.stdout)")
    }
}
