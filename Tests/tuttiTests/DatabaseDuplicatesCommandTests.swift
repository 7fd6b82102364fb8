import Foundation
import Testing
import TuttiTestSupport

/// `tutti duplicates` over a PostgreSQL URL: exact duplicates counted by the engine (no row
/// pulled), the same counts as the demo data's (the Adult oracles of ../shared/data/README.md);
/// `--sample N` searches a random sample and says so.
@Suite struct DatabaseDuplicatesCommandTests {
    private func adultURL() throws -> String {
        try PostgresServer.withAdult().url(query: "table=adult")
    }

    private func summary(_ text: String) throws -> [String: Int] {
        let document = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(document["summary"] as? [String: Int])
    }

    @Test(arguments: [["--ignore", "split"], [], ["--where", "split == \"test\" or age > 70"], ["--columns", "age,sex,race"]])
    func exactDuplicatesAreCountedByTheEngine(_ arguments: [String]) throws {
        let sql = try CommandRunner.run(["duplicates", try adultURL(), "--exact", "--format", "json"] + arguments)
        let file = try CommandRunner.run(["duplicates", "--demo", "--exact", "--format", "json"] + arguments)
        #expect(sql.status == 0 && file.status == 0, "\(sql.stderr) \(file.stderr)")
        #expect(!sql.stderr.contains("into memory"), "\(sql.stderr)")
        #expect(try summary(sql.stdout) == summary(file.stdout))
        if arguments == ["--ignore", "split"] { #expect(try summary(sql.stdout)["exact_extra_rows"] == 52) }
    }

    @Test func theTableSaysTheDatabaseCounted() throws {
        let outcome = try CommandRunner.run(["duplicates", try adultURL(), "--exact", "--ignore", "split"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("52 extra rows (counted by the database"), "\(outcome.stdout)")
        let attack = try CommandRunner.run(["duplicates", try adultURL(), "--exact", "--columns", "sex\"; DROP TABLE adult; --"])
        #expect(attack.status == 1 && attack.stderr.contains("sex\"; DROP TABLE adult; --"), "\(attack.stderr)")
        #expect(try CommandRunner.run(["count", try adultURL()]).stdout.contains("48842"))
    }

    @Test func aSampleIsSearchedInMemoryAndSaidSo() throws {
        let url = try adultURL()
        let json = try CommandRunner.run(["duplicates", url, "--sample", "2000", "--near-vectors", "--vector-columns",
                                          "age,education_num,hours_per_week", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sample = try #require(document["sample"] as? [String: Int])
        #expect(sample == ["rows": 2000, "of": 48842])
        let table = try CommandRunner.run(["duplicates", url, "--sample", "3000", "--where", "split == \"test\"", "--exact"])
        #expect(table.stdout.contains("a random sample of 3,000 of 16,281 rows searched"), "\(table.stdout)")
        let file = try CommandRunner.run(["duplicates", "--demo", "--sample", "10"])
        #expect(file.status == 2 && file.stderr.contains("--sample applies to a database"), "\(file.stderr)")
    }
}
