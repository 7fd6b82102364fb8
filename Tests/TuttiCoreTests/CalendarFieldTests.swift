import Testing
@testable import TuttiCore

/// The calendar functions' field arithmetic (`DayFields`) against the full civil-date split,
/// and `year()`, `month()`, `day()`, `hour()`, `weekday()` of derived columns on edge dates.
@Suite struct CalendarFieldTests {
    /// Every field of `days` by `DayFields` and by `CivilTime`.
    static func expectSameFields(_ days: Int64) {
        let date = CivilTime.date(days: days)
        #expect(DayFields.year(days) == date.year, "year of day \(days)")
        #expect(DayFields.month(days) == date.month, "month of day \(days)")
        #expect(DayFields.day(days) == date.day, "day of day \(days)")
        #expect(DayFields.weekday(days) == CivilTime.weekday(days: days), "weekday of day \(days)")
    }

    @Test func everyDayFrom1500To2600MatchesTheCivilDate() {
        let first = CivilTime.days(year: 1500, month: 1, day: 1), last = CivilTime.days(year: 2600, month: 1, day: 1)
        for days in first...last {
            let date = CivilTime.date(days: days)
            guard DayFields.year(days) == date.year, DayFields.month(days) == date.month, DayFields.day(days) == date.day,
                  DayFields.weekday(days) == CivilTime.weekday(days: days) else {
                Self.expectSameFields(days)
                return
            }
        }
    }

    @Test func daysAcrossTheWholeRangeOfMicrosecondsMatchTheCivilDate() {
        for days in stride(from: DayFields.range.lowerBound, through: DayFields.range.upperBound, by: 99_991) {
            Self.expectSameFields(days)
        }
        for days in [DayFields.range.lowerBound, DayFields.range.lowerBound + 1, -1, 0, 1,
                     DayFields.range.upperBound - 1, DayFields.range.upperBound] {
            Self.expectSameFields(days)
        }
        #expect(DayFields.range.lowerBound == CivilTime.split(.min).days)
        #expect(DayFields.range.upperBound == CivilTime.split(.max).days)
    }

    @Test func daysAndHoursOfMicrosecondsMatchTheSplit() {
        let day = CivilTime.day
        let times: [Int64] = [.min, .min + 1, -day - 1, -day, -day + 1, -CivilTime.hour - 1, -1, 0, 1,
                              CivilTime.hour - 1, CivilTime.hour, day - 1, day, 1_700_000_000_123_456, .max - 1, .max]
        for micros in times {
            let (days, within) = CivilTime.split(micros)
            #expect(DayFields.days(ofMicros: micros) == days, "days of \(micros)")
            #expect(DayFields.hour(ofMicros: micros) == within / CivilTime.hour, "hour of \(micros)")
        }
    }

    /// Edge dates with their fields (year, month, day, hour, ISO weekday), as Python's
    /// `datetime` gives them.
    static let edges: [(time: String, fields: [Int64])] = [
        ("1969-12-31T23:59:59.999999Z", [1969, 12, 31, 23, 3]),
        ("1969-12-30T23:59:59.999999Z", [1969, 12, 30, 23, 2]),
        ("1970-01-01T00:00:00Z", [1970, 1, 1, 0, 4]),
        ("1900-02-28T23:00:00Z", [1900, 2, 28, 23, 3]),
        ("1900-03-01T00:00:00Z", [1900, 3, 1, 0, 4]),
        ("2000-02-29T06:00:00Z", [2000, 2, 29, 6, 2]),
        ("2000-03-01T00:00:00Z", [2000, 3, 1, 0, 3]),
        ("1600-02-29T12:00:00Z", [1600, 2, 29, 12, 2]),
        ("1583-01-01T01:00:00Z", [1583, 1, 1, 1, 6]),
        ("0001-01-01T00:00:00Z", [1, 1, 1, 0, 1]),
        ("9999-12-31T23:59:59Z", [9999, 12, 31, 23, 5]),
    ]

    @Test func derivedCalendarFieldsOfEdgeDatesOnAllCores() throws {
        // Enough rows for parallel chunks; every 13th cell missing.
        let rows = PlanRunner.parallelRows + 1_000
        var csv = "t,k\n"
        for row in 0..<rows { csv += (row % 13 == 0 ? "" : Self.edges[row % Self.edges.count].time) + ",\(row)\n" }
        let names = ["year", "month", "day", "hour", "weekday"]
        let data = try load(csv).dataset.adding(names.map { DerivedColumn(name: "f_\($0)", expression: "\($0)(t)") })
        #expect(data.column(named: "t")?.kind == .datetime)
        for (index, name) in names.enumerated() {
            #expect(data.column(named: "f_\(name)")?.kind == .integer)
            let expected = (0..<rows).map { row in
                row % 13 == 0 ? nil : String(Self.edges[row % Self.edges.count].fields[index])
            }
            let found = cells(data, "f_\(name)")
            #expect(found.count == rows)
            let wrong = (0..<min(found.count, rows)).first { found[$0] != expected[$0] }
            #expect(wrong == nil, "\(name)() of row \(wrong ?? 0): \(String(describing: wrong.map { found[$0] }))")
        }
    }

    @Test func calendarFieldsOfComputedTimesMatchThoseOfTheColumn() throws {
        var csv = "t,flag\n"
        for (row, edge) in Self.edges.enumerated() { csv += "\(edge.time),\(row % 2)\n" }
        let data = try load(csv).dataset.adding([
            DerivedColumn(name: "direct", expression: "weekday(t) * 100 + hour(t)"),
            DerivedColumn(name: "chosen", expression: "weekday(if(flag == 1, t, t)) * 100 + hour(if(flag == 1, t, t))"),
        ])
        #expect(cells(data, "direct") == cells(data, "chosen"))
        #expect(cells(data, "direct") == Self.edges.map { String($0.fields[4] * 100 + $0.fields[3]) })
    }
}
