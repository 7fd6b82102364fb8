import CLoadKernels

/// Cuts delimited text into records and cells (RFC 4180 quoting: quoted fields, doubled quotes,
/// delimiters and newlines inside quotes; LF, CRLF or CR line ends; blank lines skipped).
/// In a file whose lines end in LF or CRLF, a carriage return not followed by a line feed
/// is data.
struct CSVRecordScanner {
    let input: UnsafePointer<UInt8>
    /// One past the last byte of the input.
    let end: Int
    let delimiter: UInt8
    /// Cells per record: short records are padded with absent cells, long ones are an error.
    let columnCount: Int
    /// False when reading the header, whose cell count is not known yet.
    var checksCellCount = true
    /// How lines end: decides whether a lone carriage return ends a line.
    var lineTerminator = LineTerminator.lineFeed

    /// What one scan produced.
    struct Result {
        /// Where the first scanned record starts and where the last one ends.
        var start = 0, end = 0
        var rows = 0
        /// Line breaks passed, including those inside quoted fields.
        var lineBreaks = 0
        var shortRows = 0
        /// The chunk-local line (0-based) of the first short row.
        var firstShortLine: Int?
        /// A fatal problem, with its chunk-local line (0-based) and 1-based cell number.
        var failure: (line: Int, cell: Int?, message: String)?
    }

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Scans the records that start in `start ..< limit` (the last may run past `limit`),
    /// appending `columnCount` cells per record to `cells`.
    func scan(from start: Int, limit: Int, into cells: CellBuffer) -> Result {
        var out = cells.base
        var used = cells.count
        var room = cells.capacity
        @inline(__always) func put(_ cell: CellSpan) {
            if used == room {
                cells.count = used
                cells.reserve(used + 1)
                out = cells.base
                room = cells.capacity
            }
            (out + used).initialize(to: cell)
            used += 1
        }
        defer { cells.count = used }
        var result = Result()
        result.start = start
        var p = start
        var line = 0
        let quote = Self.quote, newline = Self.newline, carriageReturn = Self.carriageReturn
        let delimiter = self.delimiter
        let input = self.input, end = self.end
        let loneCarriageReturnEndsLine = lineTerminator == .carriageReturn
        let delimiters = StopBytes(delimiter: delimiter)
        // The field ends of the 64 bytes last looked at (none yet).
        var stops = FieldStops.none
        /// Whether the carriage return at `q` ends a line.
        @inline(__always) func endsLine(_ q: Int) -> Bool {
            loneCarriageReturnEndsLine || (q + 1 < end && input[q + 1] == newline)
        }
        records: while p < limit, p < end {
            // Blank lines hold no record.
            if input[p] == newline { p += 1; line += 1; continue }
            if input[p] == carriageReturn, endsLine(p) {
                p += 1
                if p < end, input[p] == newline { p += 1 }
                line += 1
                continue
            }
            let recordLine = line
            var cellCount = 0
            fields: while true {
                let fieldStart = p
                var cell: CellSpan
                if p < end, input[p] == quote {
                    p += 1
                    let contentStart = p
                    var escaped = false
                    while true {
                        while p < end, input[p] != quote {
                            if input[p] == newline { line += 1 }
                            p += 1
                        }
                        if p >= end {
                            result.failure = (recordLine, cellCount + 1, "unterminated quoted field (the quote opened here is never closed)")
                            break records
                        }
                        if p + 1 < end, input[p + 1] == quote {
                            escaped = true
                            p += 2
                            continue
                        }
                        break
                    }
                    let contentEnd = p
                    p += 1
                    if p < end, input[p] != delimiter, input[p] != newline, input[p] != carriageReturn || !endsLine(p) {
                        // Text after the closing quote: keep it, as spreadsheet programs do.
                        while p < end, input[p] != delimiter, input[p] != newline,
                              input[p] != carriageReturn || !endsLine(p) { p += 1 }
                        cell = CellSpan(start: fieldStart, length: Int32(truncatingIfNeeded: p - fieldStart), tag: .csvQuoted)
                    } else if escaped {
                        cell = CellSpan(start: fieldStart, length: Int32(truncatingIfNeeded: p - fieldStart), tag: .csvQuoted)
                    } else {
                        cell = CellSpan(start: contentStart, length: Int32(truncatingIfNeeded: contentEnd - contentStart), tag: .quoted)
                    }
                } else {
                    // To the first delimiter, line feed or line-ending carriage return: read off
                    // the mask of the 64 bytes around `p` (see `FieldStops`), or eight bytes at a
                    // time then byte by byte in the last 64 bytes of the input (and where masks
                    // are not fast).
                    fieldEnd: while true {
                        let offset = p &- stops.start
                        if offset >= 0, offset < 64 {
                            let rest = stops.mask &>> UInt64(offset)
                            if rest != 0 {
                                let q = p + rest.trailingZeroBitCount
                                // A carriage return that does not end the line is data.
                                if input[q] == carriageReturn, !endsLine(q) {
                                    p = q + 1
                                    continue fieldEnd
                                }
                                p = q
                                break fieldEnd
                            }
                            p = stops.start + 64
                        }
                        if FieldStops.isFast, p + 64 <= end {
                            stops = FieldStops(input + p, at: p, delimiter: delimiter)
                            continue fieldEnd
                        }
                        while p + 8 <= end {
                            let word = UInt64(littleEndian: UnsafeRawPointer(input + p).loadUnaligned(as: UInt64.self))
                            let found = Self.firstStop(word, delimiters: delimiters)
                            if found != 0 {
                                p += found.trailingZeroBitCount >> 3
                                break
                            }
                            p += 8
                        }
                        while p < end {
                            let c = input[p]
                            if c == delimiter || c == newline || (c == carriageReturn && endsLine(p)) { break }
                            p += 1
                        }
                        break fieldEnd
                    }
                    cell = CellSpan(start: fieldStart, length: Int32(truncatingIfNeeded: p - fieldStart), tag: .plain)
                }
                cellCount += 1
                if cellCount <= columnCount { put(cell) }
                if p >= end { break fields }
                let c = input[p]
                p += 1
                if c == delimiter {
                    if p >= end {
                        // A delimiter at the very end: one more, empty, cell.
                        cellCount += 1
                        if cellCount <= columnCount { put(CellSpan(start: p, length: 0, tag: .plain)) }
                        break fields
                    }
                    continue fields
                }
                if c == carriageReturn, p < end, input[p] == newline { p += 1 }
                line += 1
                break fields
            }
            if !checksCellCount {
                result.rows += 1
                continue records
            }
            if cellCount > columnCount {
                result.failure = (recordLine, nil, "has \(cellCount) cells but the header has \(columnCount)")
                break records
            }
            if cellCount < columnCount {
                if result.firstShortLine == nil { result.firstShortLine = recordLine }
                result.shortRows += 1
                for _ in cellCount..<columnCount { put(.absent) }
            }
            result.rows += 1
        }
        result.end = p
        result.lineBreaks = line
        return result
    }

    /// Where the fields end in 64 bytes of the input: bit `i` of `mask` is set when byte
    /// `start + i` is the delimiter, a line feed or a carriage return. One mask serves the five
    /// or six fields a 64-byte stretch of a typical table holds, so a field's end is a shift
    /// and a count of trailing zeros, without a loop whose exit the processor mispredicts.
    struct FieldStops {
        let start: Int
        let mask: UInt64

        /// No bytes: every position is outside.
        static let none = FieldStops(start: Int.min / 2, mask: 0)

        /// Whether masks are made with vector compares (SSE2 on x86-64). Elsewhere the kernel
        /// reads byte by byte, slower than eight bytes at a time, so no mask is made.
        #if arch(x86_64)
        static let isFast = true
        #else
        static let isFast = false
        #endif

        private init(start: Int, mask: UInt64) {
            self.start = start
            self.mask = mask
        }

        /// The stops of the 64 bytes at `pointer`, which are at `start` in the input.
        @inline(__always)
        init(_ pointer: UnsafePointer<UInt8>, at start: Int, delimiter: UInt8) {
            self.start = start
            mask = tutti_field_stops64(pointer, delimiter)
        }
    }

    /// The three bytes that end an unquoted field, each repeated in all eight bytes of a word.
    struct StopBytes {
        let delimiter: UInt64
        let newline = 0x0101_0101_0101_0101 &* UInt64(CSVRecordScanner.newline)
        let carriageReturn = 0x0101_0101_0101_0101 &* UInt64(CSVRecordScanner.carriageReturn)

        init(delimiter: UInt8) { self.delimiter = 0x0101_0101_0101_0101 &* UInt64(delimiter) }
    }

    /// A word whose lowest set bit is the high bit of the first byte of `word` (eight input
    /// bytes, the first in the lowest) that is a delimiter, a line feed or a carriage return; zero if
    /// none is. Bits above the lowest may be false alarms (a borrow runs past a matching byte), so
    /// only the lowest is used.
    @inline(__always)
    static func firstStop(_ word: UInt64, delimiters: StopBytes) -> UInt64 {
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 {
            (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        return zeroBytes(word ^ delimiters.delimiter) | zeroBytes(word ^ delimiters.newline)
            | zeroBytes(word ^ delimiters.carriageReturn)
    }
}
