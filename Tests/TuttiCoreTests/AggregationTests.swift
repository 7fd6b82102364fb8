import Testing
@testable import TuttiCore

/// The seeded generator of the engine, so property tests are reproducible.
typealias SeededGenerator = SplitMix64

/// A random table: an integer, a float and a categorical column, with missing values.
func randomTable(rows: Int, seed: UInt64) throws -> Dataset {
    var random = SeededGenerator(seed: seed)
    var text = "n,x,c\n"
    let categories = ["red", "green", "blue", "cyan", "magenta", "yellow"]
    for _ in 0..<rows {
        let n = Int.random(in: -20...40, using: &random)
        let x = Double.random(in: -3...7, using: &random)
        let c = categories[Int.random(in: 0..<categories.count, using: &random)]
        let missing = Int.random(in: 0..<10, using: &random)
        text += "\(missing == 0 ? "" : String(n)),\(missing == 1 ? "" : String(x)),\(missing == 2 ? "" : c)\n"
    }
    return try load(text).dataset
}

func randomRows(_ count: Int, density: Double, random: inout SeededGenerator) -> RowSet {
    RowSet(rowCount: count, rows: (0..<count).filter { _ in Double.random(in: 0..<1, using: &random) < density })
}

@Suite struct AggregationTests {
    @Test func niceSteps() {
        #expect(NiceScale.step(span: 100, target: 10, integral: false) == 10)
        #expect(NiceScale.step(span: 1, target: 20, integral: false) == 0.05)
        #expect(NiceScale.step(span: 73, target: 20, integral: true) == 5)
        #expect(NiceScale.step(span: 3, target: 20, integral: true) == 1)
    }

    @Test func binsAgreeWithTheirEdges() throws {
        let data = try randomTable(rows: 3000, seed: 1)
        for (name, target) in [("x", 17), ("n", 8), ("n", 100)] {
            let binning = try ColumnBinning(dataset: data, column: name, bins: target)
            guard case .numeric(let edges, let integral) = binning.scheme else {
                Issue.record("not numeric")
                continue
            }
            let column = data.column(named: name)!
            for row in 0..<data.rowCount {
                let code = Int(binning.codes[row])
                guard let value = column.number(at: row) else {
                    #expect(code == binning.binCount)
                    continue
                }
                #expect(value >= edges[code])
                let isLast = code == binning.binCount - 1
                #expect(value < edges[code + 1] || (isLast && !integral && value == edges[code + 1]))
            }
        }
        // A small integer range gets one bin per value.
        let small = try ColumnBinning(dataset: adult, column: "label", bins: 20)
        #expect(small.labels == ["0", "1"])
    }

    @Test func categoricalTopValuesAndOther() throws {
        let binning = try ColumnBinning(dataset: adult, column: "native_country", bins: 5)
        #expect(binning.labels.count == 5)
        #expect(binning.labels.first == "United-States")
        #expect(binning.labels.last?.hasPrefix("other") == true)
        #expect(binning.totals.last == 857)
        #expect(binning.totals.reduce(0, +) == adult.rowCount)
    }

    @Test func histogramCountsMatchBruteForce() throws {
        var random = SeededGenerator(seed: 7)
        let data = try randomTable(rows: 2500, seed: 2)
        for name in ["n", "x", "c"] {
            let binning = try ColumnBinning(dataset: data, column: name, bins: 12)
            let filter = randomRows(data.rowCount, density: 0.6, random: &random)
            let selection = randomRows(data.rowCount, density: 0.3, random: &random)
            let counts = HistogramCounts(binning, filter: filter, selection: selection)
            var filtered = [Int](repeating: 0, count: binning.binCount + 1)
            var selected = filtered
            for row in 0..<data.rowCount where filter.contains(row) {
                filtered[Int(binning.codes[row])] += 1
                if selection.contains(row) { selected[Int(binning.codes[row])] += 1 }
            }
            #expect(counts.filtered == filtered)
            #expect(counts.selected == selected)
            #expect(counts.all.reduce(0, +) == data.rowCount)
        }
    }

    @Test func brushTablesMatchBruteForceRecounts() throws {
        var random = SeededGenerator(seed: 11)
        let data = try randomTable(rows: 70_000, seed: 3)
        let brushed = try ColumnBinning(dataset: data, column: "x", bins: 20)
        let views = try [ColumnBinning(dataset: data, column: "n", bins: 15), ColumnBinning(dataset: data, column: "c", bins: 4)]
        let filter = randomRows(data.rowCount, density: 0.7, random: &random)
        let tables = BrushTables(brushed: brushed, views: views, filter: filter)
        for _ in 0..<25 {
            let a = Int.random(in: 0..<brushed.binCount, using: &random)
            let b = Int.random(in: a..<brushed.binCount, using: &random)
            let selection = brushed.rows(in: a...b, within: filter)
            #expect(tables.selectedTotal(bins: a...b) == selection.count)
            for (index, view) in views.enumerated() {
                let expected = HistogramCounts(view, filter: filter, selection: selection).selected
                #expect(tables.selectedCounts(view: index, bins: a...b) == expected)
            }
        }
    }

    @Test func brushRangesBecomeExpressionsOverTheSameRows() throws {
        let binning = try ColumnBinning(dataset: adult, column: "age", bins: 15)
        let range = binning.range(of: 3...5)
        guard case .numeric(let lower, let upper, let includesUpper) = range else {
            Issue.record("not numeric")
            return
        }
        let rows = binning.rows(in: 3...5)
        let ages = adult.column(named: "age")!
        let expected = (0..<adult.rowCount).filter { row in
            guard let age = ages.number(at: row) else { return false }
            return age >= lower && (includesUpper ? age <= upper : age < upper)
        }
        #expect(rows.members == expected)
    }

    @Test func statisticsUnderRows() throws {
        let data = try load("v\n1\n2\n\n4\n").dataset
        let stats = ColumnStatistics.compute(data.column(named: "v")!, rows: RowSet(rowCount: 4, allSet: true))
        #expect(stats?.count == 3 && stats?.missing == 1 && stats?.mean == 7.0 / 3)
        #expect(stats?.min == 1 && stats?.max == 4)
    }

    @Test func groupedCountsSplitByGroup() throws {
        let sex = try ColumnBinning(dataset: adult, column: "sex", bins: 10)
        let label = try ColumnBinning(dataset: adult, column: "label", bins: 10)
        let all = RowSet(rowCount: adult.rowCount, allSet: true)
        let groups = HistogramCounts.grouped(label, by: sex, filter: all, selection: nil)
        #expect(groups.count == 3)
        #expect(groups[0].filtered.reduce(0, +) + groups[1].filtered.reduce(0, +) == adult.rowCount)
    }
}
