import Testing
@testable import TuttiCore

/// `~` runs PCRE2 within a budget: patterns that backtrack catastrophically end with an
/// error naming the pattern, never a hang and never a silent "no match".
@Suite struct ExpressionRegexTests {
    /// A value on which `(a+)+$` tries every way of splitting 40 `a`s before failing.
    private static let backtracker = String(repeating: "a", count: 40) + "!"

    @Test func aSearchPastTheBudgetIsAnErrorAtThePattern() throws {
        let table = makeDataset(["note": .text(["short", Self.backtracker, "fine"])])
        let text = "note ~ \"(a+)+$\""
        let filter = try FilterExpression(text, dataset: table)
        do {
            _ = try filter.evaluate(table)
            Issue.record("the search ended without an error")
        } catch {
            #expect(error.message.hasPrefix("the regular expression \"(a+)+$\" backtracks too much"))
            #expect(culprit(error) == "\"(a+)+$\"")
        }
    }

    @Test func aCategoricalColumnFailsWhenChecked() throws {
        let table = makeDataset(["note": .categorical([Self.backtracker, Self.backtracker, "b", "b"])])
        let error = try #require(expressionError("note ~ '(a+)+$' or note == 'b'", table))
        #expect(error.message.contains("backtracks too much"))
        #expect(culprit(error) == "'(a+)+$'")
    }

    @Test func theBudgetStopsTheParallelPathToo() throws {
        let rowCount = PlanRunner.parallelRows + 5
        let table = makeDataset(["note": .text((0..<rowCount).map { $0 == rowCount - 3 ? Self.backtracker : "row \($0)" })])
        let filter = try FilterExpression("note ~ '(a+)+$'", dataset: table)
        #expect(throws: ExpressionError.self) { try filter.evaluate(table) }
    }

    /// The probe's pattern on an 18-character cell: PCRE2 ends at once (the required `x`
    /// is absent) where the old engine never returned.
    @Test func theProbesPatternEnds() throws {
        let table = makeDataset(["education": .text(["Some-college-12345", "Bachelors", "HS-grad-with-an-x"])])
        #expect(try filterRows(#"education ~ "(.*.*)*x""#, table) == [2])
    }

    @Test func perlSyntaxAndUnicode() throws {
        let table = makeDataset(["city": .text(["École", "ecole", "東京", "São Paulo", "", nil])])
        #expect(try filterRows("city ~ '(?i)^école$'", table) == [0])
        #expect(try filterRows(#"city ~ "^\w+$""#, table) == [0, 1, 2])
        #expect(try filterRows(#"city ~ "\s""#, table) == [3])
        #expect(try filterRows("city ~ '^$'", table) == [4])
        #expect(try filterRows("city ~ '(?<first>o).*\\k<first>'", table) == [3])
        #expect(try filterRows("city ~ 'a(?=u)'", table) == [3])
    }

    @Test func syntaxErrorsNameTheProblem() throws {
        let error = try #require(expressionError("city ~ '[a-'", makeDataset(["city": .text(["a"])])))
        #expect(error.message == "invalid regular expression: missing terminating ] for character class")
        #expect(culprit(error) == "'[a-'")
    }
}
