/// How the records of a delimited file end, decided once from its first lines.
enum LineTerminator: Sendable, Equatable {
    /// LF (or CRLF): a carriage return not followed by a line feed is data.
    case lineFeed
    /// A lone CR (old Mac files): every carriage return ends a line.
    case carriageReturn

    /// The terminator of the first line break outside quotes within the first 64 KiB after
    /// `start`: a CR not followed by LF makes a CR file; anything else (LF, CRLF, no break
    /// at all) an LF file.
    static func sniff(_ input: UnsafePointer<UInt8>, end: Int, from start: Int) -> LineTerminator {
        let limit = min(end, start + 64 * 1024)
        var inQuotes = false
        var p = start
        while p < limit {
            let c = input[p]
            if c == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if c == UInt8(ascii: "\n") { return .lineFeed }
                if c == UInt8(ascii: "\r") {
                    return p + 1 < end && input[p + 1] == UInt8(ascii: "\n") ? .lineFeed : .carriageReturn
                }
            }
            p += 1
        }
        return .lineFeed
    }
}
