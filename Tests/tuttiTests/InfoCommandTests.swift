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
            let distinct: Int?
            let min: Double?
            let max: Double?
            let mean: Double?
            let top: [Top]
            let width: Int?
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

    @Test func vectorsHaveAWidthAndClassLabelsNoMean() throws {
        let digits = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TuttiCoreTests/Fixtures/digits.jsonl.gz").path
        let outcome = try CommandRunner.run(["info", digits, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(outcome.stdout.utf8))
        let byName = Dictionary(uniqueKeysWithValues: report.columns.map { ($0.name, $0) })
        #expect(byName["pixels"]?.kind == "vector" && byName["pixels"]?.width == 64)
        #expect(byName["pixels"]?.distinct == nil)
        #expect(byName["label"]?.role == "label" && byName["label"]?.mean == nil && byName["label"]?.distinct == 10)
        let table = try CommandRunner.run(["info", digits])
        let pixels = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("pixels ") })
        #expect(pixels.contains("vector[64]") && pixels.contains("—"))

        // Adult: the label and the prediction are classes; a column of the same 0/1 values too.
        let demo = try JSONDecoder().decode(Report.self, from: Data(try CommandRunner.run(["info", "--demo", "--format", "json"]).stdout.utf8))
        let adult = Dictionary(uniqueKeysWithValues: demo.columns.map { ($0.name, $0) })
        #expect(adult["label"]?.mean == nil && adult["prediction"]?.mean == nil)
        #expect(adult["age"]?.mean != nil && adult["score"]?.mean != nil)
        let csv = "label,prediction,other,count\n0,1,1,5\n1,1,0,70\n1,0,1,3\n"
        let small = try JSONDecoder().decode(Report.self, from: Data(try CommandRunner.run(["info", "-", "--format", "json"],
                                                                                         stdin: Data(csv.utf8)).stdout.utf8))
        #expect(small.columns.map { $0.mean == nil } == [true, true, true, false])
        // Classes with a gap: a column within their bounds holding a value between them is not classes.
        let gapped = "label,between,same\n0,0,2\n2,1,0\n2,0,2\n"
        let gap = try JSONDecoder().decode(Report.self, from: Data(try CommandRunner.run(["info", "-", "--format", "json"],
                                                                                       stdin: Data(gapped.utf8)).stdout.utf8))
        #expect(gap.columns.map { $0.mean == nil } == [true, false, true])
        // Three classes: a column holding all of them is classes, one holding another value is not.
        let three = "label,all,other\n0,2,0\n1,0,1\n2,1,3\n1,2,1\n"
        let classes = try JSONDecoder().decode(Report.self, from: Data(try CommandRunner.run(["info", "-", "--format", "json"],
                                                                                           stdin: Data(three.utf8)).stdout.utf8))
        #expect(classes.columns.map { $0.mean == nil } == [true, true, false])
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
