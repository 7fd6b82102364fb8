import Foundation
import Testing
import TuttiTestSupport
@testable import TuttiCore

@Suite struct AdultTests {
    @Test func shapeAndMissingCounts() {
        #expect(adult.rowCount == 48_842)
        #expect(adult.columns.count == 20)
        #expect(adult.column(named: "workclass")?.missingCount == 2_799)
        #expect(adult.column(named: "occupation")?.missingCount == 2_809)
        #expect(adult.column(named: "native_country")?.missingCount == 857)
    }

    @Test func rolesAreInferred() {
        let roles = ColumnRoles.infer(from: adult)
        #expect(roles[.label] == "label")
        #expect(roles[.prediction] == "prediction")
        #expect(roles[.score] == "score")
        #expect(roles[.loss] == "loss")
        #expect(roles[.split] == "split")
        #expect(roles[.id] == nil)
    }

    @Test func roleOverrideSuggestsNames() throws {
        var roles = ColumnRoles.infer(from: adult)
        try roles.assign(.label, to: "income", in: adult)
        #expect(roles[.label] == "income")
        #expect(throws: TuttiError.unknownColumn("incme", suggestion: "income", context: "--label")) {
            try roles.assign(.label, to: "incme", in: adult)
        }
    }

    @Test func summaries() {
        let summaries = ColumnSummary.compute(adult, roles: ColumnRoles.infer(from: adult))
        let sex = summaries.first { $0.name == "sex" }
        #expect(sex?.distinct == 2)
        #expect(sex?.top.first == ColumnSummary.ValueCount(value: "Male", count: 32_650))
        let age = summaries.first { $0.name == "age" }
        #expect(age?.min == 17 && age?.max == 90)
        #expect(summaries.first { $0.name == "split" }?.role == .split)
    }

    @Test func gzipAndPlainGiveTheSameData() throws {
        let fromGzip = try DatasetLoader.load(AdultFixture.bundledPath).dataset
        #expect(fromGzip.columns == adult.columns)
    }
}
