/// Parses an expression into a syntax tree, by recursive descent.
///
/// Precedence, lowest first: `or` / `||`; `and` / `&&`; prefix `not` / `!`; one comparison
/// (`== != < <= > >=`, `=` for `==`, `<>` for `!=`, `in (…)`, `not in (…)`,
/// `between … and …`, `not between`, `is null`, `is not null`, `~`); `+ -`; `* / %`; unary
/// `-`; literals, columns, function calls and parentheses. Binary operators associate to
/// the left; comparisons do not chain.
///
/// Nesting is limited to `FilterExpression.nestingLimit` levels, counted both as the
/// parser descends (parentheses, `not`, unary minus, lists and function arguments) and as
/// the height of the tree it builds (so a chain `a + a + … + a` counts one level per
/// operator): every later stage walks the tree recursively, and the limit keeps all of
/// them within a thread's stack.
struct Parser {
    private let tokens: [Token]
    private let characters: [Character]
    private let text: String
    private var index = 0
    /// How many nested constructs the parser is inside.
    private var depth = 0

    /// The tree of `text`, or nil when `text` holds only whitespace.
    static func parse(_ text: String) throws(ExpressionError) -> SyntaxNode? {
        var parser = Parser(tokens: try Lexer.tokens(text), text: text)
        guard parser.current.kind != .end else { return nil }
        let node = try parser.parseOr()
        if parser.current.kind != .end {
            throw parser.error(parser.current.kind == .rightParenthesis
                ? "unmatched ')'"
                : "unexpected \(parser.quoted(parser.current)) after a complete expression — missing 'and' or 'or'?")
        }
        return node
    }

    private init(tokens: [Token], text: String) {
        self.tokens = tokens
        self.text = text
        characters = Array(text)
    }

    private var current: Token { tokens[index] }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    private func error(_ message: String, at range: Range<Int>? = nil) -> ExpressionError {
        ExpressionError(message, range: range ?? current.range, expression: text)
    }

    /// Enters one more level of nesting, opened by the token at `range`; the caller leaves it
    /// with `depth -= 1`.
    private mutating func nest(at range: Range<Int>) throws(ExpressionError) {
        depth += 1
        if depth > FilterExpression.nestingLimit { throw tooDeep(at: range) }
    }

    /// A node, unless it makes the tree taller than the limit; `range` is the operator or
    /// token that made it, where the error points.
    private func node(_ kind: SyntaxKind, _ nodeRange: Range<Int>, at range: Range<Int>) throws(ExpressionError) -> SyntaxNode {
        let node = SyntaxNode(kind: kind, range: nodeRange)
        if node.height > FilterExpression.nestingLimit { throw tooDeep(at: range) }
        return node
    }

    private func tooDeep(at range: Range<Int>) -> ExpressionError {
        error("expression nested too deeply (limit \(FilterExpression.nestingLimit))", at: range)
    }

    /// A token as quoted in messages: `'and'`, `')'`, or "the end of the expression".
    private func quoted(_ token: Token) -> String {
        token.kind == .end ? "the end of the expression" : "'\(String(characters[token.range]))'"
    }

    private func isKeyword(_ keyword: Keyword, at offset: Int = 0) -> Bool {
        tokens[min(index + offset, tokens.count - 1)].keyword == keyword
    }

    private mutating func parseOr() throws(ExpressionError) -> SyntaxNode {
        var left = try parseAnd()
        while isKeyword(.or) || current.kind == .logical(.or) {
            let op = advance().range
            let right = try parseAnd()
            left = try node(.logical(.or, left, right), left.range.lowerBound..<right.range.upperBound, at: op)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> SyntaxNode {
        var left = try parseNot()
        while isKeyword(.and) || current.kind == .logical(.and) {
            let op = advance().range
            let right = try parseNot()
            left = try node(.logical(.and, left, right), left.range.lowerBound..<right.range.upperBound, at: op)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> SyntaxNode {
        guard isKeyword(.not) || current.kind == .bang else { return try parseComparison() }
        let op = advance().range
        try nest(at: op)
        defer { depth -= 1 }
        let operand = try parseNot()
        return try node(.not(operand), op.lowerBound..<operand.range.upperBound, at: op)
    }

    private mutating func parseComparison() throws(ExpressionError) -> SyntaxNode {
        let left = try parseAdditive()
        guard let node = try parseComparisonTail(left) else { return left }
        if startsComparison {
            throw error("comparisons cannot be chained: join them with 'and', as in 'a < b and b < c'")
        }
        return node
    }

    private var startsComparison: Bool {
        switch current.kind {
        case .comparison, .tilde: true
        default: isKeyword(.in) || isKeyword(.between) || isKeyword(.is)
            || isKeyword(.not) && (isKeyword(.in, at: 1) || isKeyword(.between, at: 1))
        }
    }

    /// The comparison whose left operand is `left`, or nil when none follows.
    private mutating func parseComparisonTail(_ left: SyntaxNode) throws(ExpressionError) -> SyntaxNode? {
        let start = left.range.lowerBound
        if case .comparison(let op) = current.kind {
            let opRange = advance().range
            let right = try parseAdditive()
            return try node(.comparison(op, left, right), start..<right.range.upperBound, at: opRange)
        }
        if current.kind == .tilde {
            let op = advance().range
            let pattern = try parseAdditive()
            return try node(.match(left, pattern: pattern), start..<pattern.range.upperBound, at: op)
        }
        if isKeyword(.is) {
            let op = advance().range
            let negated = isKeyword(.not)
            if negated { _ = advance() }
            guard isKeyword(.null) else {
                throw error("expected 'null' after '\(negated ? "is not" : "is")', found \(quoted(current))")
            }
            let end = advance().range.upperBound
            return try node(.nullTest(left, negated: negated), start..<end, at: op)
        }
        let negated = isKeyword(.not) && (isKeyword(.in, at: 1) || isKeyword(.between, at: 1))
        if negated { _ = advance() }
        if isKeyword(.in) {
            let op = advance().range
            let (values, end) = try parseList()
            return try node(.membership(left, values, negated: negated), start..<end, at: op)
        }
        if isKeyword(.between) {
            let op = advance().range
            let lower = try parseAdditive()
            guard isKeyword(.and) || current.kind == .logical(.and) else {
                throw error("expected 'and' between the bounds of 'between', found \(quoted(current))")
            }
            _ = advance()
            let upper = try parseAdditive()
            return try node(.between(left, lower: lower, upper: upper, negated: negated),
                            start..<upper.range.upperBound, at: op)
        }
        return nil
    }

    /// `( value, value, … )`, and the end offset of the closing parenthesis.
    private mutating func parseList() throws(ExpressionError) -> ([SyntaxNode], Int) {
        guard current.kind == .leftParenthesis else {
            throw error("expected '(' and a list of values after 'in', found \(quoted(current))")
        }
        try nest(at: advance().range)
        defer { depth -= 1 }
        var values = [try parseOr()]
        while current.kind == .comma {
            _ = advance()
            values.append(try parseOr())
        }
        guard current.kind == .rightParenthesis else {
            throw error("expected ',' or ')' in the list of values, found \(quoted(current))")
        }
        return (values, advance().range.upperBound)
    }

    private mutating func parseAdditive() throws(ExpressionError) -> SyntaxNode {
        var left = try parseMultiplicative()
        while case .arithmetic(let op) = current.kind, op == .add || op == .subtract {
            let opRange = advance().range
            let right = try parseMultiplicative()
            left = try node(.arithmetic(op, left, right), left.range.lowerBound..<right.range.upperBound, at: opRange)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> SyntaxNode {
        var left = try parseUnary()
        while case .arithmetic(let op) = current.kind, op == .multiply || op == .divide || op == .remainder {
            let opRange = advance().range
            let right = try parseUnary()
            left = try node(.arithmetic(op, left, right), left.range.lowerBound..<right.range.upperBound, at: opRange)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> SyntaxNode {
        guard current.kind == .arithmetic(.subtract) else { return try parsePrimary() }
        let op = advance().range
        try nest(at: op)
        defer { depth -= 1 }
        let operand = try parseUnary()
        return try node(.negate(operand), op.lowerBound..<operand.range.upperBound, at: op)
    }

    private mutating func parsePrimary() throws(ExpressionError) -> SyntaxNode {
        let token = current
        switch token.kind {
        case .number(let number):
            _ = advance()
            return SyntaxNode(kind: .number(number), range: token.range)
        case .string(let value):
            _ = advance()
            return SyntaxNode(kind: .string(value), range: token.range)
        case .quotedIdentifier(let name):
            _ = advance()
            return SyntaxNode(kind: .column(name), range: token.range)
        case .identifier(let name):
            return try parseIdentifier(name, token: token)
        case .leftParenthesis:
            try nest(at: advance().range)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard current.kind == .rightParenthesis else {
                throw error("expected ')' to close the '(' at character \(token.range.lowerBound + 1), found \(quoted(current))")
            }
            let end = advance().range.upperBound
            return SyntaxNode(kind: inner.kind, range: token.range.lowerBound..<end)
        case .end:
            throw error("the expression ends too early: expected a value")
        default:
            throw error("expected a value, found \(quoted(token))")
        }
    }

    private mutating func parseIdentifier(_ name: String, token: Token) throws(ExpressionError) -> SyntaxNode {
        switch token.keyword {
        case .true?, .false?:
            _ = advance()
            return SyntaxNode(kind: .boolean(token.keyword == .true), range: token.range)
        case .null?:
            _ = advance()
            return SyntaxNode(kind: .null, range: token.range)
        case .some:
            throw error("expected a value, found the keyword \(quoted(token)) (back-quote a column with this name: `\(name)`)")
        case nil:
            break
        }
        _ = advance()
        guard current.kind == .leftParenthesis else { return SyntaxNode(kind: .column(name), range: token.range) }
        try nest(at: advance().range)
        defer { depth -= 1 }
        var arguments: [SyntaxNode] = []
        if current.kind != .rightParenthesis {
            arguments.append(try parseOr())
            while current.kind == .comma {
                _ = advance()
                arguments.append(try parseOr())
            }
        }
        guard current.kind == .rightParenthesis else {
            throw error("expected ',' or ')' in the arguments of '\(name)', found \(quoted(current))")
        }
        let end = advance().range.upperBound
        return try node(.call(name: name, nameRange: token.range, arguments: arguments),
                        token.range.lowerBound..<end, at: token.range)
    }
}
