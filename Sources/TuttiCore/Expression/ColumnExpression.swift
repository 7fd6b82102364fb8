/// An expression computed into a new column (a derived column): numbers, times, conditions
/// or strings, typed like any loaded column.
///
/// ```swift
/// let margin = try ColumnExpression("abs(score - 0.5)", dataset: dataset).column(named: "margin")
/// ```
///
/// Numbers that are whole by construction (integer columns, `len`, `round`, the calendar
/// functions, and `+ - * %` of those) make an integer column, other numbers a float column;
/// conditions a boolean column (unknown is missing); times a datetime column; strings a
/// categorical column when values repeat enough, else text. Evaluation runs column at a
/// time over chunks of rows on all cores, as filters do. The whole expression may also be
/// `familiarity(…)` (see `FamiliarityCall`), which scores every row against the others.
public struct ColumnExpression: Sendable {
    /// The expression as written.
    public let text: String
    private let dataset: Dataset
    private let source: Source

    /// What computes the values.
    private enum Source: Sendable {
        /// An expression evaluated row by row.
        case rows(CheckedValue)
        /// `familiarity(…)`, with the range of the call.
        case familiarity(FamiliarityCall, Range<Int>)
    }

    /// Parses and checks `text` against the columns of `dataset`; throws an `ExpressionError`
    /// pointing at the culprit for a syntax or type error, an empty expression, `null` alone
    /// or a vector.
    public init(_ text: String, dataset: Dataset) throws(ExpressionError) {
        self.text = text
        self.dataset = dataset
        guard let tree = try Parser.parse(text) else {
            throw ExpressionError("a derived column needs an expression, such as 'abs(score - 0.5)'", range: 0..<0,
                                  expression: text)
        }
        if let call = try FamiliarityCall(tree, dataset: dataset, text: text) {
            source = .familiarity(call, tree.range)
            return
        }
        var checker = TypeChecker(dataset: dataset, text: text)
        let value = try checker.check(tree)
        switch value {
        case .null, .vector:
            throw ExpressionError("a derived column holds numbers, strings, times or conditions, but "
                + "\(checker.source(tree)) is \(value.typeName)", range: tree.range, expression: text)
        default:
            source = .rows(value)
        }
    }

    /// The values as a column called `name`.
    public func column(named name: String) throws(ExpressionError) -> Column {
        let value: CheckedValue
        switch source {
        case .familiarity(let call, let range): return try call.column(named: name, text: text, range: range)
        case .rows(let checked): value = checked
        }
        let rowCount = dataset.rowCount
        let chunkCount = (rowCount + PlanRunner.chunkRows - 1) / PlanRunner.chunkRows
        func chunks<T>(_ body: @escaping @Sendable (ChunkEvaluator) throws(ExpressionError) -> T) throws(ExpressionError) -> [T] {
            let run = { (index: Int) -> Result<T, ExpressionError> in
                let first = index * PlanRunner.chunkRows
                let evaluator = ChunkEvaluator(firstRow: first, count: min(PlanRunner.chunkRows, rowCount - first))
                do throws(ExpressionError) { return .success(try body(evaluator)) } catch { return .failure(error) }
            }
            let parts = rowCount >= PlanRunner.parallelRows ? ResultSlots.collect(count: chunkCount, run)
                                                             : (0..<chunkCount).map(run)
            var results: [T] = []
            results.reserveCapacity(parts.count)
            for part in parts { results.append(try part.get()) }
            return results
        }
        switch value {
        case .number(let plan), .time(let plan):
            // Every chunk writes its values straight into its rows of one preallocated array.
            func numbers<T>(_ write: @escaping @Sendable (ChunkEvaluator, UnsafeMutablePointer<T>)
                throws(ExpressionError) -> [UInt64]?) throws(ExpressionError) -> (values: [T], validity: RowSet) {
                var parts: [[UInt64]?] = []
                var failure: ExpressionError?
                let values = [T](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
                    nonisolated(unsafe) let base = buffer.baseAddress
                    do throws(ExpressionError) {
                        parts = try chunks { evaluator throws(ExpressionError) in
                            try write(evaluator, base! + evaluator.firstRow)
                        }
                    } catch {
                        failure = error
                    }
                    initialized = rowCount
                }
                if let failure { throw failure }
                return (values, Self.validity(parts, rowCount: rowCount))
            }
            let isTime = if case .time = value { true } else { false }
            if isTime || plan.isIntegral {
                let (values, validity) = try numbers { (evaluator, target: UnsafeMutablePointer<Int64>) throws(ExpressionError) in
                    try evaluator.writeIntegers(plan, to: target)
                }
                return Column(name: name, data: isTime ? .datetime(values) : .integer(values), validity: validity)
            }
            let (values, validity) = try numbers { (evaluator, target: UnsafeMutablePointer<Double>) throws(ExpressionError) in
                try evaluator.writeDoubles(plan, to: target)
            }
            return Column(name: name, data: .float(values), validity: validity)
        case .truth(let plan):
            let parts = try chunks { evaluator throws(ExpressionError) in try evaluator.truth(plan) }
            let validity = Self.validity(parts.map(\.known), rowCount: rowCount)
            let isTrue = Self.validity(parts.map(\.isTrue), rowCount: rowCount)
            return Column(name: name, data: .boolean((0..<rowCount).map { isTrue.contains($0) }), validity: validity)
        case .string(let plan):
            let parts = try chunks { evaluator throws(ExpressionError) -> (StringTable, [UInt64]?) in
                let vector = try evaluator.string(plan)
                var table = StringTable()
                vector.withRows { rows in
                    for row in 0..<evaluator.count { table.append(rows[row]) }
                }
                return (table, vector.validity)
            }
            let validity = Self.validity(parts.map(\.1), rowCount: rowCount)
            var table = StringTable()
            for part in parts { table.append(contentsOf: part.0) }
            return Column(name: name, data: Self.strings(table, validity: validity), validity: validity)
        case .null, .vector:
            preconditionFailure("checked in init")
        }
    }

    /// Per-chunk validity words (nil: all present) joined over `rowCount` rows.
    private static func validity(_ parts: [[UInt64]?], rowCount: Int) -> RowSet {
        var words: [UInt64] = []
        words.reserveCapacity((rowCount + 63) >> 6)
        for (index, part) in parts.enumerated() {
            let count = min(PlanRunner.chunkRows, rowCount - index * PlanRunner.chunkRows)
            let wordCount = (count + 63) >> 6
            if let part { words.append(contentsOf: part.prefix(wordCount)) } else {
                words.append(contentsOf: repeatElement(~0, count: wordCount))
            }
        }
        if rowCount & 63 != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(rowCount & 63)) - 1 }
        return RowSet(rowCount: rowCount, words: words)
    }

    /// Strings as a categorical column when values repeat enough, else text.
    private static func strings(_ table: StringTable, validity: RowSet) -> ColumnData {
        var codeOf: [[UInt8]: UInt32] = [:]
        var dictionary = StringTable()
        var codes = [UInt32](repeating: 0, count: table.count)
        let limit = Swift.min(ColumnAssembler.maxCategories, validity.count / 2)
        for row in 0..<table.count where validity.contains(row) {
            let key = table.withBytes(at: row) { Array($0) }
            if let code = codeOf[key] {
                codes[row] = code
            } else {
                guard codeOf.count < limit else { return .text(table) }
                let code = UInt32(codeOf.count)
                codeOf[key] = code
                dictionary.append(String(decoding: key, as: UTF8.self))
                codes[row] = code
            }
        }
        let missing = UInt32(dictionary.count)
        for row in 0..<table.count where !validity.contains(row) { codes[row] = missing }
        return .categorical(codes: codes, dictionary: dictionary)
    }
}

extension NumberPlan {
    /// Whether every value is a whole number by construction.
    var isIntegral: Bool {
        switch self {
        case .constant(let constant): constant?.integer != nil
        case .integers, .codeLookup, .length, .calendar, .rounded: true
        case .doubles, .logarithm: false
        case .negate(let operand), .absolute(let operand): operand.isIntegral
        case .arithmetic(let op, let a, let b): op != .divide && a.isIntegral && b.isIntegral
        case .choose(_, let a, let b): a.isIntegral && b.isIntegral
        }
    }
}
