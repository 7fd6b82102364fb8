/// Dates, times and timestamps as ISO 8601 text: how tutti shows them until it has a datetime kind.
enum TemporalText {
    /// The single place where columnar time values become a tutti column: ISO text today. `values`
    /// are the present values, in the units of `type` (days for dates).
    static func chunkValues(times values: [Int64], type: ColumnarValueType, presence: ColumnarMapping.Presence) -> ChunkValues {
        .strings(ColumnarMapping.stringBuilder(values.map { isoText($0, type: type) }, presence))
    }

    /// One value as ISO 8601 text: `2024-03-01`, `2024-03-01T12:30:00.25Z`, `12:30:00`.
    static func isoText(_ value: Int64, type: ColumnarValueType) -> String {
        switch type {
        case .date:
            return civilDate(days: value)
        case .timestamp(let unit, let utc):
            let (seconds, fraction) = split(value, unit: unit)
            let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
            let day = secondOfDay < 0 ? days - 1 : days
            let second = secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay
            return civilDate(days: day) + "T" + clock(second) + fractionText(fraction, unit: unit) + (utc ? "Z" : "")
        case .time(let unit):
            let (seconds, fraction) = split(value, unit: unit)
            return clock(((seconds % 86_400) + 86_400) % 86_400) + fractionText(fraction, unit: unit)
        default:
            return String(value)
        }
    }

    private static func split(_ value: Int64, unit: ColumnarTimeUnit) -> (seconds: Int64, fraction: Int64) {
        var (seconds, fraction) = value.quotientAndRemainder(dividingBy: unit.perSecond)
        if fraction < 0 {
            seconds -= 1
            fraction += unit.perSecond
        }
        return (seconds, fraction)
    }

    private static func fractionText(_ fraction: Int64, unit: ColumnarTimeUnit) -> String {
        guard fraction > 0 else { return "" }
        let digits = String(unit.perSecond).count - 1
        var text = String(fraction)
        text = String(repeating: "0", count: max(0, digits - text.count)) + text
        while text.last == "0" { text.removeLast() }
        return "." + text
    }

    private static func clock(_ secondOfDay: Int64) -> String {
        two(secondOfDay / 3600) + ":" + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60)
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0" + String(value) : String(value) }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    private static func civilDate(days: Int64) -> String {
        let (year, month, day) = CivilTime.date(days: days)
        let yearText = year >= 0 && year < 10_000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return yearText + "-" + two(month) + "-" + two(day)
    }
}
