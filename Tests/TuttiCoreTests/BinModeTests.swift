import Foundation
import Testing
@testable import TuttiCore

@Suite struct BinModeTests {
    /// A heavy-tailed integer column (retweet-like: mostly 0, a few huge), a float column with
    /// negatives, zeros and a long tail, and a column with nothing above 0.
    let data: Dataset = {
        var lines = ["retweets,x,neg"]
        for row in 0..<2_000 {
            let retweets = row % 3 == 0 ? 0 : Int(pow(1.006, Double(row)))
            let x = row % 7 == 0 ? -Double(row % 5) * 0.5 : Double(row * row) / 997
            lines.append("\(retweets),\(x),\(-(row % 9))")
        }
        lines.append(",,")
        return try! load(lines.joined(separator: "\n") + "\n").dataset
    }()

    /// The rows the brush's filter expression passes, next to the rows of the bins brushed.
    func expressionRows(_ binning: ColumnBinning, _ bins: ClosedRange<Int>) throws -> (expression: RowSet, bins: RowSet) {
        let source = SelectionSource.brush(column: binning.column, range: binning.range(of: bins))
        let text = try #require(SelectionExpression.text(for: source, dataset: data))
        var explorer = Explorer(state: ExplorerState(dataset: data, roles: ColumnRoles()))
        try explorer.apply(.setFilter(text))
        return (explorer.state.filter.rows, binning.rows(in: bins))
    }

    @Test(arguments: ["retweets", "x"], [BinMode.even, .quantile, .log])
    func brushedBinsAndTheirFilterExpressionHoldTheSameRows(column: String, mode: BinMode) throws {
        let binning = try ColumnBinning(dataset: data, column: column, bins: 12, mode: mode)
        #expect(binning.mode == mode)
        let last = binning.binCount - 1
        for bins in [0...0, 0...last, last...last, 1...min(3, last), min(2, last)...last, 0...min(1, last)] {
            let (expression, rows) = try expressionRows(binning, bins)
            #expect(expression == rows, "\(column) \(mode) bins \(bins): \(binning.range(of: bins))")
        }
    }

    @Test func quantileBinsHoldAboutEqualRowsAndMergeTies() throws {
        let binning = try ColumnBinning(dataset: data, column: "x", bins: 10, mode: .quantile)
        let counts = binning.totals.dropLast()
        #expect(binning.binCount >= 8)
        // x's ties are its non-positive values (2,000 / 7 rows): away from them, equal shares.
        #expect(counts.dropFirst().allSatisfy { abs($0 - 200) <= 80 }, "\(counts)")
        let retweets = try ColumnBinning(dataset: data, column: "retweets", bins: 10, mode: .quantile)
        // A third of the rows are 0: the tied quantiles merge into one bin that holds them all.
        #expect(retweets.totals[0] >= 667)
        #expect(retweets.binCount < 10)
    }

    @Test func logBinsGiveTheValuesAtOrBelowZeroOneFirstBin() throws {
        let binning = try ColumnBinning(dataset: data, column: "retweets", bins: 30, mode: .log)
        guard case .numeric(let edges, true) = binning.scheme else {
            Issue.record("not an integral numeric binning")
            return
        }
        #expect(binning.nonPositiveBin == 0)
        #expect(binning.labels[0] == "≤0")
        #expect(binning.totals[0] == 667)
        #expect(binning.range(of: 0...0) == .numeric(lower: 0, upper: 0, includesUpper: true))
        // Nice log edges: 1, 2, 5, 10, … or finer; each at least as far from the last as before.
        #expect(edges[1] == 1)
        #expect(edges.allSatisfy { $0 == $0.rounded() })
        let ratios = zip(edges.dropFirst(2), edges.dropFirst()).map { $0 / $1 }
        #expect(ratios.allSatisfy { $0 > 1 && $0 <= 2.5 }, "\(edges)")
        // Without values at or below zero there is no such bin.
        let positive = try ColumnBinning(dataset: adult, column: "score", bins: 20, mode: .log)
        #expect(positive.nonPositiveBin == nil || positive.totals[0] > 0)
    }

    @Test func reportsDescribeTheModeAndTheAtOrBelowZeroBin() throws {
        let binning = try ColumnBinning(dataset: data, column: "retweets", bins: 30, mode: .log)
        #expect(HistogramSection.detail(binning, bin: 0) == "retweets = 0")
        let floats = try ColumnBinning(dataset: data, column: "x", bins: 30, mode: .log)
        #expect(HistogramSection.detail(floats, bin: 0) == "-2 ≤ x ≤ 0")
        let state = ExplorerState(dataset: data, roles: ColumnRoles())
        let section = HistogramSection.make(state: state, settings: PaneSettings(column: "retweets", binMode: .quantile))
        guard case .paragraph(let parts)? = section.blocks.first else {
            Issue.record("no paragraph: \(section.blocks)")
            return
        }
        #expect("\(parts)".contains("cut at quantiles"))
    }

    @Test func logWithoutPositiveValuesStaysEven() throws {
        let binning = try ColumnBinning(dataset: data, column: "neg", bins: 10, mode: .log)
        #expect(binning.mode == .even)
        #expect(BinMode.even.next == .quantile && BinMode.quantile.next == .log && BinMode.log.next == .even)
    }

    @Test func viewSettingsKeepTheBinMode() throws {
        let settings = PaneSettings(column: "retweets", binMode: .log)
        let view = ViewPane(kind: .histogram, settings: settings)
        let encoded = try JSONEncoder().encode(view)
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"log\""))
        #expect(try JSONDecoder().decode(ViewPane.self, from: encoded).settings.binMode == .log)
    }
}
