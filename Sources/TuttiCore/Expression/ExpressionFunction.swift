/// The functions an expression can call (names are case-insensitive).
enum ExpressionFunction: String, CaseIterable {
    /// `abs(x)`: the absolute value.
    case abs
    /// `log(x)`: the natural logarithm; missing for x ≤ 0.
    case log
    /// `len(s)`: the number of characters (Unicode scalars) of a string.
    case len
    /// `lower(s)`: the string in lower case.
    case lower
    /// `contains(s, sub)`: whether `s` holds `sub` (case-sensitive).
    case contains

    /// How the function is called, for messages.
    var signature: String {
        switch self {
        case .abs: "abs(number)"
        case .log: "log(number)"
        case .len: "len(string)"
        case .lower: "lower(string)"
        case .contains: "contains(string, substring)"
        }
    }

    /// The number of arguments.
    var arity: Int { self == .contains ? 2 : 1 }
}
