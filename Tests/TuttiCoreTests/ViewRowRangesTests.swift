import Foundation
import Testing
@testable import TuttiCore

@Suite struct ViewRowRangesTests {
    /// The runs of `rows`, found one row at a time.
    func naiveRuns(_ rows: RowSet) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for row in rows.members {
            if let last = runs.last, last.upperBound == row - 1 {
                runs[runs.count - 1] = last.lowerBound...row
            } else {
                runs.append(row...row)
            }
        }
        return runs
    }

    func expectRoundTrip(_ rows: RowSet, sourceLocation: SourceLocation = #_sourceLocation) {
        let ranges = RowRanges(rows)
        #expect(ranges.ranges == naiveRuns(rows), sourceLocation: sourceLocation)
        #expect(ranges.count == rows.count, sourceLocation: sourceLocation)
        let back = ranges.rowSet(rowCount: rows.rowCount)
        #expect(back.rows == rows, sourceLocation: sourceLocation)
        #expect(back.dropped == 0, sourceLocation: sourceLocation)
    }

    @Test(arguments: [0, 1, 63, 64, 65, 128, 130, 1_000])
    func emptyAndFullSets(rowCount: Int) {
        expectRoundTrip(RowSet(rowCount: rowCount))
        expectRoundTrip(RowSet(rowCount: rowCount, allSet: true))
        #expect(RowRanges(RowSet(rowCount: rowCount)).ranges.isEmpty)
        #expect(RowRanges(RowSet(rowCount: rowCount, allSet: true)).ranges == (rowCount == 0 ? [] : [0...(rowCount - 1)]))
    }

    @Test func singleRowsRunsAcrossWordsAndAPartialLastWord() {
        expectRoundTrip(RowSet(rowCount: 130, rows: [0, 63, 64, 127, 129]))
        expectRoundTrip(RowSet(rowCount: 130, rows: 60...70))
        expectRoundTrip(RowSet(rowCount: 130, rows: 127...129))
        expectRoundTrip(RowSet(rowCount: 200, rows: Array(0...127) + [129]))
        expectRoundTrip(RowSet(rowCount: 256, rows: stride(from: 1, to: 256, by: 2)))
        #expect(RowRanges(RowSet(rowCount: 130, rows: [5, 6, 7, 64, 129])).ranges == [5...7, 64...64, 129...129])
    }

    @Test func randomSetsMatchARowByRowReading() {
        var generator = SystemRandomNumberGenerator()
        for density in [0.01, 0.5, 0.99] {
            for rowCount in [1, 77, 640, 5_003] {
                let rows = RowSet(rowCount: rowCount, rows: (0..<rowCount).filter { _ in
                    Double.random(in: 0..<1, using: &generator) < density
                })
                expectRoundTrip(rows)
            }
        }
    }

    @Test func rowsPastTheEndAreDroppedAndCounted() {
        let ranges = RowRanges(RowSet(rowCount: 100, rows: [1, 2, 50, 51, 52, 99]))
        let smaller = ranges.rowSet(rowCount: 51)
        #expect(smaller.rows.members == [1, 2, 50])
        #expect(smaller.dropped == 3)
        let larger = ranges.rowSet(rowCount: 1_000)
        #expect(larger.rows.members == [1, 2, 50, 51, 52, 99])
        #expect(larger.dropped == 0)
        #expect(ranges.rowSet(rowCount: 0).dropped == 6)
    }

    @Test func aMillionRowsOfRunsEncodeAsPairs() throws {
        let rows = RowSet(rowCount: 1_000_000, rows: Array(10...999_990) + [999_999])
        let ranges = RowRanges(rows)
        #expect(ranges.ranges == [10...999_990, 999_999...999_999])
        let json = String(decoding: try JSONEncoder().encode(ranges), as: UTF8.self)
        #expect(json == "[[10,999990],[999999,999999]]")
        #expect(try JSONDecoder().decode(RowRanges.self, from: Data(json.utf8)) == ranges)
    }

    @Test(arguments: [
        ("[[3,1]]", "expected row numbers 0 ≤ first ≤ last, found [3, 1]"),
        ("[[-1,4]]", "expected row numbers 0 ≤ first ≤ last, found [-1, 4]"),
        ("[[0,5],[5,6]]", "row ranges must be ascending and must not overlap"),
        ("[[0,1,2]]", "expected a pair [first, last]"),
    ])
    func badPairsAreRejected(json: String, message: String) {
        do {
            _ = try JSONDecoder().decode(RowRanges.self, from: Data(json.utf8))
            Issue.record("decoded \(json)")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
