/// Reads times from text into microseconds UTC: ISO 8601 dates and date-times (`2016-01-01`,
/// `2009-12-23T17:38:18Z`, `2009-12-23 17:38:18.25+02:00`), or text in a `TimeFormat`.
public enum TimeParser {
    /// Times from year 1 to year 9999 only, so that microseconds never overflow.
    static let years: ClosedRange<Int64> = 1...9_999

    /// An ISO 8601 date (`YYYY-MM-DD`) or date-time: `T` or a space, `HH:MM`, optional `:SS`
    /// and fraction (`.` or `,`, up to microseconds; further digits are dropped), then `Z`, an
    /// offset (`+HH:MM`, `+HHMM`, `+HH`) or nothing (UTC). Nil for anything else.
    public static func iso(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { iso($0.baseAddress!, $0.count) }
    }

    /// `iso(_:)` over `n` bytes at `p`.
    @inline(__always)
    static func iso(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        guard n >= 10, p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"),
              let year = digits(p, 0, 4), let month = digits(p, 5, 2), let day = digits(p, 8, 2),
              years.contains(year), CivilTime.isValid(year: year, month: month, day: day) else { return nil }
        let date = CivilTime.days(year: year, month: month, day: day) * CivilTime.day
        if n == 10 { return date }
        guard n >= 16, p[10] == UInt8(ascii: "T") || p[10] == UInt8(ascii: " ") || p[10] == UInt8(ascii: "t"),
              let clock = clock(p, 11, n) else { return nil }
        let (within, end) = clock
        guard let offset = offset(p, end, n) else { return nil }
        return date + within - offset
    }

    /// `HH:MM[:SS[.ffffff]]` from `i`: the microseconds into the day and where it ended.
    @inline(__always)
    static func clock(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> (Int64, Int)? {
        var i = start
        guard i + 5 <= n, p[i + 2] == UInt8(ascii: ":"), let hour = digits(p, i, 2), let minute = digits(p, i + 3, 2),
              hour < 24, minute < 60 else { return nil }
        var micros = hour * CivilTime.hour + minute * CivilTime.minute
        i += 5
        if i + 3 <= n, p[i] == UInt8(ascii: ":") {
            guard let second = digits(p, i + 1, 2), second < 61 else { return nil }
            micros += min(second, 59) * CivilTime.second
            i += 3
            if i < n, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") {
                i += 1
                var scale: Int64 = 100_000
                let first = i
                while i < n, p[i] &- 48 < 10 {
                    micros += Int64(p[i] &- 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > first else { return nil }
            }
        }
        return (micros, i)
    }

    /// The zone from `i` to the end: nothing or `Z` (0), or `±HH[:MM]` / `±HHMM`, in microseconds.
    @inline(__always)
    static func offset(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int64? {
        if i == n { return 0 }
        if i + 1 == n, p[i] == UInt8(ascii: "Z") || p[i] == UInt8(ascii: "z") { return 0 }
        guard p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-"), let hours = digits(p, i + 1, 2, n), hours < 24
        else { return nil }
        var minutes: Int64 = 0
        switch n - i {
        case 3: break
        case 5: guard let m = digits(p, i + 3, 2, n), m < 60 else { return nil }; minutes = m
        case 6:
            guard p[i + 3] == UInt8(ascii: ":"), let m = digits(p, i + 4, 2, n), m < 60 else { return nil }
            minutes = m
        default: return nil
        }
        let micros = hours * CivilTime.hour + minutes * CivilTime.minute
        return p[i] == UInt8(ascii: "-") ? -micros : micros
    }

    /// The decimal number in `count` digits at `start`, or nil if any is not a digit (or past `limit`).
    @inline(__always)
    static func digits(_ p: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ limit: Int = .max) -> Int64? {
        guard start + count <= limit else { return nil }
        var value: Int64 = 0
        for k in start..<(start + count) {
            let digit = p[k] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }
}
