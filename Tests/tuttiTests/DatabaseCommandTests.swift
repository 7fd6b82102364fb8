import Foundation
import Testing
import TuttiTestSupport

/// `tutti count | info | export` over a PostgreSQL URL give what they give over the same data
/// in a file (the Adult oracles of ../shared/data/README.md).
@Suite struct DatabaseCommandTests {
    private func adultURL() throws -> String {
        try PostgresServer.withAdult().url(query: "table=adult")
    }

    @Test func countGivesTheOraclesOfTheDemo() throws {
        let url = try adultURL()
        #expect(try CommandRunner.run(["count", url]).stdout == "48842\n")
        let outcome = try CommandRunner.run(["count", url, "--where", "split == \"test\" and label != prediction"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "2091\n")
        #expect(try CommandRunner.run(["count", url, "--where", "age > 50 and sex == \"Female\""]).stdout == "2922\n")
        for filter in ["workclass != \"Private\"", "workclass is null", "not (occupation == \"Sales\")"] {
            #expect(try CommandRunner.run(["count", url, "--where", filter]).stdout
                == CommandRunner.run(["count", "--demo", "--where", filter]).stdout, "\(filter)")
        }
    }

    @Test func aQueryIsTheSource() throws {
        let server = try PostgresServer.withAdult()
        let outcome = try CommandRunner.run(["count", server.url(), "--query", "SELECT * FROM adult WHERE split = 'test'",
                                             "--where", "label != prediction"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "2091\n")
    }

    @Test func infoMatchesTheDemo() throws {
        let url = try adultURL()
        let fromSQL = try CommandRunner.run(["info", url, "--format", "json", "--where", "split == \"test\""])
        let fromFile = try CommandRunner.run(["info", "--demo", "--format", "json", "--where", "split == \"test\""])
        #expect(fromSQL.status == 0, "\(fromSQL.stderr)")
        let parse = { (text: String) in
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        }
        let sql = try parse(fromSQL.stdout), file = try parse(fromFile.stdout)
        #expect(sql["file"] as? String == url)
        #expect(sql["rows"] as? Int == 16281 && file["rows"] as? Int == 16281)
        let columns = { (report: [String: Any]) in report["columns"] as? [[String: Any]] ?? [] }
        #expect(columns(sql).count == 20)
        for (a, b) in zip(columns(sql), columns(file)) {
            for key in ["name", "kind", "role", "missing", "distinct", "min", "max"] {
                #expect("\(a[key] ?? "nil")" == "\(b[key] ?? "nil")", "\(a["name"] ?? "") \(key)")
            }
            let top = { (entry: [String: Any]) in
                (entry["top"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? "")=\($0["count"] ?? "")" }
            }
            #expect(top(a) == top(b), "\(a["name"] ?? "") top")
        }
        let table = try CommandRunner.run(["info", url])
        #expect(table.stdout.hasPrefix("\(url): 48,842 rows, 20 columns"))
    }

    @Test func exportWritesWhatAnExportOfTheFileWrites() throws {
        let folder = NSTemporaryDirectory() + "tutti-db-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = try adultURL()
        let filter = "split == \"test\" and label != prediction"
        let outcome = try CommandRunner.run(["export", url, "--where", filter, "--columns", "age,sex,score", "-o", folder + "/sql.csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("wrote 2,091 rows × 3 columns"), "\(outcome.stderr)")
        _ = try CommandRunner.run(["export", "--demo", "--where", filter, "--columns", "age,sex,score", "-o", folder + "/file.csv"])
        // The same lines; PostgreSQL keeps a bulk load's rows where they fit, not in the file's order.
        let lines = { (name: String) in
            try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n")
        }
        #expect(try lines("sql.csv").first == "age,sex,score")
        #expect(try lines("sql.csv").sorted() == lines("file.csv").sorted())
        // An existing file stays without --force.
        let again = try CommandRunner.run(["export", url, "-o", folder + "/sql.csv"])
        #expect(again.status == 1)
    }

    @Test func aParquetExportFromTheDatabaseReadsBackAsTheRows() throws {
        let folder = NSTemporaryDirectory() + "tutti-db-parquet-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = try adultURL()
        let filter = "split == \"test\" and label != prediction"
        let columns = "age,workclass,sex,score,label"
        let exported = try CommandRunner.run(["export", url, "--where", filter, "--columns", columns, "-o", folder + "/sql.parquet"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr.contains("wrote 2,091 rows × 5 columns"), "\(exported.stderr)")
        // Read back by tutti's Parquet loader, the rows are those of the same export from the file.
        _ = try CommandRunner.run(["export", folder + "/sql.parquet", "-o", folder + "/back.csv"])
        _ = try CommandRunner.run(["export", "--demo", "--where", filter, "--columns", columns, "-o", folder + "/file.csv"])
        let lines = { (name: String) in
            try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n").sorted()
        }
        #expect(try lines("back.csv") == lines("file.csv"))
        // Past one batch of rows (65,536), a row group per batch; none of a filter that keeps nothing.
        let tripled = try CommandRunner.run(["export", try PostgresServer.withAdult().url(),
                                             "--query", "SELECT a.* FROM adult a CROSS JOIN generate_series(1, 3) AS g",
                                             "--columns", "age,sex", "-o", folder + "/big.parquet"])
        #expect(tripled.status == 0, "\(tripled.stderr)")
        let count = try CommandRunner.run(["count", folder + "/big.parquet", "--where", "sex == \"Female\""])
        #expect(count.stdout == "48576\n", "\(count.stdout)\(count.stderr)")
        let none = try CommandRunner.run(["export", url, "--where", "age > 200", "-o", folder + "/none.parquet"])
        #expect(none.status == 0 && none.stderr.contains("wrote 0 rows"), "\(none.stderr)")
        let info = try CommandRunner.run(["info", folder + "/none.parquet"])
        #expect(info.status == 0 && info.stdout.contains("0 rows, 20 columns"), "\(info.stdout)\(info.stderr)")
    }

    @Test func failuresAreMessagesWithoutThePassword() throws {
        let refused = try CommandRunner.run(["count", "postgresql://ana:hunter2@127.0.0.1:1/db?table=adult"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("tutti: cannot connect to postgresql://ana@127.0.0.1:1/db?table=adult: "))
        #expect(!refused.stderr.contains("hunter2"))
        let url = try adultURL()
        let typo = try CommandRunner.run(["count", url, "--where", "sexx == \"Female\""])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("unknown column 'sexx' — did you mean 'sex'?"))
        let unknown = try CommandRunner.run(["slices", url, "--by", "sexx"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("'sexx'") && unknown.stderr.contains("'sex'"), "\(unknown.stderr)")
        let misplaced = try CommandRunner.run(["count", "--demo", "--query", "SELECT 1"])
        #expect(misplaced.status == 2)
    }
}
