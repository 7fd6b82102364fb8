/// Runs a plan over one chunk of rows, a node at a time: each node is a kernel over whole
/// arrays (the chunk's window on the columns), producing bitsets or temporary arrays.
struct ChunkEvaluator {
    /// The chunk's first row, a multiple of 64.
    let firstRow: Int
    /// The number of rows in the chunk.
    let count: Int

    init(firstRow: Int, count: Int) {
        precondition(firstRow & 63 == 0, "chunks start on a word boundary")
        self.firstRow = firstRow
        self.count = count
    }

    private var words: Range<Int> { (firstRow >> 6)..<((firstRow >> 6) + ((count + 63) >> 6)) }

    private func validity(_ set: RowSet?) -> [UInt64]? { Bits.slice(set, words: words) }

    func truth(_ plan: TruthPlan) throws(ExpressionError) -> Truth {
        switch plan {
        case .constant(let value):
            return Truth.constant(value, wordCount: words.count)
        case .booleans(let values, let validity):
            let bits = values.withUnsafeBufferPointer { values in
                let values = values.baseAddress! + firstRow
                return Bits.make(count: count) { values[$0] }
            }
            return Truth.known(bits, validity: self.validity(validity))
        case .not(let operand):
            return try truth(operand).negated()
        case .logical(.and, let left, let right):
            return try truth(left).and(truth(right))
        case .logical(.or, let left, let right):
            return try truth(left).or(truth(right))
        case .equal(let left, let right):
            return try truth(left).equals(truth(right))
        case .compareNumbers(let op, let left, let right):
            return try NumberKernels.compare(op, number(left), number(right), count: count)
        case .numberIn(let operand, let values):
            return try NumberKernels.member(number(operand), of: values, count: count)
        case .codeEquals(let codes, let code, let validity):
            return Truth.known(CodeKernels.equal(codes, offset: firstRow, to: code, count: count),
                               validity: self.validity(validity))
        case .codeTable(let codes, let table, let validity):
            return Truth.known(CodeKernels.lookUp(codes, offset: firstRow, in: table, count: count),
                               validity: self.validity(validity))
        case .codeRanks(let op, let left, let right):
            return Truth.known(CodeKernels.compare(op, left, right, offset: firstRow, count: count),
                               validity: Bits.and(validity(left.validity), validity(right.validity)))
        case .textTest(let operand, let test):
            let strings = try string(operand)
            return Truth.known(try TextMatcher(test).bits(strings, count: count), validity: strings.validity)
        case .compareStrings(let relation, let left, let right):
            let a = try string(left), b = try string(right)
            return Truth.known(TextKernels.relate(relation, a, b, count: count),
                               validity: Bits.and(a.validity, b.validity))
        case .isMissing(let operand):
            let present = try presence(operand)
            return Truth(isTrue: present.map { ~$0 }, isFalse: present)
        case .choose(let condition, let a, let b):
            let mask = try truth(condition).isTrue
            let x = try truth(a), y = try truth(b)
            return Truth(isTrue: Bits.choose(mask, x.isTrue, y.isTrue), isFalse: Bits.choose(mask, x.isFalse, y.isFalse))
        }
    }

    /// The rows where `value` is present.
    private func presence(_ value: ValuePlan) throws(ExpressionError) -> [UInt64] {
        let present: [UInt64]?
        switch value {
        case .number(let plan): present = try number(plan).validity
        case .string(let plan): present = try string(plan).validity
        case .truth(let plan): present = try truth(plan).known
        case .validity(let set): present = validity(set)
        }
        return present ?? [UInt64](repeating: ~0, count: words.count)
    }

    func number(_ plan: NumberPlan) throws(ExpressionError) -> NumberVector {
        switch plan {
        case .constant(let constant?):
            return NumberVector(values: .constant(constant), validity: nil)
        case .constant(nil):
            return NumberVector(values: .constant(NumberConstant(integer: 0)),
                                validity: [UInt64](repeating: 0, count: words.count))
        case .integers(let values, let validity):
            return NumberVector(values: .integers(values, offset: firstRow), validity: self.validity(validity))
        case .doubles(let values, let validity):
            return NumberVector(values: .doubles(values, offset: firstRow), validity: self.validity(validity))
        case .codeLookup(let codes, let values, let validity):
            return NumberVector(values: .doubles(CodeKernels.lookUp(codes, offset: firstRow, in: values, count: count),
                                                 offset: 0),
                                validity: self.validity(validity))
        case .negate(let operand):
            return try ArithmeticKernels.negate(number(operand), count: count)
        case .arithmetic(let op, let left, let right):
            return try ArithmeticKernels.apply(op, number(left), number(right), count: count)
        case .absolute(let operand):
            return try ArithmeticKernels.absolute(number(operand), count: count)
        case .logarithm(let operand):
            return try ArithmeticKernels.logarithm(number(operand), count: count)
        case .length(let operand):
            let strings = try string(operand)
            return NumberVector(values: .doubles(TextKernels.lengths(strings, count: count), offset: 0),
                                validity: strings.validity)
        case .calendar(let field, let operand):
            return TimeKernels.field(field, try number(operand), count: count)
        case .rounded(let operand):
            return ArithmeticKernels.rounded(try number(operand), count: count)
        case .choose(let condition, let a, let b):
            return ArithmeticKernels.choose(try truth(condition).isTrue, try number(a), try number(b), count: count)
        }
    }

    func string(_ plan: StringPlan) throws(ExpressionError) -> StringVector {
        switch plan {
        case .constant(let value):
            return .constant(value)
        case .categorical(let values):
            return StringVector(values: .codes(values.codes, offset: firstRow, dictionary: values.dictionary),
                                validity: validity(values.validity))
        case .text(let table, let validity):
            return StringVector(values: .table(table, offset: firstRow), validity: self.validity(validity))
        case .lowercased(let operand):
            return try string(operand).lowercased(count: count)
        case .choose(let condition, let a, let b):
            let mask = try truth(condition).isTrue
            let none = [UInt64](repeating: 0, count: words.count), all = [UInt64](repeating: ~0, count: words.count)
            let x = try a.map { plan throws(ExpressionError) in try string(plan) }
            let y = try b.map { plan throws(ExpressionError) in try string(plan) }
            let validity = Bits.choose(mask, x.map { $0.validity ?? all } ?? none, y.map { $0.validity ?? all } ?? none)
            return StringVector.choose(mask, x, y, validity: validity, count: count)
        }
    }
}
