import Foundation
import Testing

@Suite struct SlicesCommandTests {
    struct Report: Decodable {
        struct Predicate: Decodable, Equatable { let column: String; let op: String; let value: Value }
        /// A predicate's JSON value: a string, a number, or anything else (null, a list).
        enum Value: Decodable, Equatable {
            case string(String), number(Double), other
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) { self = .string(text) }
                else if let number = try? container.decode(Double.self) { self = .number(number) }
                else { self = .other }
            }
        }
        struct Slice: Decodable {
            let predicates: [Predicate]
            let expression: String
            let size: Int
            let metrics: [String: Double?]
            let score: Double?
        }
        struct Search: Decodable { let alpha: Double; let min_size: Int; let max_level: Int; let k: Int; let evaluated: Int }
        let rows: Int
        let filtered: Int
        let mode: String
        let metric: String
        let positive: String?
        let search: Search?
        let overall: [String: Double?]
        let slices: [Slice]
    }

    static let features = "age,workclass,fnlwgt,education,education_num,marital_status,occupation,relationship,race,sex,"
        + "capital_gain,capital_loss,hours_per_week,native_country"

    private func report(_ arguments: [String]) throws -> Report {
        let outcome = try CommandRunner.run(["slices", "--demo", "--format", "json"] + arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(outcome.stdout.utf8))
    }

    @Test func testSplitBySex() throws {
        let report = try report(["--where", "split == \"test\"", "--by", "sex"])
        #expect(report.mode == "groups" && report.metric == "error" && report.positive == "1")
        #expect(report.rows == 48_842 && report.filtered == 16_281)
        #expect(report.slices.map(\.expression) == ["sex == \"Male\"", "sex == \"Female\""])
        let male = report.slices[0], female = report.slices[1]
        #expect(male.size == 10_860 && female.size == 5_421)
        #expect(female.predicates == [Report.Predicate(column: "sex", op: "==", value: .string("Female"))])
        #expect(abs(female.metrics["error"]!! - 0.0614) < 0.00005)
        #expect(abs(male.metrics["error"]!! - 0.1619) < 0.00005)
        #expect(abs(male.metrics["error_gap"]!! - (male.metrics["error"]!! - report.overall["error"]!!)) < 1e-12)
        #expect(female.metrics["error_low"]!! < 0.0614 && female.metrics["error_high"]!! > 0.0614)
        for key in ["accuracy", "precision", "recall", "f1", "fpr", "fnr", "base_rate", "mean_score", "mean_loss", "share"] {
            #expect(female.metrics[key] != nil, "\(key)")
        }
        #expect(female.score == nil)
    }

    @Test func nothingToSearchSuggestsBy() throws {
        let csv = "split,label,prediction\ntrain,1,1\ntrain,0,1\ntest,1,0\ntest,0,0\n"
        let outcome = try CommandRunner.run(["slices", "-"], stdin: Data(csv.utf8))
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("there is no column to search for slices"))
        #expect(outcome.stderr.contains("compare groups with --by COL"))
        let grouped = try CommandRunner.run(["slices", "-", "--by", "split"], stdin: Data(csv.utf8))
        #expect(grouped.status == 0)
        #expect(grouped.stdout.contains("split == \"test\""))
    }

    @Test func diverseByDefault() throws {
        let diverse = try CommandRunner.run(["slices", "--demo"])
        #expect(diverse.status == 0)
        #expect(diverse.stdout.contains("mostly inside a better slice skipped (--all shows them)"))
        let all = try CommandRunner.run(["slices", "--demo", "--all"])
        #expect(!all.stdout.contains("skipped"))
        let lines = { (text: String) in text.split(separator: "\n").count }
        #expect(lines(all.stdout) > lines(diverse.stdout))
        let misuse = try CommandRunner.run(["slices", "--demo", "--by", "sex", "--all"])
        #expect(misuse.status == 2 && misuse.stderr.contains("--all applies to --discover"))
    }

    @Test func discoveredSlicesReselectTheirRows() throws {
        let report = try report(["--discover", "--all", "--columns", Self.features])
        #expect(report.mode == "discover")
        #expect(report.search?.min_size == 488 && report.search?.alpha == 0.95 && report.search?.k == 10)
        #expect(report.slices.count == 10)
        let scores = report.slices.compactMap(\.score)
        #expect(scores.count == 10 && scores == scores.sorted(by: >))
        let top = try #require(report.slices.first)
        let count = try CommandRunner.run(["count", "--demo", "--where", top.expression])
        #expect(count.status == 0)
        #expect(count.stdout == "\(top.size)\n")
    }

    @Test func discoveryIsTheDefault() throws {
        let outcome = try CommandRunner.run(["slices", "--demo", "--where", "split == \"test\"", "--columns", "sex,race,age",
                                             "--metric", "fnr", "--top", "3", "--max-level", "2", "--min-size", "100"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "adult_scored.csv (demo): 16,281 of 48,842 rows (where split == \"test\"); positive class 1")
        #expect(lines[1].hasPrefix("SliceLine on fnr over 3,846 rows and 3 columns (numbers in 10 equal-width bins): minimum size 100"))
        #expect(lines[2].hasPrefix("expected calibration error (ECE) of the score: 0."))
        #expect(lines[4].hasPrefix("  rows   share     fnr"))
        // Heading, blank line, header, the overall row, 1 to 3 slices, and the final line break.
        let slices = lines.count - 5 - 1 - 1
        #expect(slices >= 1 && slices <= 3)
    }

    @Test func csvAndMarkdown() throws {
        let csv = try CommandRunner.run(["slices", "--demo", "--by", "race", "--format", "csv", "--quantiles", "4"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines[0] == "slice,size,share,accuracy,accuracy_low,accuracy_high,accuracy_gap,error,error_low,error_high,"
            + "error_gap,precision,precision_low,precision_high,precision_gap,recall,recall_low,recall_high,recall_gap,f1,"
            + "f1_gap,fpr,fpr_low,fpr_high,fpr_gap,fnr,fnr_low,fnr_high,fnr_gap,base_rate,base_rate_low,base_rate_high,"
            + "base_rate_gap,mean_score,mean_score_gap,mean_loss,mean_loss_gap,ece,ece_gap")
        #expect(lines[1].hasPrefix("(all rows),48842,1,"))
        #expect(lines.count == 2 + 5)
        let markdown = try CommandRunner.run(["slices", "--demo", "--by", "age", "--bins", "4", "--metric", "loss",
                                              "--format", "markdown", "--top", "2"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("| rows | share | mean loss | gap | error | fpr | fnr | f1 | slice |"))
        #expect(markdown.stdout.contains("| 48,842 | 100.0% |"))
        // Heading (with the calibration error), table header and rule, all rows and two slices.
        #expect(markdown.stdout.split(separator: "\n").count == 3 + 2 + 3)
    }

    @Test func usageErrors() throws {
        for arguments in [["--by", "a,b,c,d"], ["--by", "sex", "--discover"], ["--alpha", "1.5"], ["--top", "0"],
                          ["--by", "sex", "--alpha", "0.5"], ["--bins", "5", "--quantiles", "5"]] {
            let outcome = try CommandRunner.run(["slices", "--demo"] + arguments)
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
        }
        let unknown = try CommandRunner.run(["slices", "--demo", "--by", "sexx"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown column 'sexx' — did you mean 'sex'?"))
        let badPositive = try CommandRunner.run(["slices", "--demo", "--by", "sex", "--positive", "yes"])
        #expect(badPositive.status == 1)
        #expect(badPositive.stderr.contains("positive class 'yes'"))
        let noRoles = try CommandRunner.run(["slices", "-", "--by", "x"], stdin: Data("x,y\n1,a\n2,b\n".utf8))
        #expect(noRoles.status == 1)
        #expect(noRoles.stderr.contains("need label and prediction columns or a loss column"))
    }
}

/// Predicates carry their values as JSON data, the expression as text.
@Suite struct SlicePredicateValueTests {
    @Test func numericSlicesHaveNumberValues() throws {
        let outcome = try CommandRunner.run(["slices", "--demo", "--format", "json", "--by", "age"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let slices = try #require(object["slices"] as? [[String: Any]])
        let predicates = slices.flatMap { ($0["predicates"] as? [[String: Any]]) ?? [] }
        #expect(!predicates.isEmpty && predicates.allSatisfy { $0["value"] is NSNumber })
        #expect(slices.allSatisfy { ($0["expression"] as? String)?.contains("age") == true })
    }
}
