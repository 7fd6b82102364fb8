/// A field of a time's UTC calendar date, read by the time functions.
enum CalendarField: Sendable {
    case year, month, day, hour, weekday

    /// The field of `micros` (microseconds since 1970, UTC).
    @inline(__always)
    func value(ofMicros micros: Int64) -> Int64 {
        switch self {
        case .year: DayFields.year(DayFields.days(ofMicros: micros))
        case .month: DayFields.month(DayFields.days(ofMicros: micros))
        case .day: DayFields.day(DayFields.days(ofMicros: micros))
        case .hour: DayFields.hour(ofMicros: micros)
        case .weekday: DayFields.weekday(DayFields.days(ofMicros: micros))
        }
    }

    /// Writes the field of each of `count` times at `times` to `target`: one loop per field,
    /// with the field chosen once, not per row.
    func write(_ times: UnsafePointer<Int64>, to target: UnsafeMutablePointer<Int64>, count: Int) {
        switch self {
        case .year: Self.map(times, target, count) { DayFields.year(DayFields.days(ofMicros: $0)) }
        case .month: Self.map(times, target, count) { DayFields.month(DayFields.days(ofMicros: $0)) }
        case .day: Self.map(times, target, count) { DayFields.day(DayFields.days(ofMicros: $0)) }
        case .hour: Self.map(times, target, count) { DayFields.hour(ofMicros: $0) }
        case .weekday: Self.map(times, target, count) { DayFields.weekday(DayFields.days(ofMicros: $0)) }
        }
    }

    @inline(__always)
    private static func map(_ times: UnsafePointer<Int64>, _ target: UnsafeMutablePointer<Int64>, _ count: Int,
                            _ field: (Int64) -> Int64) {
        for row in 0..<count { target[row] = field(times[row]) }
    }
}
