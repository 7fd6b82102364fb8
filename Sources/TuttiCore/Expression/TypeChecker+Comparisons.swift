extension TypeChecker {
    /// `left op right`; `range` covers the whole comparison.
    func comparison(_ op: ComparisonOperator, _ left: Operand, _ right: Operand,
                    range: Range<Int>) throws(ExpressionError) -> TruthPlan {
        switch (left.value, right.value) {
        case (.number(let a), .number(let b)):
            return PlanBuilder.compareNumbers(op, a, b)
        case (.string(let a), .string(let b)):
            return try PlanBuilder.compareStrings(op, a, b)
        case (.time(let a), .time(let b)):
            return PlanBuilder.compareNumbers(op, a, b)
        case (.time(let a), .string(.constant(let text))):
            return PlanBuilder.compareNumbers(op, a, .constant(NumberConstant(integer: try timeLiteral(text, right.node))))
        case (.string(.constant(let text)), .time(let b)):
            return PlanBuilder.compareNumbers(op, .constant(NumberConstant(integer: try timeLiteral(text, left.node))), b)
        case (.truth(let a), .truth(let b)):
            guard op == .equal || op == .notEqual else {
                throw error("conditions (true or false) can only be compared with == and !=", range)
            }
            return PlanBuilder.compareTruths(equal: op == .equal, a, b)
        case (.null, _):
            throw nullComparison(null: left.node, other: right.node)
        case (_, .null):
            throw nullComparison(null: right.node, other: left.node)
        default:
            throw typeMismatch(left, right, range: range)
        }
    }

    /// The time a string literal compared with a time stands for.
    func timeLiteral(_ text: String, _ node: SyntaxNode) throws(ExpressionError) -> Int64 {
        guard let micros = TimeParser.iso(text) else {
            throw error("\"\(text)\" is not a time: write ISO 8601, such as \"2016-01-01\" or \"2016-01-01T12:00:00Z\"",
                        node.range)
        }
        return micros
    }

    private func nullComparison(null: SyntaxNode, other: SyntaxNode) -> ExpressionError {
        error("a comparison with null is never true — test for missing values with "
            + "'\(source(other)) is null' or '\(source(other)) is not null'", null.range)
    }

    /// "cannot compare a with b", pointing at the literal side when there is one, with a
    /// hint when quotes are the likely mistake.
    private func typeMismatch(_ left: Operand, _ right: Operand, range: Range<Int>) -> ExpressionError {
        var message = "cannot compare \(source(left.node)) (\(left.value.typeName)) with "
            + "\(source(right.node)) (\(right.value.typeName))"
        guard let (literal, other) = [(right, left), (left, right)].first(where: { $0.0.node.isLiteral }) else {
            return error(message, range)
        }
        switch (literal.node.kind, other.value) {
        case (.string(let written), .number) where TypeChecker.isNumberLiteral(written):
            message += " — write \(written) without quotes"
        case (.number, .string), (.negate, .string), (.boolean, .string):
            message += " — put the value in quotes: \"\(source(literal.node))\""
        default:
            break
        }
        return error(message, literal.node.range)
    }

    private static func isNumberLiteral(_ text: String) -> Bool {
        guard let tokens = try? Lexer.tokens(text), tokens.count == 2, case .number = tokens[0].kind else { return false }
        return true
    }

    /// `operand in (values)`: every value must be a literal of the operand's type. `range`
    /// covers the whole test.
    mutating func membership(_ operand: Operand, _ values: [SyntaxNode],
                             range: Range<Int>) throws(ExpressionError) -> TruthPlan {
        var checked: [Operand] = []
        for node in values {
            let value = try self.operand(node, comparedWith: operand.value)
            if case .null = value {
                throw error("null cannot be in a list (a comparison with null is never true) — test for missing "
                    + "values with '\(source(operand.node)) is null'", node.range)
            }
            checked.append((value, node))
        }
        switch operand.value {
        case .number(let plan):
            var constants: [NumberConstant] = []
            for value in checked {
                guard case .number(.constant(let constant)) = value.value else { throw notLiteral(value, operand) }
                if let constant { constants.append(constant) }
            }
            return PlanBuilder.numberIn(plan, constants)
        case .string(let plan):
            var constants: Set<[UInt8]> = []
            for value in checked {
                guard case .string(.constant(let constant)) = value.value else { throw notLiteral(value, operand) }
                constants.insert(Array(constant.utf8))
            }
            return try PlanBuilder.test(plan, .oneOf(constants))
        case .truth(let plan):
            // At most two distinct values, so the plan stays shallow however long the list.
            var constants: [Bool] = []
            for value in checked {
                guard case .truth(.constant(let constant?)) = value.value else { throw notLiteral(value, operand) }
                if !constants.contains(constant) { constants.append(constant) }
            }
            let tests = constants.map { PlanBuilder.compareTruths(equal: true, plan, .constant($0)) }
            return tests.dropFirst().reduce(tests.first ?? .constant(false)) { .logical(.or, $0, $1) }
        case .time(let plan):
            var constants: [NumberConstant] = []
            for value in checked {
                guard case .string(.constant(let text)) = value.value else { throw notLiteral(value, operand) }
                constants.append(NumberConstant(integer: try timeLiteral(text, value.node)))
            }
            return PlanBuilder.numberIn(plan, constants)
        case .null, .vector:
            throw error("'in' needs a number, string or condition on its left, but \(source(operand.node)) is "
                + operand.value.typeName, range)
        }
    }

    private func notLiteral(_ value: Operand, _ operand: Operand) -> ExpressionError {
        switch (value.value, operand.value) {
        case (.number, .number), (.string, .string), (.truth, .truth):
            error("the values in a list must be literals (such as 3, \"text\" or true)", value.node.range)
        default:
            typeMismatch(operand, value, range: value.node.range)
        }
    }

    /// `operand ~ pattern`: the pattern must be a string literal holding a valid regular
    /// expression.
    mutating func match(_ operand: SyntaxNode, _ pattern: SyntaxNode) throws(ExpressionError) -> TruthPlan {
        let value = try check(operand)
        guard case .string(let plan) = value else {
            throw error("'~' matches strings, but \(source(operand)) is \(value.typeName)", operand.range)
        }
        guard case .string(.constant(let text)) = try check(pattern) else {
            throw error("the pattern after '~' must be a string literal, such as \"^Bach\"", pattern.range)
        }
        let regex: RegexPattern
        do {
            regex = try RegexPattern(text)
        } catch {
            throw self.error("invalid regular expression: \(error.message)", pattern.range)
        }
        return try PlanBuilder.test(plan, .matches(RegexTest(regex: regex, range: pattern.range, expression: self.text)))
    }
}
