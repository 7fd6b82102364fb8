import Foundation
import Testing
@testable import TuttiCore

@Suite struct TimeKindTests {
    static let times = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/times.csv").path

    static func dataset() throws -> Dataset { try DatasetLoader.load(times).dataset }

    static func micros(_ text: String) -> Int64 { TimeParser.iso(text)! }

    @Test func isoTimesWithZonesBecomeMicrosecondsUTC() throws {
        let data = try Self.dataset()
        let column = try #require(data.column(named: "created_at"))
        #expect(column.kind == .datetime)
        guard case .datetime(let values) = column.data else { return }
        #expect(values[0] == 1_261_589_898_000_000)
        #expect(values[1] == values[0])
        #expect(column.text(at: 2) == "2015-07-01T03:59:59.5Z")
        #expect(column.text(at: 3) == "2016-01-01T00:00:00.000001Z")
        #expect(column.text(at: 4) == "2017-03-05T07:00:00Z")
        #expect(column.text(at: 7) == "2016-01-01")
        #expect(!column.isPresent(6))
        #expect(data.column(named: "day")?.kind == .datetime)
    }

    @Test func oneBadTimeKeepsTheColumnTextWithANote() throws {
        let data = try Self.dataset()
        #expect(data.column(named: "note")?.kind != .datetime)
        let note = try #require(data.columnNotes["note"])
        #expect(note.contains("1 value is not an ISO 8601 time") && note.contains("yesterday") && note.contains("row 3"))
    }

    @Test func parserRejectsNonTimes() {
        for text in ["2016-13-01", "2016-02-30", "2016-01-01T25:00", "2016-01-01T10", "2016/01/01", "20160101", "2016-01-01Z1",
                     "2016-01-01T10:00+2"] {
            #expect(TimeParser.iso(text) == nil, "\(text)")
        }
        #expect(TimeParser.iso("0001-01-01") == -62_135_596_800_000_000)
        #expect(TimeParser.iso("1969-12-31T23:59:59Z") == -1_000_000)
    }

    @Test func aTimeFormatReadsOtherLayouts() throws {
        let text = "when,x\n23/12/2009 17:38,1\n01/02/2010 09:05,2\n"
        var options = LoadOptions()
        options.timeFormat = try TimeFormat("%d/%m/%Y %H:%M")
        let data = try load(text, options: options).dataset
        #expect(data.column(named: "when")?.kind == .datetime)
        #expect(data.column(named: "when")?.text(at: 0) == "2009-12-23T17:38:00Z")
        #expect(try load(text).dataset.column(named: "when")?.kind != .datetime)
        #expect(throws: TimeFormatError.self) { try TimeFormat("%d/%q") }
        let named = try TimeFormat("%b %d %Y %I:%M %p")
        #expect(Array("Dec 23 2009 05:38 PM".utf8).withUnsafeBufferPointer { named.parse($0.baseAddress!, $0.count) }
                == Self.micros("2009-12-23T17:38:00Z"))
    }

    @Test func jsonStringsAreTimesToo() throws {
        let data = try load("{\"t\": \"2009-12-23T17:38:18Z\"}\n{\"t\": \"2010-01-01\"}\n", name: "t.jsonl").dataset
        #expect(data.column(named: "t")?.kind == .datetime)
    }

    @Test(arguments: [
        ("2020-01-01T00:00:00Z", "2020-01-01T05:00:00Z", CalendarUnit.minute),
        ("2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z", CalendarUnit.hour),
        ("2020-01-01", "2020-01-25", CalendarUnit.day),
        ("2020-01-01", "2020-08-01", CalendarUnit.week),
        ("2016-01-01", "2019-06-01", CalendarUnit.month),
        ("1950-01-01", "2020-01-01", CalendarUnit.year),
    ])
    func timeHistogramsBinOnCalendarUnits(low: String, high: String, unit: CalendarUnit) throws {
        let values = [Self.micros(low), Self.micros(high)]
        let data = Dataset(source: "t", rowCount: 2, columns: [
            Column(name: "t", data: .datetime(values), validity: RowSet(rowCount: 2, allSet: true)),
        ])
        let binning = try ColumnBinning(dataset: data, column: "t", bins: 40)
        #expect(binning.calendarUnit == unit)
        #expect(binning.binCount <= 40 && binning.binCount >= 2)
        #expect(binning.totals.dropLast().reduce(0, +) == 2)
        guard case .numeric(let edges, true) = binning.scheme else { Issue.record("not numeric"); return }
        #expect(edges.first! <= Double(values[0]) && edges.last! > Double(values[1]))
        if unit == .month { #expect(binning.labels.first == "2016-01") }
        if unit == .year { #expect(binning.labels.first?.count == 4) }
        if unit == .week { #expect(CivilTime.weekday(days: CivilTime.split(Int64(edges[0])).days) == 1) }
        // Brushing the first bin selects the rows in it, written with ISO literals.
        let range = binning.range(of: 0...0)
        let text = try #require(SelectionExpression.text(for: .brush(column: "t", range: range), dataset: data))
        #expect(text.contains("\"") && text.hasPrefix("t >= \""))
        #expect(try FilterExpression(text, dataset: data).evaluate(data).members == [0])
    }

    @Test func filtersCompareWithISOLiteralsAndReadCalendarFields() throws {
        let data = try Self.dataset()
        func rows(_ text: String) throws -> [Int] { try FilterExpression(text, dataset: data).evaluate(data).members }
        #expect(try rows("created_at >= \"2016-01-01\"") == [3, 4, 5, 7, 8, 9, 10])
        #expect(try rows("created_at < \"2009-12-24T00:00:00+05:00\"") == [0, 1])
        #expect(try rows("created_at between \"2015-01-01\" and \"2016-01-01\"") == [2, 7])
        #expect(try rows("year(created_at) == 2016") == [3, 7, 8])
        #expect(try rows("month(created_at) == 2 and day(created_at) == 29") == [5])
        #expect(try rows("hour(created_at) == 17") == [0, 1])
        #expect(try rows("weekday(day) == 5") == [0])
        #expect(try rows("weekday(day) == 4") == [7, 10])
        #expect(try rows("created_at > day") == [5, 9, 10])
        #expect(try rows("created_at is null") == [6])
        #expect(try rows("day in (\"2016-01-01\", \"2018-01-01\")") == [0, 9])
        let error = try #require(throws: ExpressionError.self) { try FilterExpression("created_at > \"last year\"", dataset: data) }
        #expect(error.message.contains("not a time") && error.range == 13..<24)
        #expect(throws: ExpressionError.self) { try FilterExpression("year(amount) > 1", dataset: data) }
    }

    @Test func summariesAndExportsUseISOText() throws {
        let data = try Self.dataset()
        let summary = ColumnSummary.summarize(data.column(named: "created_at")!, role: nil)
        #expect(summary.min == Double(Self.micros("2009-12-23T17:38:18Z")))
        #expect(summary.max == Double(Self.micros("2020-02-29T12:00:00Z")))
        #expect(summary.mean == nil && summary.median != nil)
        let folder = try TemporaryFolder()
        for name in ["out.csv", "out.jsonl"] {
            let path = folder.url.appendingPathComponent(name).path
            _ = try RowExporter(dataset: data).export(to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("2009-12-23T17:38:18Z"))
            let reloaded = try DatasetLoader.load(path).dataset
            #expect(reloaded.column(named: "created_at") == data.column(named: "created_at"))
        }
    }

    @Test func slicesBinTimesByCalendarUnit() throws {
        let data = try Self.dataset()
        let all = RowSet(rowCount: data.rowCount, allSet: true)
        let feature = try SliceFeature(dataset: data, column: "created_at", binning: .equalWidth(10), rows: all)
        // 2009 to 2020 in about 10 bins: two-year bins from 2008.
        #expect(feature.predicates.first?.first?.value == "\"2008-01-01\"")
        for (index, predicates) in feature.predicates.enumerated() {
            let text = predicates.map { "\($0.column) \($0.op) \($0.value)" }.joined(separator: " and ")
            #expect(try FilterExpression(text, dataset: data).evaluate(data) == feature.rows(of: index))
        }
    }

    @Test func aDatetimeColumnCanBeBuiltFromMicroseconds() {
        let column = Column.datetime(name: "t", microseconds: [0, 86_400_000_000],
                                     validity: RowSet(rowCount: 2, rows: [0]))
        #expect(column.kind == .datetime && column.text(at: 0) == "1970-01-01" && !column.isPresent(1))
    }
}
