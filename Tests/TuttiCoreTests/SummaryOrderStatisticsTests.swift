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
            let distinct = keys.withUnsafeBufferPointer { KeyDistinct.count($0) }
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
}
