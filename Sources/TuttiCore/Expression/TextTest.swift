/// A test of one string against constants. Strings compare by their UTF-8 bytes, which
/// orders them by Unicode code point (no locale, no normalisation).
enum TextTest: Sendable {
    /// `value op constant`.
    case compare(ComparisonOperator, [UInt8])
    /// The value is one of these.
    case oneOf(Set<[UInt8]>)
    /// The value contains this (every value contains the empty string).
    case contains([UInt8])
    /// A regular expression matches somewhere in the value.
    case matches(RegexTest)
}

/// A compiled regular expression and where its pattern stands in the expression, for the
/// error when a search exceeds its budget.
struct RegexTest: Sendable {
    let regex: RegexPattern
    /// The pattern literal's characters in `expression`.
    let range: Range<Int>
    let expression: String

    /// The expression error for a failed search, pointing at the pattern.
    func error(_ failure: RegexSearchError) -> ExpressionError {
        ExpressionError("the regular expression \"\(regex.pattern)\" \(failure.reason)", range: range,
                        expression: expression)
    }
}

/// A `TextTest` ready to run on one thread (a regular expression gets its own searcher).
struct TextMatcher {
    private enum Compiled {
        case compare(ComparisonOperator, [UInt8])
        case oneOf(Set<[UInt8]>)
        case contains([UInt8])
        case regex(RegexSearcher, RegexTest)
    }

    private let compiled: Compiled

    init(_ test: TextTest) {
        switch test {
        case .compare(let op, let constant): compiled = .compare(op, constant)
        case .oneOf(let values): compiled = .oneOf(values)
        case .contains(let needle): compiled = .contains(needle)
        case .matches(let regex): compiled = .regex(RegexSearcher(regex.regex), regex)
        }
    }

    /// The rows of `strings` (`0..<count`) that pass the test, as bits. Throws when a
    /// regular expression exceeds its budget on a value.
    func bits(_ strings: StringVector, count: Int) throws(ExpressionError) -> [UInt64] {
        switch compiled {
        case .compare(let op, let constant):
            strings.withRows { rows in
                constant.withUnsafeBufferPointer { constant in
                    Bits.make(count: count) { op.holds(UTF8Bytes.compare(rows[$0], constant), 0) }
                }
            }
        case .oneOf(let values):
            strings.withRows { rows in Bits.make(count: count) { values.contains(Array(rows[$0])) } }
        case .contains(let needle):
            strings.withRows { rows in
                needle.withUnsafeBufferPointer { needle in
                    Bits.make(count: count) { UTF8Bytes.contains(rows[$0], needle) }
                }
            }
        case .regex(let searcher, let test):
            try Self.search(strings, count: count, searcher, test)
        }
    }

    /// The rows `searcher` finds its pattern in; stops at the first value that exceeds the budget.
    private static func search(_ strings: StringVector, count: Int, _ searcher: RegexSearcher,
                               _ test: RegexTest) throws(ExpressionError) -> [UInt64] {
        var failure: RegexSearchError?
        let bits = strings.withRows { (rows: StringRows) -> [UInt64] in
            Bits.make(count: count) { (row: Int) -> Bool in
                guard failure == nil else { return false }
                do throws(RegexSearchError) {
                    return try searcher.contains(rows[row])
                } catch {
                    failure = error
                    return false
                }
            }
        }
        if let failure { throw test.error(failure) }
        return bits
    }
}
