import Foundation
@testable import TuttiCore

/// A value in the reference evaluator.
enum ReferenceValue: Equatable {
    case number(Double)
    case string(String)
    case boolean(Bool)
    case missing

    /// The value as a three-valued truth (nil = unknown).
    var truth: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    init(truth: Bool?) { self = truth.map(ReferenceValue.boolean) ?? .missing }
}

/// An expression for the property tests: rendered as text for `FilterExpression`, and
/// evaluated here row by row, written independently of the vectorised engine.
indirect enum ReferenceExpression {
    case column(String, quoted: Bool)
    case number(Double, text: String)
    case string(String, singleQuoted: Bool)
    case boolean(Bool)
    case arithmetic(String, ReferenceExpression, ReferenceExpression)
    case negate(ReferenceExpression)
    case function(String, [ReferenceExpression])
    /// `op` as written (`==`, `=`, `<>`, …).
    case compare(String, ReferenceExpression, ReferenceExpression)
    /// `spelling` is `and`, `AND`, `&&`, `or`, `Or` or `||`.
    case logical(String, ReferenceExpression, ReferenceExpression)
    /// `spelling` is `not`, `NOT` or `!`.
    case not(String, ReferenceExpression)
    case member(ReferenceExpression, [ReferenceExpression], negated: Bool)
    case between(ReferenceExpression, ReferenceExpression, ReferenceExpression, negated: Bool)
    case isNull(ReferenceExpression, negated: Bool)
    case match(ReferenceExpression, pattern: String)

    // MARK: Text

    var text: String {
        switch self {
        case .column(let name, let quoted): quoted ? "`\(name)`" : name
        case .number(_, let text): text
        case .string(let value, let singleQuoted):
            singleQuoted
                ? "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
                : "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .boolean(let value): value ? "true" : "FALSE"
        case .arithmetic(let op, let a, let b): "\(a.operandText) \(op) \(b.operandText)"
        case .negate(let a): "-\(a.operandText)"
        case .function(let name, let arguments): "\(name)(\(arguments.map(\.text).joined(separator: ", ")))"
        case .compare(let op, let a, let b): "\(a.operandText) \(op) \(b.operandText)"
        case .logical(let spelling, let a, let b): "\(a.operandText) \(spelling) \(b.operandText)"
        case .not(let spelling, let a): spelling == "!" ? "!\(a.operandText)" : "\(spelling) \(a.operandText)"
        case .member(let a, let values, let negated):
            "\(a.operandText) \(negated ? "not in" : "in") (\(values.map(\.text).joined(separator: ", ")))"
        case .between(let a, let low, let high, let negated):
            "\(a.operandText) \(negated ? "NOT BETWEEN" : "between") \(low.operandText) and \(high.operandText)"
        case .isNull(let a, let negated): "\(a.operandText) is \(negated ? "not " : "")null"
        case .match(let a, let pattern): "\(a.operandText) ~ \(ReferenceExpression.string(pattern, singleQuoted: false).text)"
        }
    }

    /// The text, in parentheses unless it is an atom.
    private var operandText: String {
        switch self {
        case .column, .number, .string, .boolean, .function: text
        default: "(\(text))"
        }
    }

    // MARK: Evaluation

    /// The rows where the expression is true.
    func rows(in dataset: Dataset) -> [Int] {
        (0..<dataset.rowCount).filter { value(row: $0, in: dataset) == .boolean(true) }
    }

    func value(row: Int, in dataset: Dataset) -> ReferenceValue {
        switch self {
        case .column(let name, _):
            let column = dataset.column(named: name)!
            guard column.isPresent(row) else { return .missing }
            switch column.data {
            case .integer(let values): return .number(Double(values[row]))
            case .float(let values): return .number(values[row])
            case .boolean(let values): return .boolean(values[row])
            case .categorical(let codes, let dictionary): return .string(dictionary[Int(codes[row])])
            case .text(let table): return .string(table[row])
            case .vector, .datetime: preconditionFailure("the generator makes no vector or time columns")
            }
        case .number(let value, _): return .number(value)
        case .string(let value, _): return .string(value)
        case .boolean(let value): return .boolean(value)
        case .arithmetic(let op, let a, let b):
            guard case .number(let x) = a.value(row: row, in: dataset), case .number(let y) = b.value(row: row, in: dataset)
            else { return .missing }
            let result: Double
            switch op {
            case "+": result = x + y
            case "-": result = x - y
            case "*": result = x * y
            case "/": if y == 0 { return .missing } else { result = x / y }
            default: if y == 0 { return .missing } else { result = fmod(x, y) }
            }
            return result.isNaN ? .missing : .number(result)
        case .negate(let a):
            guard case .number(let x) = a.value(row: row, in: dataset) else { return .missing }
            return .number(-x)
        case .function(let name, let arguments):
            return call(name, arguments.map { $0.value(row: row, in: dataset) })
        case .compare(let op, let a, let b):
            return ReferenceValue(truth: ReferenceExpression.compare(op, a.value(row: row, in: dataset),
                                                                     b.value(row: row, in: dataset)))
        case .logical(let spelling, let a, let b):
            let x = a.value(row: row, in: dataset).truth, y = b.value(row: row, in: dataset).truth
            if ["and", "AND", "&&"].contains(spelling) {
                if x == false || y == false { return .boolean(false) }
                return x == true && y == true ? .boolean(true) : .missing
            }
            if x == true || y == true { return .boolean(true) }
            return x == false && y == false ? .boolean(false) : .missing
        case .not(_, let a):
            return ReferenceValue(truth: a.value(row: row, in: dataset).truth.map { !$0 })
        case .member(let a, let values, let negated):
            let x = a.value(row: row, in: dataset)
            guard x != .missing else { return .missing }
            let found = values.contains { ReferenceExpression.compare("==", x, $0.value(row: row, in: dataset)) == true }
            return .boolean(found != negated)
        case .between(let a, let low, let high, let negated):
            let x = a.value(row: row, in: dataset)
            let above = ReferenceExpression.compare(">=", x, low.value(row: row, in: dataset))
            let below = ReferenceExpression.compare("<=", x, high.value(row: row, in: dataset))
            let inside: Bool? = above == false || below == false ? false : (above == true && below == true ? true : nil)
            return ReferenceValue(truth: inside.map { $0 != negated })
        case .isNull(let a, let negated):
            return .boolean((a.value(row: row, in: dataset) == .missing) != negated)
        case .match(let a, let pattern):
            guard case .string(let s) = a.value(row: row, in: dataset) else { return .missing }
            return .boolean(s.contains(try! Regex(pattern)))
        }
    }

    private func call(_ name: String, _ arguments: [ReferenceValue]) -> ReferenceValue {
        switch (name.lowercased(), arguments.first) {
        case ("abs", .number(let x)?): return .number(Swift.abs(x))
        case ("log", .number(let x)?): return x > 0 ? .number(Foundation.log(x)) : .missing
        case ("len", .string(let s)?): return .number(Double(s.unicodeScalars.count))
        case ("lower", .string(let s)?): return .string(s.lowercased())
        case ("contains", .string(let s)?):
            guard case .string(let needle) = arguments[1] else { return .missing }
            return .boolean(ReferenceExpression.bytes(Array(s.utf8), contain: Array(needle.utf8)))
        default: return .missing
        }
    }

    private static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    /// `a op b` with SQL's missing values; strings by UTF-8 bytes.
    static func compare(_ op: String, _ a: ReferenceValue, _ b: ReferenceValue) -> Bool? {
        let order: Int
        switch (a, b) {
        case (.number(let x), .number(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)):
            let x = Array(x.utf8), y = Array(y.utf8)
            order = x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
        case (.boolean(let x), .boolean(let y)): order = x == y ? 0 : 1
        default: return nil
        }
        switch op {
        case "==", "=": return order == 0
        case "!=", "<>": return order != 0
        case "<": return order < 0
        case "<=": return order <= 0
        case ">": return order > 0
        default: return order >= 0
        }
    }
}

/// Random tables and random well-typed expressions over them.
struct ExpressionGenerator {
    var random: ExpressionRandom

    static let words = ["apple", "Apple", "APPLE", "pear", "", "é", "Éclair", "naïve café", "a\"b", "back\\slash",
                        "zebra", "banana split", "42", "it's"]
    static let patterns = ["^a", "e$", "(?i)apple", "[0-9]", "^$", "é", "a.*e", "^(Apple|pear)$", "\\s"]

    /// Columns: `i` (integers with missing), `j` (integers), `hours per week` (integers),
    /// `f` (floats with missing), `g` (floats), `c` and `d` (categorical with missing, two
    /// dictionaries), `t` (text with missing), `u` (text), `b` (booleans with missing).
    mutating func table(rows: Int) -> Dataset {
        func maybe<T>(_ value: T, missing: Bool, using random: inout ExpressionRandom) -> T? {
            missing && Int.random(in: 0..<6, using: &random) == 0 ? nil : value
        }
        var columns: [(String, TestColumn)] = []
        for (name, hasMissing) in [("i", true), ("j", false), ("hours per week", false)] {
            columns.append((name, .integers((0..<rows).map { _ in
                maybe(Int64.random(in: -6...6, using: &random), missing: hasMissing, using: &random)
            })))
        }
        let floats: [Double] = [0, -0.5, 0.5, 1.5, 2, -3.25, 10, 1e-3, 100]
        for (name, hasMissing) in [("f", true), ("g", false)] {
            columns.append((name, .floats((0..<rows).map { _ in
                maybe(floats.randomElement(using: &random)!, missing: hasMissing, using: &random)
            })))
        }
        for name in ["c", "d"] {
            let pool = Array(ExpressionGenerator.words.shuffled(using: &random).prefix(Int.random(in: 1...8, using: &random)))
            columns.append((name, .categorical((0..<rows).map { _ in
                maybe(pool.randomElement(using: &random)!, missing: true, using: &random)
            })))
        }
        for (name, hasMissing) in [("t", true), ("u", false)] {
            columns.append((name, .text((0..<rows).map { _ in
                let parts = (0..<Int.random(in: 1...2, using: &random)).map { _ in ExpressionGenerator.words.randomElement(using: &random)! }
                return maybe(parts.joined(separator: " "), missing: hasMissing, using: &random)
            })))
        }
        columns.append(("b", .booleans((0..<rows).map { _ in maybe(Bool.random(using: &random), missing: true, using: &random) })))
        return Dataset(source: "random", rowCount: rows, columns: columns.map { $0.1.column(named: $0.0) })
    }

    private mutating func pick<T>(_ options: [T]) -> T { options.randomElement(using: &random)! }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func condition(depth: Int) -> ReferenceExpression {
        if depth > 0, chance(45) {
            switch Int.random(in: 0..<3, using: &random) {
            case 0: return .logical(pick(["and", "AND", "&&"]), condition(depth: depth - 1), condition(depth: depth - 1))
            case 1: return .logical(pick(["or", "Or", "||"]), condition(depth: depth - 1), condition(depth: depth - 1))
            default: return .not(pick(["not", "NOT", "!"]), condition(depth: depth - 1))
            }
        }
        let comparisons = ["==", "=", "!=", "<>", "<", "<=", ">", ">="]
        switch Int.random(in: 0..<11, using: &random) {
        case 0, 1: return .compare(pick(comparisons), number(depth: depth), numberLiteral())
        case 2: return .compare(pick(comparisons), number(depth: depth), number(depth: depth))
        case 3: return .compare(pick(comparisons), string(depth: depth), chance(70) ? stringLiteral() : string(depth: depth))
        case 4: return chance(50) ? .column("b", quoted: false) : .compare(pick(["==", "!="]), .column("b", quoted: false),
                                                                           chance(70) ? .boolean(chance(50)) : condition(depth: 0))
        case 5:
            let values = (0..<Int.random(in: 1...10, using: &random)).map { _ in numberLiteral() }
            return .member(number(depth: depth), values, negated: chance(30))
        case 6:
            let values = (0..<Int.random(in: 1...4, using: &random)).map { _ in stringLiteral() }
            return .member(string(depth: depth), values, negated: chance(30))
        case 7:
            return chance(70) ? .between(number(depth: depth), numberLiteral(), numberLiteral(), negated: chance(30))
                : .between(string(depth: depth), stringLiteral(), stringLiteral(), negated: chance(30))
        case 8:
            let operand = pick([number(depth: depth), string(depth: depth), condition(depth: 0)])
            return .isNull(operand, negated: chance(50))
        case 9: return .function("contains", [string(depth: depth), chance(80) ? stringLiteral() : string(depth: 0)])
        default: return .match(string(depth: depth), pattern: pick(ExpressionGenerator.patterns))
        }
    }

    mutating func number(depth: Int) -> ReferenceExpression {
        if depth > 0, chance(40) {
            switch Int.random(in: 0..<5, using: &random) {
            case 0: return .arithmetic(pick(["+", "-", "*", "/", "%"]), number(depth: depth - 1), number(depth: depth - 1))
            case 1: return .negate(number(depth: depth - 1))
            case 2: return .function(pick(["abs", "ABS"]), [number(depth: depth - 1)])
            case 3: return .function("log", [number(depth: depth - 1)])
            default: return .function("len", [string(depth: depth - 1)])
            }
        }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return .column("i", quoted: chance(20))
        case 1: return .column(pick(["j", "hours per week"]), quoted: true)
        case 2: return .column("f", quoted: false)
        case 3: return .column("g", quoted: false)
        default: return numberLiteral()
        }
    }

    mutating func numberLiteral() -> ReferenceExpression {
        switch Int.random(in: 0..<4, using: &random) {
        case 0, 1:
            let value = Int.random(in: -6...6, using: &random)
            return .number(Double(value), text: String(value))
        case 2:
            let value = pick([0.5, -1.5, 2.25, 100.0, 0.0, -0.5, 10.0])
            return .number(value, text: String(value))
        default:
            let (value, text) = pick([(0.001, "1e-3"), (250.0, "2.5e2"), (1.5, "15E-1"), (0.5, ".5")])
            return .number(value, text: text)
        }
    }

    mutating func string(depth: Int) -> ReferenceExpression {
        if depth > 0, chance(25) { return .function(pick(["lower", "LOWER"]), [string(depth: depth - 1)]) }
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return .column("c", quoted: false)
        case 1: return .column("d", quoted: true)
        case 2: return .column("t", quoted: false)
        case 3: return .column("u", quoted: false)
        default: return stringLiteral()
        }
    }

    mutating func stringLiteral() -> ReferenceExpression {
        .string(pick(ExpressionGenerator.words), singleQuoted: chance(30))
    }
}
