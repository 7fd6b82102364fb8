/// A test of one string against constants. Strings compare by their UTF-8 bytes, which
/// orders them by Unicode code point (no locale, no normalisation).
enum TextTest: Sendable {
    /// `value op constant`.
    case compare(ComparisonOperator, [UInt8])
    /// The value is one of these.
    case oneOf(Set<[UInt8]>)
    /// The value contains this (every value contains the empty string).
    case contains([UInt8])
    /// A regular expression (already known to be valid) matches somewhere in the value.
    case matches(pattern: String)
}

/// A `TextTest` ready to run, its regular expression compiled. Not `Sendable` (neither is
/// `Regex`), so each thread makes its own.
struct TextMatcher {
    private enum Compiled {
        case compare(ComparisonOperator, [UInt8])
        case oneOf(Set<[UInt8]>)
        case contains([UInt8])
        case regex(Regex<AnyRegexOutput>)
    }

    private let compiled: Compiled

    init(_ test: TextTest) {
        switch test {
        case .compare(let op, let constant): compiled = .compare(op, constant)
        case .oneOf(let values): compiled = .oneOf(values)
        case .contains(let needle): compiled = .contains(needle)
        case .matches(let pattern):
            guard let regex = try? Regex(pattern) else { preconditionFailure("the pattern was validated when checking") }
            compiled = .regex(regex)
        }
    }

    /// The rows of `strings` (`0..<count`) that pass the test, as bits.
    func bits(_ strings: StringVector, count: Int) -> [UInt64] {
        strings.withRows { rows in
            switch compiled {
            case .compare(let op, let constant):
                constant.withUnsafeBufferPointer { constant in
                    Bits.make(count: count) { op.holds(UTF8Bytes.compare(rows[$0], constant), 0) }
                }
            case .oneOf(let values):
                Bits.make(count: count) { values.contains(Array(rows[$0])) }
            case .contains(let needle):
                needle.withUnsafeBufferPointer { needle in
                    Bits.make(count: count) { UTF8Bytes.contains(rows[$0], needle) }
                }
            case .regex(let regex):
                Bits.make(count: count) { String(decoding: rows[$0], as: UTF8.self).contains(regex) }
            }
        }
    }
}
