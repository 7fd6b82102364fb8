import Foundation
import Testing

/// `--derive NAME=EXPR` and `--time-format` on the headless commands.
@Suite struct DeriveCommandTests {
    static let csv = "label,prediction,score,when\n1,1,0.9,23/12/2009 17:38\n0,1,0.6,01/02/2010 09:05\n1,0,0.1,05/06/2016 00:00\n"

    @Test func derivedColumnsWorkInFiltersAndInfo() throws {
        let count = try CommandRunner.run(["count", "-", "--derive", "correct=label == prediction",
                                           "--derive", "margin=abs(score - 0.5)", "--where", "not correct and margin > 0.3"],
                                          stdin: Data(Self.csv.utf8))
        #expect(count.status == 0, "\(count.stderr)")
        #expect(count.stdout == "1\n")
        let info = try CommandRunner.run(["info", "-", "--time-format", "%d/%m/%Y %H:%M", "--derive", "year=year(when)",
                                          "--format", "json"], stdin: Data(Self.csv.utf8))
        #expect(info.status == 0, "\(info.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let columns = try #require(object["columns"] as? [[String: Any]])
        let when = try #require(columns.first { $0["name"] as? String == "when" })
        #expect(when["kind"] as? String == "datetime" && when["min"] as? String == "2009-12-23T17:38:00Z")
        let year = try #require(columns.first { $0["name"] as? String == "year" })
        #expect(year["kind"] as? String == "integer" && year["max"] as? Double == 2016)
    }

    @Test func ifWithStringsMakesACategoricalColumn() throws {
        let derive = ["--derive", #"verdict=if(label == prediction, "right", "wrong")"#]
        let count = try CommandRunner.run(["count", "-"] + derive + ["--where", #"verdict == "wrong""#],
                                          stdin: Data(Self.csv.utf8))
        #expect(count.status == 0, "\(count.stderr)")
        #expect(count.stdout == "2\n")
        // Two values over six rows repeat enough for a categorical column.
        let six = "label,prediction\n1,1\n0,1\n1,0\n0,0\n1,1\n0,0\n"
        let info = try CommandRunner.run(["info", "-"] + derive + ["--format", "json"], stdin: Data(six.utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let columns = try #require(object["columns"] as? [[String: Any]])
        let verdict = try #require(columns.first { $0["name"] as? String == "verdict" })
        #expect(verdict["kind"] as? String == "categorical")
    }

    @Test func errorsPointAtTheExpressionWithACaret() throws {
        let outcome = try CommandRunner.run(["count", "-", "--derive", "m=abs(scor - 0.5)"], stdin: Data(Self.csv.utf8))
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("derived column 'm': unknown column 'scor'") && outcome.stderr.contains("^^^^"))
        let usage = try CommandRunner.run(["count", "-", "--derive", "no equals"], stdin: Data(Self.csv.utf8))
        #expect(usage.status == 2 && usage.stderr.contains("NAME=EXPRESSION"))
        let format = try CommandRunner.run(["count", "-", "--time-format", "%q"], stdin: Data(Self.csv.utf8))
        #expect(format.status == 2 && format.stderr.contains("unknown directive"))
    }
}
