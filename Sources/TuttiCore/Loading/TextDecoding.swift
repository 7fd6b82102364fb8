/// Turns raw cell bytes into the UTF-8 of the value: CSV quote unescaping, JSON string
/// unescaping, and replacement of invalid UTF-8 with U+FFFD.
enum TextDecoding {
    /// Decodes a CSV field that contains quotes (from its first byte): quotes toggle quoting,
    /// and `""` inside quotes is one `"`.
    static func unquoteCSV(_ p: UnsafePointer<UInt8>, _ n: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var inQuotes = false
        var i = 0
        while i < n {
            let c = p[i]
            if c == UInt8(ascii: "\"") {
                if inQuotes, i + 1 < n, p[i + 1] == UInt8(ascii: "\"") {
                    out.append(c)
                    i += 2
                    continue
                }
                inQuotes.toggle()
            } else {
                out.append(c)
            }
            i += 1
        }
    }

    /// Decodes the inside of a JSON string with backslash escapes. Returns false on a bad escape.
    static func unescapeJSON(_ p: UnsafePointer<UInt8>, _ n: Int, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < n {
            let c = p[i]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < n else { return false }
            let e = p[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0c)
            case UInt8(ascii: "n"): out.append(0x0a)
            case UInt8(ascii: "r"): out.append(0x0d)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(p, i, n) else { return false }
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= n, p[i] == UInt8(ascii: "\\"),
                   p[i + 1] == UInt8(ascii: "u"), let low = hex4(p, i + 2, n), (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
            default: return false
            }
        }
        return true
    }

    private static func hex4(_ p: UnsafePointer<UInt8>, _ at: Int, _ n: Int) -> UInt32? {
        guard at + 4 <= n else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = p[at + k]
            let digit: UInt8
            switch c {
            case 48...57: digit = c - 48
            case 65...70: digit = c - 55
            case 97...102: digit = c - 87
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// Whether the bytes are valid UTF-8 (fast for ASCII).
    @inline(__always)
    static func isValidUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n, p[i] < 0x80 { i += 1 }
        if i == n { return true }
        return validateMultibyte(p + i, n - i)
    }

    private static func validateMultibyte(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            let c = p[i]
            if c < 0x80 { i += 1; continue }
            let width: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: width = 3
            case 0xED: width = 3; upper = 0x9F
            case 0xF0: width = 4; lower = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; upper = 0x8F
            default: return false
            }
            guard i + width <= n, p[i + 1] >= lower, p[i + 1] <= upper else { return false }
            for k in 2..<max(width, 2) where p[i + k] & 0xC0 != 0x80 { return false }
            i += width
        }
        return true
    }

    /// The bytes with every invalid UTF-8 sequence replaced by U+FFFD.
    static func repairedUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> [UInt8] {
        Array(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self).utf8)
    }
}
