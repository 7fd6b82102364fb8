import Foundation
import Testing
@testable import TuttiCore

/// A regression's metrics over some rows, its residual histogram, and the shared scale its
/// label and prediction are binned on, against references written in the test.
@Suite struct RegressionResidualTests {
    /// `rows` labels around 100 with one in ten missing, predictions off by up to ±30 with one
    /// in twelve missing.
    static func data(rows: Int, seed: UInt64) -> (labels: [Double?], predictions: [Double?], dataset: Dataset) {
        var random = ExpressionRandom(seed: seed)
        let labels: [Double?] = (0..<rows).map { _ in
            Int.random(in: 0..<10, using: &random) == 0 ? nil : Double.random(in: 50...150, using: &random)
        }
        let predictions: [Double?] = labels.map { label in
            Int.random(in: 0..<12, using: &random) == 0 ? nil : (label ?? 100) + Double.random(in: -30...30, using: &random)
        }
        return (labels, predictions, makeDataset(["target": .floats(labels), "prediction": .floats(predictions)]))
    }

    static func task(_ dataset: Dataset) throws -> RegressionTask {
        let label = try #require(dataset.column(named: "target")), prediction = try #require(dataset.column(named: "prediction"))
        return try #require(RegressionTask(label: label, prediction: prediction))
    }

    @Test(arguments: [1 as UInt64, 2, 3])
    func sumsOverRowsMatchTheDefinitions(seed: UInt64) throws {
        let (labels, predictions, dataset) = Self.data(rows: 500, seed: seed)
        let task = try Self.task(dataset)
        let chosen = (0..<500).filter { $0 % 3 != 0 }
        let sums = task.sums(over: RowSet(rowCount: 500, rows: chosen))
        let reference = RegressionMetricsTests.Reference(labels: labels, predictions: predictions, rows: chosen)
        #expect(sums.count == chosen.filter { labels[$0] != nil && predictions[$0] != nil }.count)
        #expect(abs(try #require(sums.meanAbsoluteError) - reference.mae) < 1e-9)
        #expect(abs(try #require(sums.rootMeanSquaredError) - reference.rmse) < 1e-9)
        #expect(abs(try #require(sums.meanError) - reference.meanError) < 1e-9)
    }

    @Test func residualHistogramIsSymmetricAndCountsEveryRowOnce() throws {
        let (labels, predictions, dataset) = Self.data(rows: 2_000, seed: 9)
        let task = try Self.task(dataset)
        let all = RowSet(rowCount: 2_000, rows: Array(0..<2_000))
        let histogram = task.residualHistogram(over: all, bins: 40)
        let edges = histogram.edges, bins = edges.count - 1
        #expect(bins % 2 == 0 && edges[bins / 2] == 0 && edges[0] == -edges[bins])
        #expect(histogram.counts.count == bins + 1)
        var expected = [Int](repeating: 0, count: bins + 1)
        for row in 0..<2_000 {
            guard let label = labels[row], let prediction = predictions[row] else { expected[bins] += 1; continue }
            let residual = prediction - label
            #expect(abs(residual) <= edges[bins])
            let bin = try #require(edges.lastIndex { $0 <= residual })
            expected[min(bin, bins - 1)] += 1
        }
        #expect(histogram.counts == expected)
        // A selection drawn on the whole rows' scale keeps the whole rows' edges.
        let some = RowSet(rowCount: 2_000, rows: Array(0..<50))
        #expect(task.residualHistogram(over: some, bins: 40, scaleRows: all).edges == edges)
        #expect(task.residualHistogram(over: some, bins: 40, scaleRows: all).counts.reduce(0, +) == 50)
    }

    @Test func labelAndPredictionShareOneScale() throws {
        let dataset = makeDataset(["target": .floats([0, 10, 20, nil, 95]), "prediction": .floats([-12, 5, 18, 40, nil]),
                                   "n": .integers([1, 2, 3, 4, 5]), "m": .integers([3, 4, 5, 6, 7]),
                                   "name": .categorical(["a", "b", "c", "d", "e"])])
        let (label, prediction) = try ColumnBinning.sharedScale(dataset: dataset, columns: ("target", "prediction"), bins: 12)
        #expect(label.scheme == prediction.scheme && label.labels == prediction.labels)
        guard case .numeric(let edges, let integral) = label.scheme else { Issue.record("not numeric"); return }
        #expect(!integral && edges.first! <= -12 && edges.last! >= 95)
        for (values, binning) in [([0, 10, 20, nil, 95], label), ([-12, 5, 18, 40, nil], prediction)] as [([Double?], ColumnBinning)] {
            for (row, value) in values.enumerated() {
                guard let value else { #expect(Int(binning.codes[row]) == binning.binCount); continue }
                let bin = Int(binning.codes[row])
                #expect(edges[bin] <= value && value < edges[bin + 1])
            }
        }
        let (n, m) = try ColumnBinning.sharedScale(dataset: dataset, columns: ("n", "m"), bins: 12)
        #expect(n.labels == ["1", "2", "3", "4", "5", "6", "7"] && n.labels == m.labels)
        #expect(throws: TuttiError.self) { try ColumnBinning.sharedScale(dataset: dataset, columns: ("n", "name"), bins: 12) }
        #expect(throws: TuttiError.self) { try ColumnBinning.sharedScale(dataset: dataset, columns: ("n", "nope"), bins: 12) }
    }
}
