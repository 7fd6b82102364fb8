/// How string cells are written in delimited text (CSV, TSV) so that tutti reads them back as written.
///
/// A cell is quoted RFC 4180 style (in `"`, inner quotes doubled) when it is empty (so that it is not
/// a missing cell, written as nothing), starts or ends with a space or tab, holds a quote, CR or LF,
/// holds any delimiter the loader might sniff (`,` tab `;` `|`: outside quotes only the real delimiter
/// then appears, so sniffing cannot go wrong), or reads as a missing marker (`NA`, `null`, `?`, …).
enum DelimitedQuoting {
    /// Whether the `length` bytes at `start` must be quoted.
    @inline(__always)
    static func needsQuotes(_ start: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        guard length > 0 else { return true }
        if isSpaceOrTab(start[0]) || isSpaceOrTab(start[length - 1]) { return true }
        for index in 0..<length {
            switch start[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ","), UInt8(ascii: "\t"),
                 UInt8(ascii: ";"), UInt8(ascii: "|"):
                return true
            default:
                continue
            }
        }
        return ValueParser.isMissing(start, length)
    }

    /// Appends a string cell, quoted when it must be.
    @inline(__always)
    static func append(_ cell: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        guard let start = cell.baseAddress else { return out.append("\"\"") }
        if needsQuotes(start, cell.count) {
            appendQuoted(start, cell.count, to: out)
        } else {
            out.append(start, length: cell.count)
        }
    }

    /// Appends the `length` bytes at `start` in quotes, doubling the quotes inside.
    private static func appendQuoted(_ start: UnsafePointer<UInt8>, _ length: Int, to out: OutputBuffer) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<length where start[index] == UInt8(ascii: "\"") {
            out.append(start + runStart, length: index + 1 - runStart)
            out.append(UInt8(ascii: "\""))
            runStart = index + 1
        }
        out.append(start + runStart, length: length - runStart)
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
