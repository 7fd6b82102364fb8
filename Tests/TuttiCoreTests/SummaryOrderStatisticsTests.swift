import Testing
@testable import TuttiCore

/// `RadixSelect` and `KeyDistinct` against a full sort and a set, on seeded random keys shaped
/// to reach every path: few keys, one repeated key, clusters far from an outlier, the keys 0
/// and `UInt64.max`, and enough keys to be partitioned (with one partition of a repeated key).
@Suite struct SummaryOrderStatisticsTests {
    typealias Generator = SummarySortedStatisticsTests.Generator

    static let shapes: [(String, @Sendable (UInt64, Int) -> UInt64)] = [
        ("uniform", { bits, _ in bits }),
        ("few values", { bits, _ in bits % 5 }),
        ("one value", { _, _ in 42 }),
        ("cluster and outlier", { bits, index in index == 7 ? UInt64.max : 1_000_000 + bits % 3_000 }),
        ("nested clusters", { bits, _ in bits % 10 == 0 ? bits : (1 << 40) + (bits % 100 == 1 ? bits % 1_000_000 : bits % 50) }),
        ("edges", { bits, _ in [0, 1, UInt64.max, UInt64.max - 1, 1 << 63][Int(bits % 5)] }),
        ("mostly one, some unique", { bits, _ in bits % 4 == 0 ? bits : 0x8000_0000_0000_0001 }),
        ("doubles in (0, 1)", { bits, _ in OrderKeys.key(Double(bits >> 11) / Double(1 << 53)) }),
    ]

    @Test(arguments: [0, 1, 2, 3, 63, 64, 65, 1_000, 100_000])
    func selectionMatchesASort(count: Int) {
        for (name, shape) in Self.shapes {
            var generator = Generator(state: UInt64(count) &* 31)
            let keys = (0..<count).map { shape(generator.next(), $0) }
            let sorted = keys.sorted()
            let ranks = count == 0 ? [] : [0, count / 20, count / 2, count - 1, count / 2, (count * 19) / 20]
            let selected = keys.withUnsafeBufferPointer { RadixSelect.keys(atRanks: ranks, of: $0) }
            #expect(selected == ranks.map { sorted[$0] }, "\(name), \(count) keys")
        }
    }

    @Test(arguments: [0, 1, 2, 17, 5_000, 40_000, 300_000])
    func distinctCountMatchesASet(count: Int) {
        for (name, shape) in Self.shapes {
            var generator = Generator(state: UInt64(count) &+ 5)
            let keys = (0..<count).map { shape(generator.next(), $0) }
            let grouping = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: keys.count)
            defer { grouping.deallocate() }
            let distinct = keys.withUnsafeBufferPointer { KeyDistinct.count($0, grouping: grouping) }
            #expect(distinct == Set(keys).count, "\(name), \(count) keys")
        }
    }

    @Test func quantileRanksAreTheOnesRead() {
        for count in [1, 2, 3, 20, 21, 101, 1_000_001] {
            var read = Set<Int>()
            _ = Quantiles(sortedCount: count) { rank in
                read.insert(rank)
                return Double(rank)
            }
            #expect(Quantiles.ranks(count: count) == read.sorted(), "\(count) values")
        }
        #expect(Quantiles.ranks(count: 0).isEmpty)
    }

    /// Summaries of columns large enough to be partitioned, against the plain definitions.
    @Test func largeColumnsMatchTheReference() {
        var generator = Generator(state: 2026)
        let count = 120_000
        let floats = (0..<count).map { index -> Double in
            let bits = generator.next()
            switch bits % 10 {
            case 0: return .nan
            case 1: return index % 2 == 0 ? 0 : -0.0
            case 2: return 0.25
            default: return Double(bits >> 11) / Double(1 << 53)
            }
        }
        let integers = (0..<count).map { _ in Int64(bitPattern: generator.next()) >> 20 }
        let validity = SummarySortedStatisticsTests.validity(count)
        let floatColumn = Column(name: "f", data: .float(floats), validity: validity)
        SummarySortedStatisticsTests.expectMatches(
            floatColumn, present: { rows in rows.members.map { floats[$0] }.filter { !$0.isNaN } },
            distinct: { rows in Set(rows.members.map { floats[$0] == 0 ? 0 : floats[$0].bitPattern }).count })
        let integerColumn = Column(name: "i", data: .integer(integers), validity: validity)
        SummarySortedStatisticsTests.expectMatches(
            integerColumn, present: { rows in rows.members.map { Double(integers[$0]) } },
            distinct: { rows in Set(rows.members.map { integers[$0] }).count })
    }

    /// Text distinct counts are of bytes: canonically equivalent spellings (precomposed and
    /// combining accents) count apart, as do emoji sequences that differ in one scalar.
    @Test func stringsAreCountedByTheirBytes() {
        var generator = Generator(state: 77)
        let pieces = ["é", "e\u{301}", "👩‍👩‍👧", "👩‍👩‍👦", "🇫🇷", "a", "", "ñ", "n\u{303}"]
        let count = 50_000
        let strings = (0..<count).map { _ -> String in
            let bits = generator.next()
            return bits % 3 == 0 ? pieces[Int(bits >> 8) % pieces.count] : "\(pieces[Int(bits >> 8) % pieces.count]) \(bits >> 40)"
        }
        let validity = SummarySortedStatisticsTests.validity(count)
        let column = Column(name: "s", data: .text(StringTable(strings)), validity: validity)
        let summary = ColumnSummary.summarize(column, role: nil)
        #expect(summary.distinct == Set(validity.members.map { Array(strings[$0].utf8) }).count)
        #expect(Set(pieces.map { Array($0.utf8) }).count == pieces.count)
    }

    /// The summaries of a whole table, whose columns pass their scratch memory on (with what
    /// the last column left in it), are those of each column alone.
    @Test func tableSummariesMatchColumnSummaries() throws {
        var generator = Generator(state: 11)
        var csv = "a,b,c,d,e,f,g\n"
        for row in 0..<30_000 {
            let bits = generator.next()
            let b = bits % 5 == 0 ? "" : String(Double(bits >> 40) / 7)
            let g = bits % 7 == 0 ? "" : "free text \(bits >> 30) e\u{301}"
            csv += "\(bits % 1_000),\(b),\(row * 1_000),\(bits >> 20),word\(bits % 13),\(Double(bits % 977) / 3),\(g)\n"
        }
        var options = LoadOptions()
        options.textColumns = ["g"]
        let dataset = try load(csv, options: options).dataset
        #expect(dataset.columns.map(\.kind) == [.integer, .float, .integer, .integer, .categorical, .float, .text])
        let roles = ColumnRoles.infer(from: dataset)
        for rows in [nil, RowSet(rowCount: dataset.rowCount, rows: stride(from: 1, to: dataset.rowCount, by: 4))] {
            let together = ColumnSummary.compute(dataset, roles: roles, rows: rows)
            let alone = dataset.columns.map {
                ColumnSummary.summarize($0, role: roles.role(ofColumn: $0.name), rows: rows)
            }
            #expect(together == alone)
        }
    }
}
