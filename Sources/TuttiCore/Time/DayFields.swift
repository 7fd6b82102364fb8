/// One calendar field of a day count, for the kernels that read a single field of many times.
///
/// Each function equals the matching field of `CivilTime.date(days:)` (and
/// `CivilTime.weekday(days:)`) for every day count of an Int64 microsecond time, `range`
/// (about ±292,000 years), but costs less: the day count is first shifted by 800 eras of 400
/// years, so that it is never negative, and the rest is 32-bit unsigned arithmetic with
/// divisions by constants (multiplications), no signed era split and no month or day that
/// the caller does not read.
enum DayFields {
    /// The day counts of all Int64 microsecond times: `CivilTime.split` of `Int64.min` and
    /// `Int64.max`.
    static let range: ClosedRange<Int64> = -106_751_992 ... 106_751_991

    /// Days from 1970-01-01 to 0000-03-01 (the start of Hinnant's eras), plus 800 eras.
    private static let shift: Int64 = 719_468 + 800 * 146_097

    /// The day count of `micros` (rounded down, as `CivilTime.split`).
    @inline(__always)
    static func days(ofMicros micros: Int64) -> Int64 {
        let days = micros / CivilTime.day
        return micros % CivilTime.day < 0 ? days - 1 : days
    }

    /// The era (of 400 years, counted from 800 eras before 0000-03-01), the year of the era
    /// and the day of that year counted from March 1 (0–365).
    @inline(__always)
    private static func parts(_ days: Int64) -> (era: UInt32, yearOfEra: UInt32, dayOfYear: UInt32) {
        let z = UInt32(truncatingIfNeeded: days &+ shift)
        let era = z / 146_097
        let dayOfEra = z &- era &* 146_097
        let yearOfEra = (dayOfEra &- dayOfEra / 1460 &+ dayOfEra / 36_524 &- dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra &- (365 &* yearOfEra &+ yearOfEra / 4 &- yearOfEra / 100)
        return (era, yearOfEra, dayOfYear)
    }

    /// The year of a day count in `range`.
    @inline(__always)
    static func year(_ days: Int64) -> Int64 {
        let (era, yearOfEra, dayOfYear) = parts(days)
        // January and February (days 306 on from March 1) belong to the next year.
        return Int64(era) * 400 + Int64(yearOfEra) + (dayOfYear >= 306 ? 1 : 0) - 800 * 400
    }

    /// The month (1–12) of a day count in `range`.
    @inline(__always)
    static func month(_ days: Int64) -> Int64 {
        let monthFromMarch = (5 &* parts(days).dayOfYear &+ 2) / 153
        return Int64(monthFromMarch < 10 ? monthFromMarch &+ 3 : monthFromMarch &- 9)
    }

    /// The day of the month (1–31) of a day count in `range`.
    @inline(__always)
    static func day(_ days: Int64) -> Int64 {
        let dayOfYear = parts(days).dayOfYear
        let monthFromMarch = (5 &* dayOfYear &+ 2) / 153
        return Int64(dayOfYear &- (153 &* monthFromMarch &+ 2) / 5 &+ 1)
    }

    /// The ISO weekday (1 for Monday through 7 for Sunday) of a day count in `range`.
    @inline(__always)
    static func weekday(_ days: Int64) -> Int64 {
        // 1970-01-01 was a Thursday (4); 107,100,000 days are whole weeks, and enough of them
        // to keep every day count of `range` positive.
        Int64(UInt32(truncatingIfNeeded: days &+ 107_100_003) % 7 &+ 1)
    }

    /// The hour of the day (0–23) of `micros`.
    @inline(__always)
    static func hour(ofMicros micros: Int64) -> Int64 {
        let remainder = micros % CivilTime.day
        let within = remainder < 0 ? remainder + CivilTime.day : remainder
        return Int64(UInt64(truncatingIfNeeded: within) / UInt64(CivilTime.hour))
    }
}
