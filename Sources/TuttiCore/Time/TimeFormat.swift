/// A pattern for times that are not ISO 8601, in `strftime` style: `%Y` (4-digit year), `%y`
/// (2-digit year, 1969–2068), `%m`, `%d`, `%H`, `%I` (12-hour clock, with `%p`), `%M`, `%S`
/// (1 or 2 digits each), `%f`
/// (fraction digits), `%b` (`Jan`…`Dec`, any case), `%p` (`AM`/`PM`), `%z` (`Z`, `+HH:MM`,
/// `+HHMM`), `%%`; any other character must appear as written. For example
/// `%d/%m/%Y %H:%M` reads `23/12/2009 17:38`.
public struct TimeFormat: Sendable, Equatable {
    private enum Piece: Equatable {
        case year4, year2, month, day, hour, minute, second, fraction, monthName, meridiem, zone
        case literal(UInt8)
    }

    /// The pattern as written.
    public let pattern: String
    private let pieces: [Piece]

    /// Parses `pattern`; throws a message naming an unknown `%` directive or a pattern without a
    /// day (`%d`).
    public init(_ pattern: String) throws {
        self.pattern = pattern
        var pieces: [Piece] = []
        var bytes = Array(pattern.utf8).makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else { pieces.append(.literal(byte)); continue }
            guard let directive = bytes.next() else { throw TimeFormatError("--time-format: a '%' ends the pattern '\(pattern)'") }
            switch directive {
            case UInt8(ascii: "Y"): pieces.append(.year4)
            case UInt8(ascii: "y"): pieces.append(.year2)
            case UInt8(ascii: "m"): pieces.append(.month)
            case UInt8(ascii: "d"): pieces.append(.day)
            case UInt8(ascii: "H"), UInt8(ascii: "I"): pieces.append(.hour)
            case UInt8(ascii: "M"): pieces.append(.minute)
            case UInt8(ascii: "S"): pieces.append(.second)
            case UInt8(ascii: "f"): pieces.append(.fraction)
            case UInt8(ascii: "b"): pieces.append(.monthName)
            case UInt8(ascii: "p"): pieces.append(.meridiem)
            case UInt8(ascii: "z"): pieces.append(.zone)
            case UInt8(ascii: "%"): pieces.append(.literal(UInt8(ascii: "%")))
            default:
                throw TimeFormatError("--time-format: unknown directive '%\(Character(Unicode.Scalar(directive)))' in '\(pattern)' "
                    + "(known: %Y %y %m %d %b %H %I %M %S %f %p %z %%)")
            }
        }
        guard pieces.contains(.day), pieces.contains(.year4) || pieces.contains(.year2),
              pieces.contains(.month) || pieces.contains(.monthName) else {
            throw TimeFormatError("--time-format: the pattern '\(pattern)' needs a year, a month and a day (%Y or %y, %m or %b, %d)")
        }
        self.pieces = pieces
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }

    /// The time in `n` bytes at `p`, in microseconds UTC, or nil if it does not fit the pattern.
    func parse(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        var i = 0
        var year: Int64 = 0, month: Int64 = 0, day: Int64 = 0, hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0
        var micros: Int64 = 0, offset: Int64 = 0
        var meridiem: Bool?
        func number(_ most: Int) -> Int64? {
            var value: Int64 = 0
            let start = i
            while i < n, i - start < most, p[i] &- 48 < 10 { value = value * 10 + Int64(p[i] &- 48); i += 1 }
            return i > start ? value : nil
        }
        for piece in pieces {
            switch piece {
            case .year4: guard let v = number(4) else { return nil }; year = v
            case .year2: guard let v = number(2) else { return nil }; year = v < 69 ? 2000 + v : 1900 + v
            case .month: guard let v = number(2) else { return nil }; month = v
            case .day: guard let v = number(2) else { return nil }; day = v
            case .hour: guard let v = number(2), v < 24 else { return nil }; hour = v
            case .minute: guard let v = number(2), v < 60 else { return nil }; minute = v
            case .second: guard let v = number(2), v < 61 else { return nil }; second = min(v, 59)
            case .fraction:
                var scale: Int64 = 100_000
                let start = i
                while i < n, p[i] &- 48 < 10 { micros += Int64(p[i] &- 48) * scale; scale /= 10; i += 1 }
                guard i > start else { return nil }
            case .monthName:
                guard i + 3 <= n else { return nil }
                let name = [p[i] | 0x20, p[i + 1] | 0x20, p[i + 2] | 0x20]
                guard let index = Self.monthNames.firstIndex(of: name) else { return nil }
                month = Int64(index + 1)
                i += 3
            case .meridiem:
                guard i + 2 <= n, p[i + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
                switch p[i] | 0x20 {
                case UInt8(ascii: "a"): meridiem = false
                case UInt8(ascii: "p"): meridiem = true
                default: return nil
                }
                i += 2
            case .zone:
                var end = i
                while end < n, p[end] != UInt8(ascii: " ") { end += 1 }
                guard let zone = TimeParser.offset(p, i, end) else { return nil }
                offset = zone
                i = end
            case .literal(let byte):
                guard i < n, p[i] == byte else { return nil }
                i += 1
            }
        }
        guard i == n, TimeParser.years.contains(year), CivilTime.isValid(year: year, month: month, day: day) else { return nil }
        if let pm = meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        return CivilTime.days(year: year, month: month, day: day) * CivilTime.day + hour * CivilTime.hour
            + minute * CivilTime.minute + second * CivilTime.second + micros - offset
    }
}

/// A `--time-format` pattern tutti cannot use; its description is the message to show.
public struct TimeFormatError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }
}
