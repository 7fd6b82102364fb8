/// Writes datetime values as ISO 8601 text in UTC.
public enum TimeFormatting {
    /// `2009-12-23T17:38:18Z`, with the fraction when there is one (`…18.25Z`), or just the
    /// date (`2016-01-01`) at midnight; either reads back as the same time.
    public static func iso(_ micros: Int64) -> String {
        let (days, within) = CivilTime.split(micros)
        let date = dateText(days: days)
        guard within != 0 else { return date }
        let seconds = within / CivilTime.second, fraction = within % CivilTime.second
        var text = date + "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        if fraction != 0 {
            var digits = pad(fraction, 6)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    /// `YYYY-MM-DD` of a day count from 1970-01-01.
    static func dateText(days: Int64) -> String {
        let (year, month, day) = CivilTime.date(days: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
