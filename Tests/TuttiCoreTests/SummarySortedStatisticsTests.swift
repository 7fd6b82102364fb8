import Testing
@testable import TuttiCore

/// The summary's distinct counts and quantiles, read off selected ranks and partitioned
/// string hashes, against the plain definitions (a set, a full sort) on seeded random columns,
/// whole and under a row subset.
@Suite struct SummarySortedStatisticsTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The quantiles by the plain definition: sort, then interpolate between neighbours.
    static func reference(_ values: [Double]) -> [Double]? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return [0.05, 0.5, 0.95].map { q in
            let position = Double(sorted.count - 1) * q
            let low = Int(position.rounded(.down))
            guard low + 1 < sorted.count, position > Double(low) else { return sorted[low] }
            return sorted[low] + (sorted[low + 1] - sorted[low]) * (position - Double(low))
        }
    }

    /// Every row present but every 9th; the subset keeps every third row.
    static func validity(_ count: Int) -> RowSet { RowSet(rowCount: count, rows: (0..<count).filter { $0 % 9 != 4 }) }
    static func subset(_ count: Int) -> RowSet { RowSet(rowCount: count, rows: stride(from: 0, to: count, by: 3)) }

    static func expectMatches(_ column: Column, present: (RowSet) -> [Double], distinct: (RowSet) -> Int) {
        for rows in [nil, subset(column.rowCount)] {
            let summary = ColumnSummary.summarize(column, role: nil, rows: rows)
            let members = rows.map { column.validity.intersection($0) } ?? column.validity
            let quantiles = reference(present(members))
            #expect(summary.distinct == distinct(members), "distinct of \(column.name)")
            // Equal, or both NaN (interpolating between two equal infinities).
            let found = [summary.p5, summary.median, summary.p95]
            for (index, name) in ["p5", "median", "p95"].enumerated() {
                let same = found[index] == quantiles?[index] || (found[index]?.isNaN == true && quantiles?[index].isNaN == true)
                #expect(same, "\(name) of \(column.name): \(String(describing: found[index])) vs \(String(describing: quantiles?[index]))")
            }
        }
    }

    @Test(arguments: [0, 1, 2, 5_000])
    func integersOfEveryRange(count: Int) {
        var generator = Generator(state: UInt64(count))
        let shapes: [(String, (UInt64) -> Int64)] = [
            ("small", { Int64($0 % 7) - 3 }),
            ("wide", { Int64(bitPattern: $0) }),
            ("negative", { -Int64($0 % 1_000_000) }),
            ("extremes", { [Int64.min, .max, 0, -1, 9_007_199_254_740_993][Int($0 % 5)] }),
        ]
        for (name, shape) in shapes {
            let values = (0..<count).map { _ in shape(generator.next()) }
            let column = Column(name: name, data: .integer(values), validity: Self.validity(count))
            Self.expectMatches(column, present: { rows in rows.members.map { Double(values[$0]) } },
                               distinct: { rows in Set(rows.members.map { values[$0] }).count })
        }
    }

    /// Columns whose range is just within what is counted and just past it (then sorted).
    @Test(arguments: [IntegerCounts.maxRange - 1, IntegerCounts.maxRange])
    func integersAtTheEdgeOfTheCountedRange(span: Int) {
        var generator = Generator(state: UInt64(span))
        let lowest: Int64 = -12_345
        var values = (0..<4_000).map { _ in lowest + Int64(generator.next() % UInt64(span + 1)) }
        values[0] = lowest
        values[1] = lowest + Int64(span)
        let validity = RowSet(rowCount: values.count, rows: [0, 1] + (2..<values.count).filter { $0 % 9 != 4 })
        let column = Column(name: "edge", data: .integer(values), validity: validity)
        Self.expectMatches(column, present: { rows in rows.members.map { Double(values[$0]) } },
                           distinct: { rows in Set(rows.members.map { values[$0] }).count })
    }

    @Test func timesAsIntegers() {
        var generator = Generator(state: 7)
        let values = (0..<3_000).map { _ in Int64(bitPattern: generator.next()) >> 8 }
        let column = Column(name: "t", data: .datetime(values), validity: Self.validity(values.count))
        Self.expectMatches(column, present: { rows in rows.members.map { Double(values[$0]) } },
                           distinct: { rows in Set(rows.members.map { values[$0] }).count })
    }

    @Test(arguments: [0, 1, 3, 5_000])
    func floatsWithZerosInfinitiesAndNaN(count: Int) {
        var generator = Generator(state: UInt64(count) &+ 99)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, -Double.nan, .leastNonzeroMagnitude * 5, -.leastNonzeroMagnitude * 5, 0.5]
        let values = (0..<count).map { _ -> Double in
            let bits = generator.next()
            if bits % 4 == 0 { return specials[Int(bits >> 8 % UInt64(specials.count))] }
            return Double(Int64(bitPattern: bits) >> 11) / 1e6
        }
        let column = Column(name: "x", data: .float(values), validity: Self.validity(count))
        Self.expectMatches(column, present: { rows in rows.members.map { values[$0] }.filter { !$0.isNaN } },
                           distinct: { rows in
                               Set(rows.members.map { values[$0] == 0 ? 0 : values[$0].bitPattern }).count
                           })
    }

    @Test(arguments: [0, 1, 20_000])
    func stringsWithRepeatsAndEmptyValues(count: Int) {
        var generator = Generator(state: 3)
        let strings = (0..<count).map { _ -> String in
            let bits = generator.next()
            // Some repeat (a few hundred short values), some are empty, most are long and unique.
            switch bits % 5 {
            case 0: return "v\(bits >> 56)"
            case 1: return ""
            default: return "a longer value of free text \(bits >> 20)"
            }
        }
        let column = Column(name: "s", data: .text(StringTable(strings)), validity: Self.validity(count))
        for rows in [nil, Self.subset(count)] {
            let members = rows.map { column.validity.intersection($0) } ?? column.validity
            let summary = ColumnSummary.summarize(column, role: nil, rows: rows)
            #expect(summary.distinct == Set(members.members.map { strings[$0] }).count)
        }
    }

    @Test func theOrderOfSummariesIsTheOrderOfColumns() throws {
        let dataset = try load("a,b,c,d\nx,1,2.5,words of text\ny,2,3.5,more words\n", options: LoadOptions()).dataset
        let summaries = ColumnSummary.compute(dataset, roles: ColumnRoles.infer(from: dataset))
        #expect(summaries.map(\.name) == ["a", "b", "c", "d"])
        #expect(ColumnSummary.compute(dataset, columns: [3, 0, 2], roles: ColumnRoles.infer(from: dataset)).map(\.name)
            == ["d", "a", "c"])
    }
}
