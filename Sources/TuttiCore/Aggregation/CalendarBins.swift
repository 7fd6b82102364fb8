/// Bins of times on calendar units (UTC): the finest step, from 1 minute to whole years, that
/// cuts the column's span into at most the bins asked for, with labels that read as dates.
public enum CalendarUnit: String, Sendable, Equatable, CaseIterable {
    case minute, hour, day, week, month, year

    /// The steps tried, finest first: (unit, how many units a bin spans).
    static let steps: [(CalendarUnit, Int64)] = [
        (.minute, 1), (.minute, 5), (.minute, 15), (.minute, 30), (.hour, 1), (.hour, 3), (.hour, 6), (.hour, 12),
        (.day, 1), (.week, 1), (.month, 1), (.month, 3), (.month, 6), (.year, 1), (.year, 2), (.year, 5), (.year, 10),
        (.year, 20), (.year, 50), (.year, 100), (.year, 250), (.year, 500), (.year, 1_000),
    ]

    /// The label of the bin starting at `micros`: `2016` for years, `2016-03` for months,
    /// `2016-03-14` for weeks (their Monday) and days, `2016-03-14 13:00` for hours and minutes.
    public func label(_ micros: Int64) -> String {
        let (days, within) = CivilTime.split(micros)
        let date = TimeFormatting.dateText(days: days)
        switch self {
        case .year: return String(date.prefix(4))
        case .month: return String(date.prefix(7))
        case .week, .day: return date
        case .hour, .minute:
            let minutes = within / CivilTime.minute
            return date + " " + TimeFormatting.pad(minutes / 60, 2) + ":" + TimeFormatting.pad(minutes % 60, 2)
        }
    }
}

/// Calendar bin edges over a span of times.
enum CalendarBins {
    /// The edges (microseconds) and unit of the finest step giving at most `target` bins
    /// from `low` to `high` (the last edge is past `high`).
    static func edges(low: Int64, high: Int64, target: Int) -> (edges: [Int64], unit: CalendarUnit) {
        for (unit, size) in CalendarUnit.steps {
            if let edges = edges(low: low, high: high, unit: unit, size: size, limit: max(target, 1)) {
                return (edges, unit)
            }
        }
        return (edges(low: low, high: high, unit: .year, size: 10_000, limit: .max)!, .year)
    }

    /// The edges with bins of `size` units, or nil if they would be more than `limit` bins.
    private static func edges(low: Int64, high: Int64, unit: CalendarUnit, size: Int64, limit: Int) -> [Int64]? {
        switch unit {
        case .minute, .hour, .day, .week:
            let width: Int64 = switch unit {
            case .minute: CivilTime.minute * size
            case .hour: CivilTime.hour * size
            case .day: CivilTime.day * size
            default: CivilTime.day * 7 * size
            }
            // Weeks start on Monday: shift so that a Monday is a multiple of the width.
            let shift = unit == .week ? 3 * CivilTime.day : 0
            let lowShifted = low + shift
            let first = (lowShifted >= 0 ? lowShifted / width : (lowShifted - width + 1) / width) * width - shift
            let count = (high - first) / width + 1
            guard count <= limit else { return nil }
            return (0...count).map { first + $0 * width }
        case .month, .year:
            let (year, month, _) = CivilTime.date(days: CivilTime.split(low).days)
            let monthsPerBin = unit == .year ? 12 * size : size
            var index = year * 12 + (month - 1)
            let aligned = unit == .year ? (year - year % size) * 12 : index - index % monthsPerBin
            index = aligned
            var edges: [Int64] = []
            while true {
                let edge = CivilTime.days(year: index / 12, month: index % 12 + 1, day: 1) * CivilTime.day
                edges.append(edge)
                if edge > high { break }
                guard edges.count <= limit else { return nil }
                index += monthsPerBin
            }
            return edges
        }
    }
}
