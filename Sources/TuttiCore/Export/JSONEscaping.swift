/// JSON string literals written from UTF-8 bytes.
enum JSONEscaping {
    /// Appends the bytes as a JSON string in quotes: `"` and `\` escaped, control characters as
    /// `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`; everything else (valid UTF-8) as it is.
    @inline(__always)
    static func appendString(_ text: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        out.append(UInt8(ascii: "\""))
        if let start = text.baseAddress {
            var runStart = 0
            for index in 0..<text.count {
                let byte = start[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(start + runStart, length: index - runStart)
                appendEscape(byte, to: out)
                runStart = index + 1
            }
            out.append(start + runStart, length: text.count - runStart)
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, to out: OutputBuffer) {
        switch byte {
        case UInt8(ascii: "\""): out.append("\\\"")
        case UInt8(ascii: "\\"): out.append("\\\\")
        case UInt8(ascii: "\n"): out.append("\\n")
        case UInt8(ascii: "\r"): out.append("\\r")
        case UInt8(ascii: "\t"): out.append("\\t")
        case 0x08: out.append("\\b")
        case 0x0C: out.append("\\f")
        default:
            let hex: StaticString = "0123456789abcdef"
            out.append("\\u00")
            out.append(hex.utf8Start[Int(byte >> 4)])
            out.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}
