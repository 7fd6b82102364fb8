import Testing
@testable import TuttiCore

/// A small table with one column of every kind.
let expressionTestTable = makeDataset([
    "age": .integers([25, 61, nil, 47]),
    "sex": .categorical(["Female", "Male", "Female", nil]),
    "name": .text(["Ada", "Bob", nil, "Cy"]),
    "flag": .booleans([true, false, nil, true]),
    "score": .floats([0.25, nil, 0.75, 0.5]),
    "emb": .vectors([[1, 2], nil, [3, 4], [5, 6]], width: 2),
    "hours per week": .integers([40, 38, 60, 20]),
])

@Suite struct ExpressionErrorTests {
    @Test func rendersTheExpressionWithCarets() throws {
        let error = try #require(expressionError("sexx == \"Female\"", expressionTestTable))
        #expect(error.message == "unknown column 'sexx' — did you mean 'sex'?")
        #expect(error.range == 0..<4)
        #expect(error.description == """
            unknown column 'sexx' — did you mean 'sex'?
              sexx == "Female"
              ^^^^
            """)
    }

    @Test func caretsAlignUnderTheCulprit() {
        let error = ExpressionError("bad", range: 9..<12, expression: "age > 3 and foo")
        #expect(error.rendered(expression: error.expression) == "bad\n  age > 3 and foo\n           ^^^")
        let atEnd = ExpressionError("ends too early", range: 5..<5, expression: "age >")
        #expect(atEnd.description == "ends too early\n  age >\n       ^")
    }

    @Test func multiLineExpressionsShowTheLineAtFault() {
        let error = ExpressionError("bad", range: 13..<14, expression: "age > 3\n\tand $")
        #expect(error.description == "bad\n  \tand $\n  \t    ^")
    }

    @Test func convertsToTuttiError() {
        let error = ExpressionError("bad", range: 2..<3, expression: "a $")
        #expect(error.tuttiError == TuttiError("bad\n  a $\n    ^", column: 3))
    }

    @Test(arguments: [
        ("sexx == \"Female\"", "unknown column 'sexx' — did you mean 'sex'?", "sexx"),
        ("Age > 3", "unknown column 'Age' — did you mean 'age'?", "Age"),
        ("hours_per_week > 3", "unknown column 'hours_per_week' — did you mean 'hours per week'?", "hours_per_week"),
        ("zzz > 3", "unknown column 'zzz'", "zzz"),
        ("sex == Female", "unknown column 'Female' — to compare with the text Female, put it in quotes: \"Female\"", "Female"),
        ("sex in (Female, \"Male\")",
         "unknown column 'Female' — to compare with the text Female, put it in quotes: \"Female\"", "Female"),
    ])
    func unknownNames(_ text: String, _ message: String, _ culpritText: String) {
        let error = expressionError(text, expressionTestTable)
        #expect(error?.message == message)
        #expect(culprit(error) == culpritText)
    }

    @Test func unknownFunctionsAreSuggested() throws {
        let misspelt = expressionError("lenn(name) > 2", expressionTestTable)
        #expect(misspelt?.message == "unknown function 'lenn' — did you mean 'len'?")
        #expect(culprit(misspelt) == "lenn")
        let unknown = expressionError("median(age) > 2", expressionTestTable)
        #expect(unknown?.message == "unknown function 'median' (functions: abs(number), log(number), len(string), "
            + "lower(string), contains(string, substring), round(number), if(condition, a, b), year(time), month(time), "
            + "day(time), hour(time), weekday(time))")
        #expect(try filterRows("LOWER(name) == 'ada' and ABS(age) > 1", expressionTestTable) == [0])
    }

    @Test(arguments: [
        ("age == \"30\"", "cannot compare age (a number) with \"30\" (a string) — write 30 without quotes", "\"30\""),
        ("age == \"thirty\"", "cannot compare age (a number) with \"thirty\" (a string)", "\"thirty\""),
        ("\"30\" < age", "cannot compare \"30\" (a string) with age (a number) — write 30 without quotes", "\"30\""),
        ("sex == 1", "cannot compare sex (a string) with 1 (a number) — put the value in quotes: \"1\"", "1"),
        ("sex == -1", "cannot compare sex (a string) with -1 (a number) — put the value in quotes: \"-1\"", "-1"),
        ("age == sex", "cannot compare age (a number) with sex (a string)", "age == sex"),
        ("flag == 1", "cannot compare flag (a condition (true or false)) with 1 (a number)", "1"),
        ("flag < true", "conditions (true or false) can only be compared with == and !=", "flag < true"),
        ("age == null", "a comparison with null is never true — test for missing values with 'age is null' or "
            + "'age is not null'", "null"),
        ("null != name", "a comparison with null is never true — test for missing values with 'name is null' or "
            + "'name is not null'", "null"),
        ("age in (1, null)", "null cannot be in a list (a comparison with null is never true) — test for missing "
            + "values with 'age is null'", "null"),
        ("age in (1, score)", "the values in a list must be literals (such as 3, \"text\" or true)", "score"),
        ("age in (1, \"2\")", "cannot compare age (a number) with \"2\" (a string) — write 2 without quotes", "\"2\""),
        ("emb in (1)", "'in' needs a number, string or condition on its left, but emb is a vector", "emb in (1)"),
        ("emb == 1", "cannot compare emb (a vector) with 1 (a number)", "1"),
        ("age + sex > 1", "'+' needs numbers on both sides, but sex is a string", "sex"),
        ("-name == 1", "'-' needs a number, but name is a string", "name"),
        ("not age", "'not' needs a condition (true or false), but age is a number", "age"),
        ("age > 1 and score", "'and' needs conditions (true or false) on both sides, but score is a number", "score"),
        ("age", "a filter must be a condition that is true or false, such as 'age > 30', but age is a number", "age"),
        ("(age + 1)", "a filter must be a condition that is true or false, such as 'age > 30', but (age + 1) is a number",
         "(age + 1)"),
        ("null", "a filter must be a condition that is true or false, such as 'age > 30', but null is null", "null"),
        ("age ~ \"4\"", "'~' matches strings, but age is a number", "age"),
        ("name ~ sex", "the pattern after '~' must be a string literal, such as \"^Bach\"", "sex"),
        ("name ~ \"a(b\"", "invalid regular expression: missing closing parenthesis", "\"a(b\""),
        ("len(name, 2) > 1", "len(string) takes 1 argument, but 2 were given", "len(name, 2)"),
        ("contains(name) ", "contains(string, substring) takes 2 arguments, but 1 was given", "contains(name)"),
        ("abs() > 1", "abs(number) takes 1 argument, but 0 were given", "abs()"),
        ("len(age) > 1", "len(string) needs a string, but age is a number", "age"),
        ("log(name) > 1", "log(number) needs a number, but name is a string", "name"),
        ("contains(name, 3)", "contains(string, substring) needs a string second, but 3 is a number", "3"),
        ("sex between 1 and 2", "cannot compare sex (a string) with 1 (a number) — put the value in quotes: \"1\"", "1"),
    ])
    func typeErrors(_ text: String, _ message: String, _ culpritText: String) {
        let error = expressionError(text, expressionTestTable)
        #expect(error?.message == message)
        #expect(culprit(error) == culpritText)
    }

    @Test func syntaxErrorsComeThroughTheFilter() {
        let error = expressionError("age > ", expressionTestTable)
        #expect(error?.message == "the expression ends too early: expected a value")
        #expect(error?.range == 6..<6)
    }
}
