/// A node of a parsed expression and the characters it was written with.
struct SyntaxNode: Equatable, CustomStringConvertible {
    let kind: SyntaxKind
    /// Character offsets into the expression.
    let range: Range<Int>
    /// The number of nodes on the longest path from this node down to a leaf (1 for a leaf).
    let height: Int

    init(kind: SyntaxKind, range: Range<Int>) {
        self.kind = kind
        self.range = range
        height = 1 + kind.children.reduce(0) { max($0, $1.height) }
    }

    /// Whether the node is a literal (a negated number counts as one).
    var isLiteral: Bool {
        switch kind {
        case .number, .string, .boolean, .null: true
        case .negate(let operand): operand.isLiteral
        default: false
        }
    }

    /// The node as a fully parenthesised prefix form, e.g. `(or a (and b c))`, for tests
    /// and debugging.
    var description: String {
        switch kind {
        case .number(let number): number.integer.map(String.init) ?? String(number.value)
        case .string(let value): "\"\(value)\""
        case .boolean(let value): String(value)
        case .null: "null"
        case .column(let name): name
        case .negate(let operand): "(- \(operand))"
        case .not(let operand): "(not \(operand))"
        case .logical(let op, let left, let right): "(\(op.rawValue) \(left) \(right))"
        case .comparison(let op, let left, let right): "(\(op.rawValue) \(left) \(right))"
        case .arithmetic(let op, let left, let right): "(\(op.rawValue) \(left) \(right))"
        case .membership(let operand, let values, let negated):
            "(\(negated ? "not in" : "in") \(operand) \(values.map(\.description).joined(separator: " ")))"
        case .between(let operand, let lower, let upper, let negated):
            "(\(negated ? "not between" : "between") \(operand) \(lower) \(upper))"
        case .nullTest(let operand, let negated): "(\(negated ? "is not null" : "is null") \(operand))"
        case .match(let operand, let pattern): "(~ \(operand) \(pattern))"
        case .call(let name, _, let arguments): "(\(name) \(arguments.map(\.description).joined(separator: " ")))"
        }
    }
}

/// What a syntax node is.
indirect enum SyntaxKind: Equatable {
    case number(NumberConstant)
    case string(String)
    case boolean(Bool)
    case null
    case column(String)
    /// Unary minus.
    case negate(SyntaxNode)
    /// `not` / `!`.
    case not(SyntaxNode)
    case logical(LogicalOperator, SyntaxNode, SyntaxNode)
    case comparison(ComparisonOperator, SyntaxNode, SyntaxNode)
    case arithmetic(ArithmeticOperator, SyntaxNode, SyntaxNode)
    /// `operand in (values)` / `operand not in (values)`.
    case membership(SyntaxNode, [SyntaxNode], negated: Bool)
    /// `operand between lower and upper`, both bounds included.
    case between(SyntaxNode, lower: SyntaxNode, upper: SyntaxNode, negated: Bool)
    /// `operand is null` / `operand is not null`.
    case nullTest(SyntaxNode, negated: Bool)
    /// `operand ~ pattern`: a regular-expression search.
    case match(SyntaxNode, pattern: SyntaxNode)
    /// A function call; `name` as written, `nameRange` covering it.
    case call(name: String, nameRange: Range<Int>, arguments: [SyntaxNode])

    /// The operands of the node, in order.
    var children: [SyntaxNode] {
        switch self {
        case .number, .string, .boolean, .null, .column: []
        case .negate(let operand), .not(let operand), .nullTest(let operand, _): [operand]
        case .logical(_, let left, let right), .comparison(_, let left, let right),
             .arithmetic(_, let left, let right): [left, right]
        case .membership(let operand, let values, _): [operand] + values
        case .between(let operand, let lower, let upper, _): [operand, lower, upper]
        case .match(let operand, let pattern): [operand, pattern]
        case .call(_, _, let arguments): arguments
        }
    }
}
