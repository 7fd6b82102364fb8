#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses numbers, booleans and missing markers straight from input bytes.
public enum ValueParser {
    /// 10^0 … 10^22, every one exact in a double (a literal, so no lazy initialisation is checked
    /// on each number).
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Strips ASCII spaces and tabs from both ends.
    @inline(__always)
    static func trim(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> (UnsafePointer<UInt8>, Int) {
        var start = 0, end = count
        while start < end, pointer[start] == 0x20 || pointer[start] == 0x09 { start += 1 }
        while end > start, pointer[end - 1] == 0x20 || pointer[end - 1] == 0x09 { end -= 1 }
        return (pointer + start, end - start)
    }

    /// Whether the text is a missing-value marker: empty, `NA`, `N/A`, `n/a`, `NaN`, `nan`,
    /// `null`, `NULL`, `None` or `?`.
    @inline(__always)
    static func isMissing(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        switch n {
        case 0: return true
        case 1: return p[0] == UInt8(ascii: "?")
        case 2: return p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "A")
        case 3:
            return (p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "/") && p[2] == UInt8(ascii: "A"))
                || (p[0] == UInt8(ascii: "n") && p[1] == UInt8(ascii: "/") && p[2] == UInt8(ascii: "a"))
                || (p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "a") && p[2] == UInt8(ascii: "N"))
                || (p[0] == UInt8(ascii: "n") && p[1] == UInt8(ascii: "a") && p[2] == UInt8(ascii: "n"))
        case 4:
            return matches(p, "null") || matches(p, "NULL") || matches(p, "None")
        default: return false
        }
    }

    @inline(__always)
    private static func matches(_ p: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for i in 0..<word.utf8CodeUnitCount where p[i] != w[i] { return false }
        return true
    }

    /// A base-10 integer with an optional sign, or nil (also nil on overflow).
    @inline(__always)
    public static func parseInteger(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
            guard n > 1 else { return nil }
        }
        guard n - i <= 19 else { return parseLongInteger(p + i, n - i, negative: negative) }
        var value: UInt64 = 0
        while i < n {
            let digit = p[i] &- 48
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
            i += 1
        }
        if negative { return value <= UInt64(Int64.max) + 1 ? Int64(bitPattern: 0 &- value) : nil }
        return value <= UInt64(Int64.max) ? Int64(value) : nil
    }

    private static func parseLongInteger(_ p: UnsafePointer<UInt8>, _ n: Int, negative: Bool) -> Int64? {
        var value: Int64 = 0
        for i in 0..<n {
            let digit = p[i] &- 48
            guard digit < 10 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(Int64(digit))
                                            : times.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }

    /// A decimal floating-point number (`1`, `-2.5`, `.5`, `3.`, `1e-3`), correctly rounded, or nil.
    /// Takes a fast exact path when the digits fit, else falls back to `strtod`.
    @inline(__always)
    static func parseDouble(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        // The common case first: at most 19 digits around an optional point and no exponent,
        // read in two tight loops (so at most 19 decimals: 10^19 is exact); anything else is
        // read by the general loop below.
        var short: UInt64 = 0
        var j = i
        while j < n, p[j] &- 48 < 10 {
            short = short &* 10 &+ UInt64(p[j] &- 48)
            j += 1
        }
        var sawShortPoint = false
        var fractionDigits = 0
        if j < n, p[j] == UInt8(ascii: ".") {
            sawShortPoint = true
            j += 1
            let fractionStart = j
            while j < n, p[j] &- 48 < 10 {
                short = short &* 10 &+ UInt64(p[j] &- 48)
                j += 1
            }
            fractionDigits = j - fractionStart
        }
        let shortDigits = j - i - (sawShortPoint ? 1 : 0)
        if j == n, shortDigits > 0, shortDigits <= 19, short <= (UInt64(1) << 53) {
            if short == 0 { return negative ? -0.0 : 0.0 }
            let value = fractionDigits == 0 ? Double(short) : Double(short) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var exponent = 0
        var sawPoint = false
        while i < n {
            let c = p[i]
            let digit = c &- 48
            if digit < 10 {
                digits += 1
                if significant < 19 {
                    if mantissa != 0 || digit != 0 { significant += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if sawPoint { exponent -= 1 }
                } else {
                    significant += 1
                    if !sawPoint { exponent += 1 }
                }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if i < n {
            guard p[i] | 0x20 == UInt8(ascii: "e") else { return nil }
            i += 1
            var exponentNegative = false
            if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < n else { return nil }
            var written = 0
            while i < n {
                let digit = p[i] &- 48
                guard digit < 10 else { return nil }
                if written < 100_000 { written = written * 10 + Int(digit) }
                i += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if significant <= 19, mantissa <= (UInt64(1) << 53), exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
            return negative ? -value : value
        }
        return slowParseDouble(p, n)
    }

    private static func slowParseDouble(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: n + 1)
        defer { buffer.deallocate() }
        for i in 0..<n { buffer[i] = CChar(bitPattern: p[i]) }
        buffer[n] = 0
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(buffer, &end)
        guard let end, end == buffer + n else { return nil }
        return value
    }

    /// `true` / `false` in any letter case, or nil.
    @inline(__always)
    static func parseBoolean(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
        if n == 4, p[0] | 0x20 == UInt8(ascii: "t"), p[1] | 0x20 == UInt8(ascii: "r"),
           p[2] | 0x20 == UInt8(ascii: "u"), p[3] | 0x20 == UInt8(ascii: "e") { return true }
        if n == 5, p[0] | 0x20 == UInt8(ascii: "f"), p[1] | 0x20 == UInt8(ascii: "a"),
           p[2] | 0x20 == UInt8(ascii: "l"), p[3] | 0x20 == UInt8(ascii: "s"),
           p[4] | 0x20 == UInt8(ascii: "e") { return false }
        return nil
    }
}
