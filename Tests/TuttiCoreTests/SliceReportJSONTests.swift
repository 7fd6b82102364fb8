import Foundation
import Testing
@testable import TuttiCore

@Suite struct SliceReportJSONTests {
    static func testSplitBySex() throws -> (SliceReport, SliceEvaluator) {
        let filter = try FilterExpression("split == \"test\"", dataset: adult).evaluate(adult)
        let evaluator = try SliceEvaluator(dataset: adult, roles: ColumnRoles.infer(from: adult))
        var report = try SliceReport.grouped(dataset: adult, evaluator: evaluator, columns: ["sex"],
                                             binning: .equalWidth(10), filter: filter)
        report.sort(by: .error)
        return (report, evaluator)
    }

    @Test func groupsCarryEveryMetricIntervalAndGap() throws {
        let (report, evaluator) = try Self.testSplitBySex()
        let json = SliceReportJSON(report: report, evaluator: evaluator, objective: .error, binning: .equalWidth(10),
                                   name: "adult", rowCount: adult.rowCount, filter: "split == \"test\"", shown: 10)
        #expect(json.mode == "groups" && json.metric == "error" && json.positive == "1" && json.search == nil)
        #expect(json.rows == 48_842 && json.filtered == 16_281)
        let female = try #require(json.slices.last)
        #expect(female.predicates == [SliceReportJSON.Predicate(column: "sex", op: "==", value: .string("Female"))])
        #expect(female.size == 5_421 && female.metrics.size == 5_421 && female.score == nil)
        #expect(female.metrics.values["error"]! == report.entries[1].metrics.value(.error))
        #expect(female.metrics.values["error_gap"]! == report.entries[1].metrics.gap(.error, to: report.overall))
        #expect(female.metrics.values["error_low"]! == report.entries[1].metrics.interval(.error)?.lower)
        #expect(json.overall.values["error_gap"] == nil && json.overall.values["error"] != nil)
    }

    @Test func textWritesNullsAndReadsBack() throws {
        let (report, evaluator) = try Self.testSplitBySex()
        let json = SliceReportJSON(report: report, evaluator: evaluator, objective: .error, binning: .quantiles(4),
                                   name: "a/b.csv", rowCount: adult.rowCount, filter: nil, shown: 10)
        let text = try json.text()
        #expect(text.contains("\"where\" : null") && text.contains("\"search\" : null") && text.contains("\"score\" : null"))
        #expect(text.contains("\"file\" : \"a/b.csv\""))
        #expect(try JSONDecoder().decode(SliceReportJSON.self, from: Data(text.utf8)) == json)
    }

    @Test func numbersReadTheSameEverywhere() {
        #expect(NumberFormatting.fixed(0.25) == "0.2500" && NumberFormatting.fixed(0.12345, decimals: 3) == "0.123")
        #expect(NumberFormatting.metric(nil) == "–" && NumberFormatting.metric(0.5) == "0.5000")
        #expect(NumberFormatting.signed(nil) == "" && NumberFormatting.signed(-0.0671, decimals: 3) == "-0.067")
        #expect(NumberFormatting.signed(-0.00001) == "±0.0000" && NumberFormatting.signed(-0.00001, marksZero: false) == "-0.0000")
        #expect(NumberFormatting.signed(123.4, decimals: 0) == "+123" && NumberFormatting.signed(0.0, decimals: 0) == "±0")
        #expect(NumberFormatting.percent(0.0001) == "<0.1%" && NumberFormatting.percent(0.0001, marksTiny: false) == "0.0%")
        #expect(NumberFormatting.percent(0.673) == "67.3%" && NumberFormatting.rows(1) == "1 row")
    }
}
