import Testing
@testable import TuttiCore

/// The tree of `text` in prefix form.
private func tree(_ text: String) throws -> String {
    try Parser.parse(text)?.description ?? "(empty)"
}

/// The parse error of `text`, or nil.
private func parseError(_ text: String) -> ExpressionError? {
    do {
        _ = try Parser.parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite struct ExpressionParserTests {
    @Test(arguments: [
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("a || b && !c", "(or a (and b (not c)))"),
        ("not a == 1", "(not (== a 1))"),
        ("not not a", "(not (not a))"),
        ("!a and b", "(and (not a) b)"),
        ("-x * 2 + 1", "(+ (* (- x) 2) 1)"),
        ("1 + 2 * 3 % 4", "(+ 1 (% (* 2 3) 4))"),
        ("x between 1 and 2 and y", "(and (between x 1 2) y)"),
        ("x not between -1 and a + 1 or y", "(or (not between x (- 1) (+ a 1)) y)"),
        ("a == 1 and b != 2 or c < 3", "(or (and (== a 1) (!= b 2)) (< c 3))"),
        ("a + 1 > b * 2", "(> (+ a 1) (* b 2))"),
        ("(a or b) and c", "(and (or a b) c)"),
        ("x in (1, 2, 3)", "(in x 1 2 3)"),
        ("x not in ('a') and y", "(and (not in x \"a\") y)"),
        ("NOT x IN (1)", "(not (in x 1))"),
        ("x is null or y IS NOT NULL", "(or (is null x) (is not null y))"),
        ("s ~ \"^a\" and lower(t) == 'b'", "(and (~ s \"^a\") (== (lower t) \"b\"))"),
        ("contains(s, \"x\")", "(contains s \"x\")"),
        ("x = 1", "(== x 1)"),
        ("x <> 1", "(!= x 1)"),
        ("x >= 1 And y <= 2 OR z > 3", "(or (and (>= x 1) (<= y 2)) (> z 3))"),
        ("`hours per week` >= 40", "(>= hours per week 40)"),
        ("a.b_c2 == true", "(== a.b_c2 true)"),
        ("f() or g(1, x)", "(or (f ) (g 1 x))"),
        ("--x", "(- (- x))"),
    ])
    func precedence(_ text: String, _ expected: String) throws {
        #expect(try tree(text) == expected)
    }

    @Test func binaryOperatorsAssociateLeft() throws {
        #expect(try tree("a - b - c") == "(- (- a b) c)")
        #expect(try tree("a / b * c % d") == "(% (* (/ a b) c) d)")
        #expect(try tree("a or b or c") == "(or (or a b) c)")
        #expect(try tree("a and b && c") == "(and (and a b) c)")
    }

    @Test func literals() throws {
        #expect(try tree("x == 42") == "(== x 42)")
        #expect(try tree("x == 2.5") == "(== x 2.5)")
        #expect(try tree("x == 1e-3") == "(== x 0.001)")
        #expect(try tree("x == .5") == "(== x 0.5)")
        #expect(try tree("x == 2E3") == "(== x 2000)")
        #expect(try tree("x == 99999999999999999999") == "(== x 1e+20)")
        #expect(try tree("b == TRUE or b == False or x is NULL") == "(or (or (== b true) (== b false)) (is null x))")
        #expect(try tree(#"s == 'it\'s'"#) == #"(== s "it's")"#)
        #expect(try tree(#"s == "say \"hi\"""#) == #"(== s "say "hi"")"#)
        #expect(try tree(#"s == "a\\b""#) == #"(== s "a\b")"#)
        #expect(try tree(#"s ~ "\d+\.""#) == #"(~ s "\d+\.")"#)
        #expect(try tree("`a``b` == 1") == "(== a`b 1)")
        #expect(try tree("`and` == 1") == "(== and 1)")
    }

    @Test func integersStayExact() throws {
        let node = try #require(try Parser.parse("x == 9007199254740993"))
        guard case .comparison(_, _, let right) = node.kind, case .number(let number) = right.kind else {
            Issue.record("not a comparison with a number: \(node)")
            return
        }
        #expect(number.integer == 9_007_199_254_740_993)
    }

    @Test func blankTextHasNoTree() throws {
        #expect(try Parser.parse("") == nil)
        #expect(try Parser.parse("  \t\n ") == nil)
    }

    @Test func nodesCarryCharacterRanges() throws {
        let node = try #require(try Parser.parse("é == 1 and (b or c)"))
        #expect(node.range == 0..<19)
        guard case .logical(.and, let left, let right) = node.kind,
              case .comparison(.equal, let column, let one) = left.kind else {
            Issue.record("unexpected tree \(node)")
            return
        }
        #expect(left.range == 0..<6)
        #expect(column.range == 0..<1)
        #expect(one.range == 5..<6)
        #expect(right.range == 11..<19)
    }

    @Test(arguments: [
        ("age >", "the expression ends too early: expected a value", 5..<5),
        ("age > 30 sex == 1", "unexpected 'sex' after a complete expression — missing 'and' or 'or'?", 9..<12),
        ("(age > 30", "expected ')' to close the '(' at character 1, found the end of the expression", 9..<9),
        ("age > 30)", "unmatched ')'", 8..<9),
        ("a < b < c", "comparisons cannot be chained: join them with 'and', as in 'a < b and b < c'", 6..<7),
        ("name == \"abc", "unterminated string: add the closing \"", 8..<12),
        ("`hours per", "unterminated column name: add the closing `", 0..<10),
        ("age $ 3", "unexpected character '$'", 4..<5),
        ("a & b", "unexpected '&' — did you mean '&&'?", 2..<3),
        ("x == 3abc", "invalid number '3abc'", 5..<9),
        ("x == 1.2.3", "invalid number '1.2.3'", 5..<10),
        ("x == 1e", "invalid number '1e'", 5..<7),
        ("x in 1", "expected '(' and a list of values after 'in', found '1'", 5..<6),
        ("x in (1 2)", "expected ',' or ')' in the list of values, found '2'", 8..<9),
        ("x between 1 2", "expected 'and' between the bounds of 'between', found '2'", 12..<13),
        ("x is 5", "expected 'null' after 'is', found '5'", 5..<6),
        ("x is not", "expected 'null' after 'is not', found the end of the expression", 8..<8),
        ("and x", "expected a value, found the keyword 'and' (back-quote a column with this name: `and`)", 0..<3),
        ("x == )", "expected a value, found ')'", 5..<6),
        ("len(x", "expected ',' or ')' in the arguments of 'len', found the end of the expression", 5..<5),
    ])
    func syntaxErrors(_ text: String, _ message: String, _ range: Range<Int>) {
        let error = parseError(text)
        #expect(error?.message == message)
        #expect(error?.range == range)
    }
}
