/// Checks the types of a syntax tree against a dataset's columns and builds its plan.
///
/// Types: number (integer and float columns, numeric literals, arithmetic), string
/// (categorical and text columns, string literals, `lower`), condition (boolean columns,
/// comparisons, `and` / `or` / `not`), the `null` literal, and vector columns. Every error
/// names the characters at fault.
struct TypeChecker {
    /// An operand and the syntax it came from.
    typealias Operand = (value: CheckedValue, node: SyntaxNode)

    private let dataset: Dataset
    let text: String
    private let characters: [Character]
    /// The columns the expression reads.
    private(set) var referencedColumns: Set<String> = []

    init(dataset: Dataset, text: String) {
        self.dataset = dataset
        self.text = text
        characters = Array(text)
    }

    /// The plan of a whole filter, which must be a condition.
    mutating func condition(_ node: SyntaxNode) throws(ExpressionError) -> TruthPlan {
        let value = try check(node)
        guard case .truth(let plan) = value else {
            throw error("a filter must be a condition that is true or false, such as 'age > 30', "
                + "but \(source(node)) is \(value.typeName)", node.range)
        }
        return plan
    }

    mutating func check(_ node: SyntaxNode) throws(ExpressionError) -> CheckedValue {
        switch node.kind {
        case .number(let number):
            return .number(.constant(number))
        case .string(let value):
            return .string(.constant(value))
        case .boolean(let value):
            return .truth(.constant(value))
        case .null:
            return .null
        case .column(let name):
            return try column(name, node.range)
        case .negate(let operand):
            return .number(PlanBuilder.negate(try number(operand, "'-' needs a number")))
        case .not(let operand):
            return .truth(PlanBuilder.not(try truth(operand, "'not' needs a condition (true or false)")))
        case .logical(let op, let left, let right):
            let context = "'\(op.rawValue)' needs conditions (true or false) on both sides"
            return .truth(.logical(op, try truth(left, context), try truth(right, context)))
        case .arithmetic(let op, let left, let right):
            let context = "'\(op.rawValue)' needs numbers on both sides"
            return .number(PlanBuilder.arithmetic(op, try number(left, context), try number(right, context)))
        case .comparison(let op, let left, let right):
            let leftOperand = (try check(left), left)
            let rightOperand = (try operand(right, comparedWith: leftOperand.0), right)
            return .truth(try comparison(op, leftOperand, rightOperand, range: node.range))
        case .membership(let operand, let values, let negated):
            let plan = try membership((try check(operand), operand), values, range: node.range)
            return .truth(negated ? PlanBuilder.not(plan) : plan)
        case .between(let operand, let lower, let upper, let negated):
            let value: Operand = (try check(operand), operand)
            let low = try comparison(.greaterOrEqual, value, (try self.operand(lower, comparedWith: value.value), lower),
                                     range: node.range)
            let high = try comparison(.lessOrEqual, value, (try self.operand(upper, comparedWith: value.value), upper),
                                      range: node.range)
            let plan = TruthPlan.logical(.and, low, high)
            return .truth(negated ? PlanBuilder.not(plan) : plan)
        case .nullTest(let operand, let negated):
            let plan = TruthPlan.isMissing(try check(operand).valuePlan)
            return .truth(negated ? PlanBuilder.not(plan) : plan)
        case .match(let operand, let pattern):
            return .truth(try match(operand, pattern))
        case .call(let name, let nameRange, let arguments):
            return try call(name, nameRange: nameRange, arguments: arguments, range: node.range)
        }
    }

    // MARK: Columns

    private mutating func column(_ name: String, _ range: Range<Int>) throws(ExpressionError) -> CheckedValue {
        guard let column = dataset.column(named: name) else {
            var message = "unknown column '\(name)'"
            if let suggestion = NameSuggestion.nearest(to: name, in: dataset.columnNames) {
                message += " — did you mean '\(suggestion)'?"
            }
            throw error(message, range)
        }
        referencedColumns.insert(name)
        let validity = column.missingCount == 0 ? nil : column.validity
        switch column.data {
        case .integer(let values): return .number(.integers(values, validity: validity))
        case .float(let values): return .number(.doubles(values, validity: validity))
        case .boolean(let values): return .truth(.booleans(values, validity: validity))
        case .categorical(let codes, let dictionary):
            return .string(.categorical(CategoricalValues(codes: codes, dictionary: dictionary, validity: validity)))
        case .text(let table): return .string(.text(table, validity: validity))
        case .vector: return .vector(validity: validity)
        case .datetime(let values): return .time(.integers(values, validity: validity))
        }
    }

    /// Checks the right side of a comparison; a bare word that is no column, compared with a
    /// string, gets a hint to quote it.
    mutating func operand(_ node: SyntaxNode, comparedWith other: CheckedValue) throws(ExpressionError) -> CheckedValue {
        if case .column(let name) = node.kind, case .string = other, dataset.column(named: name) == nil,
           NameSuggestion.nearest(to: name, in: dataset.columnNames) == nil {
            throw error("unknown column '\(name)' — to compare with the text \(name), put it in quotes: \"\(name)\"",
                        node.range)
        }
        return try check(node)
    }

    // MARK: Types

    private mutating func number(_ node: SyntaxNode, _ context: String) throws(ExpressionError) -> NumberPlan {
        let value = try check(node)
        guard case .number(let plan) = value else { throw mismatch(context, node, value) }
        return plan
    }

    private mutating func string(_ node: SyntaxNode, _ context: String) throws(ExpressionError) -> StringPlan {
        let value = try check(node)
        guard case .string(let plan) = value else { throw mismatch(context, node, value) }
        return plan
    }

    private mutating func truth(_ node: SyntaxNode, _ context: String) throws(ExpressionError) -> TruthPlan {
        let value = try check(node)
        guard case .truth(let plan) = value else { throw mismatch(context, node, value) }
        return plan
    }

    private func mismatch(_ context: String, _ node: SyntaxNode, _ value: CheckedValue) -> ExpressionError {
        error("\(context), but \(source(node)) is \(value.typeName)", node.range)
    }

    // MARK: Functions

    private mutating func call(_ name: String, nameRange: Range<Int>, arguments: [SyntaxNode],
                               range: Range<Int>) throws(ExpressionError) -> CheckedValue {
        if name.lowercased() == FamiliarityCall.name {
            throw error("familiarity(…) compares every row with the others, so it can only be a derived column's "
                + "whole expression, e.g. --derive familiarity=familiarity(embedding); then use the column familiarity",
                nameRange)
        }
        guard let function = ExpressionFunction(rawValue: name.lowercased()) else {
            var message = "unknown function '\(name)'"
            if let suggestion = NameSuggestion.nearest(to: name, in: ExpressionFunction.allCases.map(\.rawValue)) {
                message += " — did you mean '\(suggestion)'?"
            } else {
                message += " (functions: " + ExpressionFunction.allCases.map(\.signature).joined(separator: ", ") + ")"
            }
            throw error(message, nameRange)
        }
        guard arguments.count == function.arity else {
            let expected = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
            throw error("\(function.signature) takes \(expected), but \(arguments.count) "
                + (arguments.count == 1 ? "was" : "were") + " given", range)
        }
        let context = "\(function.signature) needs"
        switch function {
        case .abs: return .number(PlanBuilder.absolute(try number(arguments[0], context + " a number")))
        case .log: return .number(PlanBuilder.logarithm(try number(arguments[0], context + " a number")))
        case .len: return .number(PlanBuilder.length(try string(arguments[0], context + " a string")))
        case .lower: return .string(PlanBuilder.lowercased(try string(arguments[0], context + " a string")))
        case .contains:
            let haystack = try string(arguments[0], context + " a string first")
            let needle = try string(arguments[1], context + " a string second")
            return .truth(try PlanBuilder.contains(haystack, needle))
        case .round: return .number(PlanBuilder.rounded(try number(arguments[0], context + " a number")))
        case .if:
            let condition = try truth(arguments[0], context + " a condition (true or false) first")
            return try choice(condition, arguments[1], arguments[2], range: range)
        case .year, .month, .day, .hour, .weekday:
            let value = try check(arguments[0])
            guard case .time(let plan) = value else { throw mismatch(context + " a time", arguments[0], value) }
            return .number(PlanBuilder.calendar(function.calendarField!, plan))
        }
    }

    /// `if(condition, a, b)`: both branches of one type (numbers, strings, times or conditions); a
    /// `null` branch is a missing value of the other's type.
    private mutating func choice(_ condition: TruthPlan, _ first: SyntaxNode, _ second: SyntaxNode,
                                 range: Range<Int>) throws(ExpressionError) -> CheckedValue {
        let a = try check(first), b = try check(second)
        switch (a, b) {
        case (.number(let x), .number(let y)): return .number(PlanBuilder.choose(condition, x, y))
        case (.number(let x), .null): return .number(PlanBuilder.choose(condition, x, .constant(nil)))
        case (.null, .number(let y)): return .number(PlanBuilder.choose(condition, .constant(nil), y))
        case (.time(let x), .time(let y)): return .time(PlanBuilder.choose(condition, x, y))
        case (.time(let x), .null): return .time(PlanBuilder.choose(condition, x, .constant(nil)))
        case (.null, .time(let y)): return .time(PlanBuilder.choose(condition, .constant(nil), y))
        case (.truth(let x), .truth(let y)): return .truth(PlanBuilder.choose(condition, x, y))
        case (.truth(let x), .null): return .truth(PlanBuilder.choose(condition, x, .constant(nil)))
        case (.null, .truth(let y)): return .truth(PlanBuilder.choose(condition, .constant(nil), y))
        case (.string(let x), .string(let y)): return .string(PlanBuilder.choose(condition, x, y))
        case (.string(let x), .null): return .string(PlanBuilder.choose(condition, x, nil))
        case (.null, .string(let y)): return .string(PlanBuilder.choose(condition, nil, y))
        default:
            throw error("if(condition, a, b) needs a and b of one type (numbers, strings, times or conditions), but "
                + "\(source(first)) is \(a.typeName) and \(source(second)) is \(b.typeName)", range)
        }
    }

    // MARK: Messages

    /// The expression's text over `range`, for messages.
    func source(_ node: SyntaxNode) -> String {
        String(characters[node.range])
    }

    func error(_ message: String, _ range: Range<Int>) -> ExpressionError {
        ExpressionError(message, range: range, expression: text)
    }
}
