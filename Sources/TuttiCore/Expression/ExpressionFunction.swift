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
    /// `round(x)`: the nearest whole number, halves away from zero.
    case round
    /// `if(cond, a, b)`: `a` where `cond` is true, else `b` (numbers, strings, times or conditions).
    case `if`
    /// `year(t)`, `month(t)` (1–12), `day(t)` (1–31), `hour(t)` (0–23), `weekday(t)` (1 for
    /// Monday to 7 for Sunday): calendar fields of a time, in UTC.
    case year, month, day, hour, weekday

    /// How the function is called, for messages.
    var signature: String {
        switch self {
        case .abs: "abs(number)"
        case .log: "log(number)"
        case .len: "len(string)"
        case .lower: "lower(string)"
        case .contains: "contains(string, substring)"
        case .round: "round(number)"
        case .if: "if(condition, a, b)"
        case .year, .month, .day, .hour, .weekday: "\(rawValue)(time)"
        }
    }

    /// The number of arguments.
    var arity: Int {
        switch self {
        case .contains: 2
        case .if: 3
        default: 1
        }
    }

    /// The calendar field a time function reads.
    var calendarField: CalendarField? {
        switch self {
        case .year: .year
        case .month: .month
        case .day: .day
        case .hour: .hour
        case .weekday: .weekday
        default: nil
        }
    }
}
