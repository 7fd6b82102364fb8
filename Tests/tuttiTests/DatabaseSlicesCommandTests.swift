import Foundation
import Testing
import TuttiCore
import TuttiTestSupport

/// `tutti slices` over a PostgreSQL URL: `--by` counted by the engine (no row pulled), `--discover`
/// searching a sample and the engine measuring the slices found; the numbers are those of the
/// same command on the demo data (the Adult oracles of ../shared/data/README.md).
@Suite struct DatabaseSlicesCommandTests {
    private func adultURL() throws -> String {
        try PostgresServer.withAdult().url(query: "table=adult")
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func close(_ a: Any?, _ b: Any?) -> Bool {
        switch (a as? Double, b as? Double) {
        case let (x?, y?): return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
        default: return (a as? NSObject).map { $0.isEqual(b) } ?? false
        }
    }

    /// Runs `slices` over the database and the demo data; expects success, no rows pulled for
    /// `--by`, and the same JSON numbers: slices by expression with sizes equal and metrics close
    /// (per-class metrics equal). `sample` is given to the database only.
    @discardableResult
    private func sameJSON(_ arguments: [String], sample: Int? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let sampled = sample.map { ["--sample", String($0)] } ?? []
        let sql = try CommandRunner.run(["slices", try adultURL()] + arguments + sampled + ["--format", "json"])
        let file = try CommandRunner.run(["slices", "--demo"] + arguments + ["--format", "json"])
        #expect(sql.status == 0 && file.status == 0, "\(sql.stderr) \(file.stderr)", sourceLocation: sourceLocation)
        if arguments.contains("--by") {
            #expect(!sql.stderr.contains("into memory"), "\(sql.stderr)", sourceLocation: sourceLocation)
        }
        let a = try json(sql.stdout), b = try json(file.stdout)
        for key in ["rows", "filtered", "mode", "metric", "positive", "binning"] {
            #expect("\(a[key] ?? "")" == "\(b[key] ?? "")", "\(key)", sourceLocation: sourceLocation)
        }
        let slices = { (document: [String: Any]) in
            Dictionary(uniqueKeysWithValues: ((document["slices"] as? [[String: Any]]) ?? []).map {
                ("\($0["expression"] ?? "")", $0)
            })
        }
        let mine = slices(a), theirs = slices(b)
        #expect(Set(mine.keys) == Set(theirs.keys), sourceLocation: sourceLocation)
        #expect(!mine.isEmpty, sourceLocation: sourceLocation)
        let pairs = [("(all rows)", a["overall"], b["overall"])]
            + mine.compactMap { key, slice in theirs[key].map { (key, slice["metrics"], $0["metrics"]) } }
        for (name, x, y) in pairs {
            let m = x as? [String: Any] ?? [:], n = y as? [String: Any] ?? [:]
            #expect(Set(m.keys) == Set(n.keys) && m["size"] as? Int == n["size"] as? Int, "\(name)", sourceLocation: sourceLocation)
            for (key, value) in m where key != "size" {
                #expect(close(value, n[key]), "\(name) \(key): \(value) vs \(n[key] ?? "none")", sourceLocation: sourceLocation)
            }
        }
        return a
    }

    @Test func slicesByColumnsAreCountedByTheEngine() throws {
        try sameJSON(["--by", "sex"])
        try sameJSON(["--by", "relationship,workclass", "--where", "split == \"test\""])
        try sameJSON(["--by", "workclass,age", "--metric", "fnr", "--per-class"])
        try sameJSON(["--by", "hours_per_week", "--bins", "5", "--label", "prediction", "--prediction", "label"])
        // A regression: the label and prediction roles on numbers with many values.
        try sameJSON(["--by", "sex", "--label", "hours_per_week", "--prediction", "age", "--score", "score"])
        // The table prints the same, the data's name aside.
        let arguments = ["--by", "race,sex", "--where", "age >= 40", "--top", "6"]
        let sql = try CommandRunner.run(["slices", try adultURL()] + arguments)
        let file = try CommandRunner.run(["slices", "--demo"] + arguments)
        let afterName = { (text: String) in text.components(separatedBy: " rows (where ").dropFirst().first }
        #expect(sql.status == 0 && afterName(sql.stdout) != nil, "\(sql.stderr)")
        #expect(afterName(sql.stdout) == afterName(file.stdout))
    }

    @Test func quantileBinsStillPullTheRows() throws {
        let sql = try CommandRunner.run(["slices", try adultURL(), "--by", "age", "--quantiles", "4", "--format", "csv"])
        #expect(sql.status == 0 && sql.stderr.contains("into memory"), "\(sql.stderr)")
    }

    @Test func sliceLineOnTheWholeRowsFindsTheSlicesOfTheFile() throws {
        let document = try sameJSON(["--discover", "--where", "split == \"test\"", "--top", "5"], sample: 100_000)
        let sample = try #require(document["sample"] as? [String: Any])
        #expect(sample["rows"] as? Int == 16281 && sample["of"] as? Int == 16281)
    }

    @Test func sliceLineOnASampleSaysSoAndMeasuresEveryRow() throws {
        let outcome = try CommandRunner.run(["slices", try adultURL(), "--discover", "--sample", "3000", "--top", "4",
                                             "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("random sample of 3000 rows"), "\(outcome.stderr)")
        let document = try json(outcome.stdout)
        let sample = try #require(document["sample"] as? [String: Any])
        #expect(sample["rows"] as? Int == 3000 && sample["of"] as? Int == 48842)
        #expect((document["search"] as? [String: Any])?["rows"] as? Int == 3000)
        let adult = AdultFixture.dataset
        let slices = try #require(document["slices"] as? [[String: Any]])
        #expect(!slices.isEmpty)
        for slice in slices {
            let expression = "\(slice["expression"] ?? "")"
            let rows = try FilterExpression(expression, dataset: adult).evaluate(adult)
            #expect(slice["size"] as? Int == rows.count, "\(expression)")
        }
        let table = try CommandRunner.run(["slices", try adultURL(), "--discover", "--sample", "3000"])
        #expect(table.stdout.contains("slices found on sample 3,000 of 48,842 rows"), "\(table.stdout)")
    }

    @Test func columnNamesCannotCarrySQL() throws {
        let url = try adultURL()
        let attack = try CommandRunner.run(["slices", url, "--by", "sex\"; DROP TABLE adult; --"])
        #expect(attack.status == 1 && attack.stderr.contains("unknown column"), "\(attack.stderr)")
        let count = try CommandRunner.run(["count", url])
        #expect(count.stdout.contains("48842") || count.stdout.contains("48,842"), "\(count.stdout)")
    }

    @Test func commandsThatPullLeaveTheNumbersTheyDoNotReadInTheDatabase() throws {
        let url = try adultURL()
        // 10 string columns, and of the 10 number columns: the vectors, the filter's and the roles'.
        let familiarity = try CommandRunner.run(["familiarity", url, "--vector-columns", "age,fnlwgt,capital_gain",
                                                 "--where", "hours_per_week > 60", "--limit", "3", "--format", "csv"])
        #expect(familiarity.status == 0 && familiarity.stderr.contains("× 18 columns"), "\(familiarity.stderr)")
        let compare = try CommandRunner.run(["compare", url, "--models", "hgb=prediction:score,copy=label", "--label", "income",
                                             "--by", "age",
                                             "--format", "csv"])
        #expect(compare.status == 0 && compare.stderr.contains("× 15 columns"), "\(compare.stderr)")
        // SliceLine searches every number column: compare without --by pulls them all.
        let discover = try CommandRunner.run(["compare", url, "--models", "hgb=prediction:score,copy=label", "--label", "income",
                                              "--top", "2",
                                              "--format", "csv"])
        #expect(discover.stderr.contains("× 20 columns"), "\(discover.stderr)")
    }
}
