import Foundation

/// Builds plan nodes from checked operands: folds constants, and picks the fast paths
/// (a categorical column against constants becomes a test of its codes, decided once per
/// dictionary entry).
enum PlanBuilder {
    // MARK: Numbers

    static func negate(_ operand: NumberPlan) -> NumberPlan {
        guard case .constant(let constant) = operand else { return .negate(operand) }
        guard let constant else { return .constant(nil) }
        if let integer = constant.integer, integer != .min { return .constant(NumberConstant(integer: -integer)) }
        return .constant(NumberConstant(-constant.value))
    }

    static func arithmetic(_ op: ArithmeticOperator, _ left: NumberPlan, _ right: NumberPlan) -> NumberPlan {
        guard case .constant(let a) = left, case .constant(let b) = right else { return .arithmetic(op, left, right) }
        guard let a, let b else { return .constant(nil) }
        return .constant(op.apply(a.value, b.value).flatMap(NumberConstant.init))
    }

    static func absolute(_ operand: NumberPlan) -> NumberPlan {
        guard case .constant(let constant) = operand else { return .absolute(operand) }
        return .constant(constant.flatMap { NumberConstant(Swift.abs($0.value)) })
    }

    static func logarithm(_ operand: NumberPlan) -> NumberPlan {
        guard case .constant(let constant) = operand else { return .logarithm(operand) }
        return .constant(constant.flatMap { $0.value > 0 ? NumberConstant(Foundation.log($0.value)) : nil })
    }

    static func length(_ operand: StringPlan) -> NumberPlan {
        switch operand {
        case .constant(let value):
            return .constant(NumberConstant(integer: Int64(value.unicodeScalars.count)))
        case .categorical(let values):
            let entries = StringVector(values: .table(values.dictionary, offset: 0), validity: nil)
            return .codeLookup(codes: values.codes, values: TextKernels.lengths(entries, count: values.dictionary.count) + [0],
                               validity: values.validity)
        case .text, .lowercased, .choose:
            return .length(operand)
        }
    }

    static func rounded(_ operand: NumberPlan) -> NumberPlan {
        guard case .constant(let constant) = operand else { return .rounded(operand) }
        return .constant(constant.flatMap { NumberConstant($0.value.rounded(.toNearestOrAwayFromZero)) })
    }

    static func calendar(_ field: CalendarField, _ operand: NumberPlan) -> NumberPlan {
        guard case .constant(let constant) = operand else { return .calendar(field, operand) }
        return .constant(constant.flatMap { $0.integer.map { NumberConstant(integer: field.value(ofMicros: $0)) } })
    }

    static func choose(_ condition: TruthPlan, _ a: NumberPlan, _ b: NumberPlan) -> NumberPlan {
        guard case .constant(let value) = condition else { return .choose(condition, a, b) }
        return value == true ? a : b
    }

    static func choose(_ condition: TruthPlan, _ a: TruthPlan, _ b: TruthPlan) -> TruthPlan {
        guard case .constant(let value) = condition else { return .choose(condition, a, b) }
        return value == true ? a : b
    }

    /// Strings chosen row by row; a nil branch is missing. Folded when the condition is a
    /// constant that picks a present branch.
    static func choose(_ condition: TruthPlan, _ a: StringPlan?, _ b: StringPlan?) -> StringPlan {
        if case .constant(let value) = condition, let chosen = value == true ? a : b { return chosen }
        return .choose(condition, a, b)
    }

    // MARK: Strings

    static func lowercased(_ operand: StringPlan) -> StringPlan {
        switch operand {
        case .constant(let value):
            return .constant(value.lowercased())
        case .categorical(let values):
            let dictionary = StringTable((0..<values.dictionary.count).map { values.dictionary[$0].lowercased() })
            return .categorical(CategoricalValues(codes: values.codes, dictionary: dictionary, validity: values.validity))
        case .lowercased:
            return operand
        case .text, .choose:
            return .lowercased(operand)
        }
    }

    // MARK: Conditions

    static func not(_ operand: TruthPlan) -> TruthPlan {
        if case .constant(let value) = operand { return .constant(value.map { !$0 }) }
        return .not(operand)
    }

    static func compareNumbers(_ op: ComparisonOperator, _ left: NumberPlan, _ right: NumberPlan) -> TruthPlan {
        switch (left, right) {
        case (.constant(let a), .constant(let b)):
            guard let a, let b else { return .constant(nil) }
            if let x = a.integer, let y = b.integer { return .constant(op.holds(x, y)) }
            return .constant(op.holds(a.value, b.value))
        case (.constant, _):
            return .compareNumbers(op.flipped, right, left)
        default:
            return .compareNumbers(op, left, right)
        }
    }

    static func numberIn(_ operand: NumberPlan, _ values: [NumberConstant]) -> TruthPlan {
        guard case .constant(let constant) = operand else { return .numberIn(operand, values) }
        guard let constant else { return .constant(nil) }
        return .constant(values.contains { value in
            if let x = constant.integer, let y = value.integer { return x == y }
            return constant.value == value.value
        })
    }

    /// `left == right` (or `!=` when `equal` is false) for two conditions.
    static func compareTruths(equal: Bool, _ left: TruthPlan, _ right: TruthPlan) -> TruthPlan {
        switch (left, right) {
        case (.constant(let a?), .constant(let b?)):
            return .constant((a == b) == equal)
        case (.constant(let value?), let other), (let other, .constant(let value?)):
            return value == equal ? other : not(other)
        default:
            return equal ? .equal(left, right) : not(.equal(left, right))
        }
    }

    static func compareStrings(_ op: ComparisonOperator, _ left: StringPlan,
                               _ right: StringPlan) throws(ExpressionError) -> TruthPlan {
        switch (left, right) {
        case (_, .constant(let value)):
            return try test(left, .compare(op, Array(value.utf8)))
        case (.constant(let value), _):
            return try test(right, .compare(op.flipped, Array(value.utf8)))
        case (.categorical(let a), .categorical(let b)):
            let (ranksA, ranksB) = commonRanks(a.dictionary, b.dictionary)
            return .codeRanks(op, RankedCodes(codes: a.codes, ranks: ranksA, validity: a.validity),
                              RankedCodes(codes: b.codes, ranks: ranksB, validity: b.validity))
        default:
            return .compareStrings(.compare(op), left, right)
        }
    }

    static func contains(_ operand: StringPlan, _ needle: StringPlan) throws(ExpressionError) -> TruthPlan {
        if case .constant(let value) = needle { return try test(operand, .contains(Array(value.utf8))) }
        return .compareStrings(.contains, operand, needle)
    }

    /// `test` applied to every string of `operand`: folded for a constant, decided once per
    /// dictionary entry for a categorical column, row by row otherwise. Throws when a
    /// regular expression exceeds its budget on a constant or a dictionary entry.
    static func test(_ operand: StringPlan, _ test: TextTest) throws(ExpressionError) -> TruthPlan {
        switch operand {
        case .constant(let value):
            return .constant(try TextMatcher(test).bits(.constant(value), count: 1)[0] != 0)
        case .categorical(let values):
            let entryCount = values.dictionary.count
            let bits = try TextMatcher(test).bits(StringVector(values: .table(values.dictionary, offset: 0), validity: nil),
                                              count: entryCount)
            let table = (0..<entryCount).map { bits[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 } + [false]
            return codePredicate(values, table: table)
        case .text, .lowercased, .choose:
            return .textTest(operand, test)
        }
    }

    /// The cheapest plan for "row `r` passes when `table[codes[r]]`": a code equality when
    /// one code passes (or one fails), a constant when none or all do, else a table lookup.
    private static func codePredicate(_ values: CategoricalValues, table: [Bool]) -> TruthPlan {
        let entryCount = values.dictionary.count
        let passing = (0..<entryCount).filter { table[$0] }
        let failing = (0..<entryCount).filter { !table[$0] }
        let matchesNothing = UInt32.max
        switch (passing.count, failing.count) {
        case (0, _): return .codeEquals(codes: values.codes, code: matchesNothing, validity: values.validity)
        case (_, 0): return not(.codeEquals(codes: values.codes, code: matchesNothing, validity: values.validity))
        case (1, _): return .codeEquals(codes: values.codes, code: UInt32(passing[0]), validity: values.validity)
        case (_, 1): return not(.codeEquals(codes: values.codes, code: UInt32(failing[0]), validity: values.validity))
        default: return .codeTable(codes: values.codes, table: table, validity: values.validity)
        }
    }

    /// A rank for every code of two dictionaries (plus a slot for the missing code), such
    /// that ranks compare as the strings do.
    private static func commonRanks(_ a: StringTable, _ b: StringTable) -> ([UInt32], [UInt32]) {
        func entries(_ table: StringTable) -> [[UInt8]] {
            (0..<table.count).map { code in table.withBytes(at: code) { Array($0) } }
        }
        let entriesA = entries(a), entriesB = entries(b)
        let sorted = Set(entriesA + entriesB).sorted { $0.lexicographicallyPrecedes($1) }
        var rankOf: [[UInt8]: UInt32] = [:]
        for (rank, entry) in sorted.enumerated() { rankOf[entry] = UInt32(rank) }
        return (entriesA.map { rankOf[$0]! } + [0], entriesB.map { rankOf[$0]! } + [0])
    }
}
