import Foundation
import Testing
@testable import TuttiCore

/// `familiarity(…)` as a derived column's expression.
@Suite struct FamiliarityColumnTests {
    static let dataset: Dataset = {
        let vectors: [[Float]] = [[1, 0], [0.9, 0.2], [0.95, 0.1], [0, 1], [0.1, 0.9], [-1, 0.2]]
        let all = RowSet(rowCount: vectors.count, allSet: true)
        return Dataset(source: "test", rowCount: vectors.count, columns: [
            EmbeddingFixtures.column(vectors, name: "v"),
            Column(name: "a", data: .float([1, 2, 3, 4, 5, 40]), validity: all),
            Column(name: "b", data: .integer([1, 1, 2, 2, 3, 3]), validity: all),
            Column(name: "t", data: .text(StringTable(["x", "y", "z", "x", "y", "z"])), validity: all),
        ])
    }()

    @Test func theDerivedColumnHoldsTheFamiliarityScores() throws {
        let derived = try Self.dataset.adding(DerivedColumn(name: "familiarity", expression: "familiarity(v, 2)"))
        let column = try #require(derived.column(named: "familiarity"))
        let expected = try Familiarity(columns: [Self.dataset.column(named: "v")!], k: 2, context: WorkContext())
        #expect(column.kind == .float)
        #expect((0..<6).map { column.number(at: $0) } == expected.scores.map { $0 })
        let numeric = try Self.dataset.adding(DerivedColumn(name: "f", expression: "FAMILIARITY(a, b)"))
        let scores = (0..<6).compactMap { numeric.column(named: "f")?.number(at: $0) }
        #expect(scores.count == 6 && scores.indices.min { scores[$0] < scores[$1] } == 5)
        // Filters then use the column.
        let rows = try FilterExpression("familiarity < 0.5", dataset: derived).evaluate(derived)
        #expect(rows.members == [5])
    }

    @Test(arguments: [
        ("familiarity(v) + 1", "derived column's whole expression"),
        ("familiarity(t)", "'t' holds text"),
        ("familiarity(v, a)", "'v' holds vector beside other columns"),
        ("familiarity(v, 0)", "k must be a whole number from 1 to 1000"),
        ("familiarity(vv)", "did you mean 'v'?"),
        ("familiarity()", "needs a vector column or numeric columns"),
        ("familiarity(\"v\")", "takes column names"),
    ])
    func badCallsGetAMessage(expression: String, message: String) {
        do {
            _ = try Self.dataset.adding(DerivedColumn(name: "f", expression: expression))
            Issue.record("\(expression) was accepted")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
