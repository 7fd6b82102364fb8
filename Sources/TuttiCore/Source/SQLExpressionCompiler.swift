/// Writes a type-checked syntax tree as portable SQL (see `SQLFilter` for the rules).
struct SQLExpressionCompiler {
    /// What a compiled node's values are.
    enum ValueType {
        /// Numbers; `integral` when they are exact integers in the engine (integer columns and
        /// literals, and remainders of them), which compare and divide exactly.
        case number(integral: Bool)
        case string
        case truth
        case null
        /// Points in time (timestamp, timestamptz and date columns).
        case time
        /// A column the language only tests with `is null` (vectors).
        case other
    }

    /// A node as SQL text and the type of its values.
    struct Compiled {
        let sql: String
        let type: ValueType
    }

    let text: String
    let columns: [String: ColumnKind]
    let quoting: any SQLQuoting

    init(text: String, columns: [SQLColumn], quoting: any SQLQuoting) {
        self.text = text
        self.columns = Dictionary(columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        self.quoting = quoting
    }

    func compile(_ node: SyntaxNode) throws -> Compiled {
        switch node.kind {
        case .number(let number):
            if let integer = number.integer { return Compiled(sql: String(integer), type: .number(integral: true)) }
            return Compiled(sql: SQLFilter.double(number.value), type: .number(integral: false))
        case .string(let value):
            return Compiled(sql: try quoting.literal(value), type: .string)
        case .boolean(let value):
            return Compiled(sql: value ? "TRUE" : "FALSE", type: .truth)
        case .null:
            return Compiled(sql: "NULL", type: .null)
        case .column(let name):
            return Compiled(sql: try quoting.identifier(name), type: Self.type(of: columns[name] ?? .text))
        case .negate(let operand):
            let value = try compile(operand)
            return Compiled(sql: "(- \(value.sql))", type: value.type)
        case .not(let operand):
            return Compiled(sql: "(NOT \(try compile(operand).sql))", type: .truth)
        case .logical(let op, let left, let right):
            let keyword = op == .and ? "AND" : "OR"
            return Compiled(sql: "(\(try compile(left).sql) \(keyword) \(try compile(right).sql))", type: .truth)
        case .comparison(let op, let left, let right):
            let (a, b) = try operands(left, right)
            return Compiled(sql: try comparison(op, a, b), type: .truth)
        case .arithmetic(let op, let left, let right):
            return try arithmetic(op, try compile(left), try compile(right), node: node)
        case .membership(let operand, let values, let negated):
            let value = try compile(operand)
            var items: [String] = []
            for item in values { items.append(try operands(operand, item).1.sql) }
            guard !items.isEmpty else {
                return Compiled(sql: "(CASE WHEN \(value.sql) IS NULL THEN NULL ELSE \(negated ? "TRUE" : "FALSE") END)",
                                type: .truth)
            }
            let keyword = negated ? "NOT IN" : "IN"
            return Compiled(sql: "(\(value.sql) \(keyword) (\(items.joined(separator: ", "))))", type: .truth)
        case .between(let operand, let lower, let upper, let negated):
            let value = try compile(operand)
            let low = try comparison(.greaterOrEqual, value, try operands(operand, lower).1)
            let high = try comparison(.lessOrEqual, value, try operands(operand, upper).1)
            let both = "(\(low) AND \(high))"
            return Compiled(sql: negated ? "(NOT \(both))" : both, type: .truth)
        case .nullTest(let operand, let negated):
            return Compiled(sql: "(\(try compile(operand).sql) IS \(negated ? "NOT " : "")NULL)", type: .truth)
        case .match:
            throw unsupported("regular expressions ('~') do not run in the database (engines differ in their syntax); "
                + "use contains(…) or lower(…)", node)
        case .call(let name, _, let arguments):
            return try call(name, arguments, node: node)
        }
    }

    private static func type(of kind: ColumnKind) -> ValueType {
        switch kind {
        case .integer: .number(integral: true)
        case .float: .number(integral: false)
        case .boolean: .truth
        case .categorical, .text: .string
        case .datetime: .time
        case .vector: .other
        }
    }

    /// Two operands compared with each other; a string literal compared with a time is that
    /// time (ISO 8601, read as in memory) as a `TIMESTAMP` literal in UTC.
    private func operands(_ left: SyntaxNode, _ right: SyntaxNode) throws -> (Compiled, Compiled) {
        var a = try compile(left), b = try compile(right)
        if case .time = a.type, case .string(let text) = right.kind { b = try time(text, right) }
        if case .time = b.type, case .string(let text) = left.kind { a = try time(text, left) }
        return (a, b)
    }

    private func time(_ text: String, _ node: SyntaxNode) throws -> Compiled {
        guard let micros = TimeParser.iso(text) else { throw unsupported("\"\(text)\" is not a time", node) }
        return Compiled(sql: "CAST(\(try quoting.literal(TimeFormatting.iso(micros))) AS TIMESTAMP)", type: .time)
    }

    private func comparison(_ op: ComparisonOperator, _ left: Compiled, _ right: Compiled) throws -> String {
        let symbol = switch op {
        case .equal: "="
        case .notEqual: "<>"
        default: op.rawValue
        }
        return "(\(left.sql) \(symbol) \(right.sql))"
    }

    /// Arithmetic in doubles, as in memory; division and remainder by zero are missing.
    private func arithmetic(_ op: ArithmeticOperator, _ left: Compiled, _ right: Compiled,
                            node: SyntaxNode) throws -> Compiled {
        if op == .remainder {
            guard case .number(integral: true) = left.type, case .number(integral: true) = right.type else {
                throw unsupported("'%' runs in the database on integers only (there is no portable remainder of "
                    + "fractional numbers)", node)
            }
            return Compiled(sql: "MOD(\(left.sql), NULLIF(\(right.sql), 0))", type: .number(integral: true))
        }
        let a = Self.double(left.sql), b = Self.double(right.sql)
        let sql = switch op {
        case .add: "(\(a) + \(b))"
        case .subtract: "(\(a) - \(b))"
        case .multiply: "(\(a) * \(b))"
        default: "(\(a) / NULLIF(\(b), 0))"
        }
        return Compiled(sql: sql, type: .number(integral: false))
    }

    private static func double(_ sql: String) -> String {
        "CAST(\(sql) AS DOUBLE PRECISION)"
    }

    private func call(_ name: String, _ arguments: [SyntaxNode], node: SyntaxNode) throws -> Compiled {
        guard let function = ExpressionFunction(rawValue: name.lowercased()) else {
            throw unsupported("unknown function '\(name)'", node)
        }
        var compiled: [Compiled] = []
        for argument in arguments { compiled.append(try compile(argument)) }
        switch function {
        case .abs:
            return Compiled(sql: "ABS(\(compiled[0].sql))", type: compiled[0].type)
        case .log:
            let value = Self.double(compiled[0].sql)
            return Compiled(sql: "LN(CASE WHEN \(value) > 0 THEN \(value) END)", type: .number(integral: false))
        case .len:
            return Compiled(sql: "CHAR_LENGTH(\(compiled[0].sql))", type: .number(integral: true))
        case .lower:
            return Compiled(sql: "LOWER(\(compiled[0].sql))", type: .string)
        case .contains:
            return Compiled(sql: "(POSITION(\(compiled[1].sql) IN \(compiled[0].sql)) > 0)", type: .truth)
        case .round:
            // Halves away from zero, exactly: the fraction of |x| is exact in doubles.
            let value = Self.double(compiled[0].sql)
            let whole = "FLOOR(ABS(\(value)))"
            return Compiled(sql: "(SIGN(\(value)) * CASE WHEN ABS(\(value)) - \(whole) >= 0.5 THEN \(whole) + 1 "
                                + "ELSE \(whole) END)", type: .number(integral: false))
        case .if:
            let type: ValueType = if case .null = compiled[1].type { compiled[2].type } else { compiled[1].type }
            return Compiled(sql: "(CASE WHEN \(compiled[0].sql) THEN \(compiled[1].sql) ELSE \(compiled[2].sql) END)",
                            type: type)
        case .year, .month, .day, .hour, .weekday:
            let field = switch function {
            case .year: "YEAR"
            case .month: "MONTH"
            case .day: "DAY"
            case .hour: "HOUR"
            default: "ISODOW"
            }
            return Compiled(sql: "CAST(EXTRACT(\(field) FROM \(compiled[0].sql)) AS BIGINT)", type: .number(integral: true))
        }
    }

    private func unsupported(_ message: String, _ node: SyntaxNode) -> ExpressionError {
        ExpressionError(message, range: node.range, expression: text)
    }
}
