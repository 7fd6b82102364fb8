/// Conversions between microseconds since 1970-01-01T00:00:00Z (the datetime kind's values)
/// and calendar fields in UTC, proleptic Gregorian, by Howard Hinnant's day-count algorithms.
public enum CivilTime {
    /// Microseconds in a second, a minute, an hour, a day.
    public static let second: Int64 = 1_000_000
    public static let minute: Int64 = 60 * second
    public static let hour: Int64 = 60 * minute
    public static let day: Int64 = 24 * hour

    /// The days from 1970-01-01 to `year`-`month`-`day` (month 1–12, day 1–31).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month (1–12) and day (1–31) of a day count from 1970-01-01.
    public static func date(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day count of a time (rounded down) and the microseconds into that day.
    @inline(__always)
    public static func split(_ micros: Int64) -> (days: Int64, within: Int64) {
        var days = micros / day
        var within = micros - days * day
        if within < 0 {
            days -= 1
            within += day
        }
        return (days, within)
    }

    /// The ISO weekday of a day count: 1 for Monday through 7 for Sunday.
    @inline(__always)
    public static func weekday(days: Int64) -> Int64 {
        let shifted = (days + 3) % 7
        return (shifted < 0 ? shifted + 7 : shifted) + 1
    }

    /// Whether the fields make a real date and time (February 30 does not).
    static func isValid(year: Int64, month: Int64, day: Int64) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths: [Int64] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return day <= lengths[Int(month - 1)] + (month == 2 && leap ? 1 : 0)
    }
}
