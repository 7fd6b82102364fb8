/// A field of a time's UTC calendar date, read by the time functions.
enum CalendarField: Sendable {
    case year, month, day, hour, weekday

    /// The field of `micros` (microseconds since 1970, UTC).
    @inline(__always)
    func value(ofMicros micros: Int64) -> Int64 {
        let (days, within) = CivilTime.split(micros)
        switch self {
        case .year: return CivilTime.date(days: days).year
        case .month: return CivilTime.date(days: days).month
        case .day: return CivilTime.date(days: days).day
        case .hour: return within / CivilTime.hour
        case .weekday: return CivilTime.weekday(days: days)
        }
    }
}
