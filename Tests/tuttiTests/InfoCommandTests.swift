import Foundation
import Testing

@Suite struct InfoCommandTests {
    struct Report: Decodable {
        struct Top: Decodable { let value: String; let count: Int }
        struct Column: Decodable {
            let name: String
            let kind: String
            let role: String?
            let missing: Int
            let distinct: Int
            let min: Double?
            let max: Double?
            let mean: Double?
            let top: [Top]
        }
        let file: String
        let rows: Int
        let columns: [Column]
    }

    @Test func demoAsJSON() throws {
        let outcome = try CommandRunner.run(["info", "--demo", "--format", "json"])
        #expect(outcome.status == 0)
        let report = try JSONDecoder().decode(Report.self, from: Data(outcome.stdout.utf8))
        #expect(report.rows == 48_842)
        #expect(report.columns.count == 20)
        let byName = Dictionary(uniqueKeysWithValues: report.columns.map { ($0.name, $0) })
        #expect(byName["workclass"]?.missing == 2_799)
        #expect(byName["occupation"]?.missing == 2_809)
        #expect(byName["native_country"]?.missing == 857)
        for role in ["label", "prediction", "score", "loss", "split"] { #expect(byName[role]?.role == role) }
        #expect(byName["sex"]?.top.first?.value == "Male")
        #expect(byName["sex"]?.top.first?.count == 32_650)
        #expect(byName["age"]?.min == 17)
        #expect(byName["workclass"]?.min == nil)
    }

    @Test func tableNamesFileAndRows() throws {
        let outcome = try CommandRunner.run(["info", "--demo"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("adult_scored.csv (demo): 48,842 rows, 20 columns"))
        #expect(outcome.stdout.contains("native_country  categorical"))
    }

    @Test func readsStandardInput() throws {
        let outcome = try CommandRunner.run(["info", "-", "--format", "json"], stdin: Data("x,y\n1,a\n2,b\n".utf8))
        #expect(outcome.status == 0)
        let report = try JSONDecoder().decode(Report.self, from: Data(outcome.stdout.utf8))
        #expect(report.rows == 2)
        #expect(report.file == "<stdin>")
    }

    @Test func roleFlagOverridesAndSuggests() throws {
        let ok = try CommandRunner.run(["info", "--demo", "--label", "income", "--format", "json"])
        let report = try JSONDecoder().decode(Report.self, from: Data(ok.stdout.utf8))
        #expect(report.columns.first { $0.name == "income" }?.role == "label")
        let bad = try CommandRunner.run(["info", "--demo", "--label", "incme"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("did you mean 'income'?"))
    }

    @Test func errorsExitOneWithTheFileName() throws {
        let outcome = try CommandRunner.run(["info", "/nonexistent/data.csv"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "tutti: /nonexistent/data.csv: no such file\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CommandRunner.run(["info"]).status == 2)
        #expect(try CommandRunner.run(["info", "--demo", "--format", "yaml"]).status == 2)
        #expect(try CommandRunner.run(["--frobnicate"]).status == 2)
        #expect(try CommandRunner.run(["no-such-file.csv"]).status == 1)
    }

    @Test func helpExitsZero() throws {
        let outcome = try CommandRunner.run(["info", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("--format"))
        #expect(try CommandRunner.run(["--help"]).stdout.contains("info"))
    }

    @Test func warningsGoToStderr() throws {
        let outcome = try CommandRunner.run(["info", "-"], stdin: Data("a,b\n1\n2,3\n".utf8))
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("warning: <stdin>: 1 row has fewer cells"))
    }
}
