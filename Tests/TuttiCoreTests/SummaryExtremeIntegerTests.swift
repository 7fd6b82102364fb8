import Testing
@testable import TuttiCore

/// Integers beyond 2^53 do not survive a trip through `Double`: the summary must count them exactly.
@Suite struct SummaryExtremeIntegerTests {
    private func distinct(_ csv: String) throws -> Int? {
        let dataset = try load(csv).dataset
        return ColumnSummary.compute(dataset, roles: ColumnRoles.infer(from: dataset)).first?.distinct
    }

    @Test func theLargestIntegerAlone() throws {
        #expect(try distinct("a\n9223372036854775807\n") == 1)
    }

    @Test func anIntegerThatDoubleRoundsUp() throws {
        #expect(try distinct("a\n596132178329094646\n596132178329094646\n") == 1)
    }

    @Test func neighboursPastTwoToTheFiftyThreeStayApart() throws {
        #expect(try distinct("a\n9007199254740993\n9007199254740992\n9007199254740994\n-9223372036854775808\n") == 4)
    }
}
