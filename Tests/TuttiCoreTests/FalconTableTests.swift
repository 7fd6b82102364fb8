import Testing
@testable import TuttiCore

/// Falcon tables made from (brushed bin, view bin) counts answer every brush as recounting the
/// rows would, and as the in-memory `BrushTables` do.
@Suite struct FalconTableTests {
    @Test func tablesFromCountsMatchBrushTablesAndRecounts() throws {
        var random = SeededGenerator(seed: 5)
        let data = try randomTable(rows: 20_000, seed: 9)
        let brushed = try ColumnBinning(dataset: data, column: "n", bins: 12)
        let views = try [ColumnBinning(dataset: data, column: "x", bins: 10), ColumnBinning(dataset: data, column: "c", bins: 4)]
        let filter = randomRows(data.rowCount, density: 0.6, random: &random)
        let source = MemorySource(dataset: data, roles: ColumnRoles.infer(from: data))
        let tables = try source.brushTables(brushed: brushed, views: views, where: "")
        let filtered = try source.brushTables(brushed: brushed, views: views, where: "x > 0 or c == \"red\"")
        let expressionRows = try source.rows(where: "x > 0 or c == \"red\"")
        let memory = BrushTables(brushed: brushed, views: views, filter: filter)
        for _ in 0..<20 {
            let a = Int.random(in: 0..<brushed.binCount, using: &random)
            let b = Int.random(in: a..<brushed.binCount, using: &random)
            for (index, view) in views.enumerated() {
                let table = FalconTable.counting(brushed: brushed, view: view, filter: filter)
                #expect(table.selectedCounts(bins: a...b) == memory.selectedCounts(view: index, bins: a...b))
                #expect(table.selectedTotal(bins: a...b) == memory.selectedTotal(bins: a...b))
                let selection = brushed.rows(in: a...b, within: expressionRows)
                #expect(filtered[index].selectedCounts(bins: a...b)
                        == HistogramCounts(view, filter: expressionRows, selection: selection).selected)
                #expect(filtered[index].selectedTotal(bins: a...b) == selection.count)
                #expect(tables[index].selectedTotal(bins: a...b) == brushed.rows(in: a...b).count)
            }
        }
    }

    @Test func countsOutsideTheBinsCountForTheBrushedViewOnly() {
        let counts = [BinPairCount(brushed: 0, view: 1, count: 4), BinPairCount(brushed: 1, view: -1, count: 3),
                      BinPairCount(brushed: 1, view: 0, count: 2), BinPairCount(brushed: -1, view: 0, count: 50),
                      BinPairCount(brushed: 2, view: 2, count: 7)]
        let table = FalconTable(brushedBins: 2, viewWidth: 3, counts: counts)
        #expect(table.selectedCounts(bins: 0...1) == [2, 4, 0])
        #expect(table.selectedTotal(bins: 0...1) == 9)
        #expect(table.selectedTotal(bins: 1...1) == 5)
        // Missing (bin 2) is never brushed; an empty or outside range selects nothing.
        #expect(table.selectedTotal(bins: 2...5) == 0)
        #expect(table.selectedCounts(bins: 3...4) == [0, 0, 0])
    }

    @Test func memorySourcePlacesBinsOfOtherRowsAsAnEngine() throws {
        // Bins made on other rows (a sample): every row of the table is placed in them, values
        // past their range in the end bins, as `BinPlacement` (and a SQL engine) place them.
        let data = try randomTable(rows: 100, seed: 1)
        let other = try randomTable(rows: 50, seed: 2)
        let source = MemorySource(dataset: data, roles: ColumnRoles.infer(from: data))
        let binning = try ColumnBinning(dataset: other, column: "n", bins: 5)
        let tables = try source.brushTables(brushed: binning, views: [binning], where: "")
        let counts = try source.binCounts(of: binning, where: "")
        #expect(tables[0].selectedTotal(bins: 0...(binning.binCount - 1)) == counts.dropLast().reduce(0, +))
        #expect(tables[0].selectedCounts(bins: 0...(binning.binCount - 1)) == counts.indices.map { $0 < binning.binCount ? counts[$0] : 0 })
        #expect(counts.reduce(0, +) == data.rowCount)
    }
}
