import Foundation
import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// Filters compiled to SQL keep exactly the rows the in-memory engine keeps, missing values
/// included: the same counts from PostgreSQL and from memory.
@Suite struct FilterEquivalenceTests {
    static let adultFilters = [
        "", "age > 40", "workclass != \"Private\"", "not (workclass == \"Private\")",
        "workclass == \"Private\" or occupation == \"Sales\"", "not (workclass == \"Private\" and occupation == \"Sales\")",
        "workclass is null", "occupation is not null and native_country is null", "workclass == workclass",
        "workclass in (\"Private\", \"State-gov\")", "workclass not in (\"Private\")", "age between 30 and 40",
        "age not between 30 and 40", "capital_gain / capital_loss > 1", "(capital_gain / capital_loss) is null",
        "capital_gain % 7 == 3", "(capital_gain % 0) is null", "log(capital_gain) > 8", "log(capital_gain) is null",
        "abs(score - 0.5) < 0.1", "round(score * 10) == 5", "round(age / 4) == 11", "round(-age / 4) == -11",
        "len(occupation) > 12", "len(occupation) is null", "lower(sex) == \"female\"", "contains(occupation, \"cal\")",
        "not contains(occupation, \"cal\")", "if(split == \"test\", score, 1 - score) > 0.5",
        "if(workclass == \"Private\", age, null) > 30", "if(workclass == \"Private\", null, age) is null",
        "label != prediction", "label == prediction and split == \"test\"", "(age > 30) == (hours_per_week > 40)",
        "(age > 30) != (workclass == \"Private\")", "score > 0.5 and not (prediction == 1)",
        "education_num * 2 + 1 >= 21", "-age < -50", "-(-age) == 39", "income == \"<=50K\"", "occupation < \"M\"",
        "native_country between \"A\" and \"M\"", "fnlwgt >= 1.5e5", "age > 38.5", "score >= 0.5 or workclass is null",
        "true", "false", "not true", "hours_per_week % 3 == 1 or not (occupation == \"Sales\")",
    ]

    /// A NaN in a float column of the database is missing, as a file's `NaN` is, for every
    /// question the engine answers.
    @Test func aNaNInTheDatabaseIsMissingAsInMemory() throws {
        let server = try PostgresTables.server()
        let file = NSTemporaryDirectory() + "tutti-nans-\(getpid()).csv"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "id,v\n1,1.5\n2,NaN\n3,\n4,-2\n".write(toFile: file, atomically: true, encoding: .utf8)
        try server.load(csv: file, into: "nans", columns: [("id", "BIGINT"), ("v", "DOUBLE PRECISION")])
        let source = try PostgresSource(url: DatabaseURL(server.url(query: "table=nans")))
        // Memory reads the NaN as missing.
        let memory = PostgresTables.memory(Dataset(source: "nans", rowCount: 4, columns: [
            Column(name: "id", data: .integer([1, 2, 3, 4]), validity: RowSet(rowCount: 4, allSet: true)),
            Column(name: "v", data: .float([1.5, 0, 0, -2]), validity: RowSet(rowCount: 4, rows: [0, 3])),
        ]))
        for filter in ["v > 0", "v < 0", "v >= -5", "v is null", "v is not null", "v != 1.5", "v == v", "abs(v) > 1",
                       "v * 2 > 0", "not (v > 0)", "v between -3 and 3"] {
            #expect(try source.rowCount(where: filter) == memory.rowCount(where: filter), "\(filter)")
        }
        // Summaries, slices and exports see it missing too.
        let summary = try #require(try source.summaries(where: "", topCount: 3).first { $0.name == "v" })
        #expect(summary.missing == 2 && summary.max == 1.5)
        let sliced = try source.groupCounts(by: ["v"], where: "")
        #expect(sliced.first { $0.values == [nil] }?.count == 2)
    }

    @Test(arguments: adultFilters) func adultCountsMatchMemory(_ filter: String) throws {
        let source = try PostgresTables.source("adult")
        let memory = PostgresTables.memory(AdultFixture.dataset)
        #expect(try source.rowCount(where: filter) == memory.rowCount(where: filter), "\(filter)")
    }

    static let nullFilters = [
        "x != 3", "not (x == 3)", "x < 3 or x >= 3", "x is null", "x is not null", "b", "not b", "b != true",
        "b == (x > 0)", "s == ''", "s != 'a'", "len(s) == 0", "contains(s, '')", "contains(s, 'a')", "s in ('a', '')",
        "s not in ('a')", "x in (3, 5)", "x not in (3, 5)", "f / x > 0", "(f / x) is null", "(f / 0) is null",
        "x % 2 == 1", "x % 2 == 0", "x % 3 == -1", "x % -3 == 1", "round(f) == 3", "round(f) == -3", "round(f) == -2",
        "if(b, x, f) > 1", "if(b, null, x) is null", "f between -2 and 1", "f not between -2 and 1", "abs(f) >= 1.5",
        "log(x) > 1", "log(x) is null", "lower(s) == 'b'", "s < 'b'", "s >= 'a'", "s == 'é'", "len(s) == 1",
        "`it's \"odd\"` == \"x'; DROP TABLE nulls; --\"", "`it's \"odd\"` == '\"'", "`it's \"odd\"` != 'a\"b'",
        "contains(`it's \"odd\"`, \"'\")", "s == 'a\tb\\'\"\\\\'", "(x > 0) is null", "not (x > 0 and b)",
        "x > 0 or b", "not (x > 0 or b)",
    ]

    @Test(arguments: nullFilters) func nullCountsMatchMemory(_ filter: String) throws {
        let source = try PostgresTables.source("nulls")
        let memory = PostgresTables.memory(PostgresTables.nulls)
        #expect(try source.rowCount(where: filter) == memory.rowCount(where: filter), "\(filter)")
    }

    @Test func theSQLIsWhatTheDocumentationSays() throws {
        let source = try PostgresTables.source("nulls")
        #expect(try source.compiled("x != 3").condition == "(\"x\" <> 3)")
        #expect(try source.compiled("f / x > 0").condition
            == "((CAST(\"f\" AS DOUBLE PRECISION) / NULLIF(CAST(\"x\" AS DOUBLE PRECISION), 0)) > 0)")
        #expect(try source.compiled("s == \"it's\"").condition == "(\"s\" = 'it''s')")
        #expect(try source.compiled("`it's \"odd\"` is null").condition == "(\"it's \"\"odd\"\"\" IS NULL)")
        #expect(try source.compiled("  ").condition == nil)
    }

    @Test func filtersTheEngineCannotRunWithTuttisMeaningAreRefusedWithTheCulprit() throws {
        let source = try PostgresTables.source("nulls")
        for (filter, culprit, words) in [("s ~ \"^a\"", "s ~ \"^a\"", "regular expressions"),
                                         ("f % 2 == 1", "f % 2", "integers only")] {
            do {
                _ = try source.rowCount(where: filter)
                Issue.record("\(filter) ran")
            } catch let error as ExpressionError {
                #expect(error.message.contains(words), "\(error.message)")
                #expect(String(Array(filter)[error.range]) == culprit)
            }
        }
        #expect(throws: ExpressionError.self) { try source.rowCount(where: "xx > 1") }
        do {
            _ = try source.rowCount(where: "sx == 'a'")
        } catch let error as ExpressionError {
            #expect(error.message.hasPrefix("unknown column 'sx' — did you mean"))
        }
    }
}
