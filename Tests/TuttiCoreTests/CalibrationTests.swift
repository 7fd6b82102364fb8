import Foundation
import Testing
@testable import TuttiCore

/// Expected calibration error and per-bin metrics on examples worked out by hand.
@Suite struct CalibrationTests {
    /// Six rows in four score bins:
    /// bin 0: 0.05 (label 0) → |0 − 0.05| = 0.05;
    /// bin 1: 0.15 (0), 0.15 (1) → 2 × |0.5 − 0.15| = 0.7;
    /// bin 8: 0.85 (1) → 0.15; bin 9: 0.95 (1), 0.95 (0) → 2 × |0.5 − 0.95| = 0.9;
    /// ECE = (0.05 + 0.7 + 0.15 + 0.9) / 6 = 0.3.
    static let dataset = makeDataset([
        "label": .integers([0, 0, 1, 1, 1, 0, 1]),
        "prediction": .integers([0, 0, 0, 1, 1, 1, nil]),
        "score": .floats([0.05, 0.15, 0.15, 0.85, 0.95, 0.95, 0.5]),
    ])

    @Test func expectedCalibrationErrorByHand() throws {
        let evaluator = try SliceEvaluator(dataset: Self.dataset, roles: ColumnRoles.infer(from: Self.dataset))
        #expect(evaluator.availableMetrics.contains(.ece))
        let all = RowSet(rowCount: 7, allSet: true)
        let metrics = evaluator.metrics(of: all, filteredCount: 7)
        // The last row has no prediction: it is not measured.
        #expect(metrics.calibration?.counts == [1, 2, 0, 0, 0, 0, 0, 0, 1, 2])
        let ece = try #require(metrics.value(.ece))
        #expect(abs(ece - 0.3) < 1e-12)
        // The grouped pass gives the same.
        let grouped = evaluator.metrics(groups: [Int32](repeating: 0, count: 7), count: 1, filteredCount: 7)
        #expect(grouped[0].calibration == metrics.calibration)
        // One slice: rows 0 and 4 → (0.05 + 0.05) / 2.
        let slice = evaluator.metrics(of: RowSet(rowCount: 7, rows: [0, 4]), filteredCount: 7)
        #expect(abs(slice.value(.ece)! - 0.05) < 1e-12)
    }

    @Test func binEdges() {
        #expect(CalibrationBins.bin(of: 0) == 0 && CalibrationBins.bin(of: 0.1) == 1 && CalibrationBins.bin(of: 0.999) == 9)
        #expect(CalibrationBins.bin(of: 1) == 9 && CalibrationBins.bin(of: 1.5) == 9 && CalibrationBins.bin(of: -2) == 0)
        #expect(CalibrationBins.bin(of: .nan) == nil)
        var perfect = CalibrationBins()
        for index in 0..<4 { perfect.add(score: 0.25, positive: index == 0) }
        #expect(perfect.expectedError == 0 && CalibrationBins().expectedError == nil)
    }

    @Test func perBinMetricsOfAnyColumn() throws {
        let dataset = makeDataset([
            "label": .integers([0, 1, 1, 0, 1, 0]),
            "prediction": .integers([0, 1, 0, 1, 1, 0]),
            "score": .floats([0.1, 0.9, 0.4, 0.6, 0.8, 0.2]),
            "age": .integers([20, 20, 30, 30, 40, nil]),
        ])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let binning = try ColumnBinning(dataset: dataset, column: "age", bins: 3)
        let all = RowSet(rowCount: 6, allSet: true)
        let bins = evaluator.metrics(perBinOf: binning, filter: all)
        #expect(bins.count == binning.binCount)
        let byAge = Dictionary(uniqueKeysWithValues: zip(binning.labels, bins).filter { $0.1.size > 0 }.map { ($0.0, $0.1) })
        #expect(byAge.count == 3 && bins.map(\.size).reduce(0, +) == 5)
        let sizes = bins.filter { $0.size > 0 }
        // 20: both right; 30: both wrong; 40: right.
        #expect(sizes.map { $0.value(.error) } == [0, 1, 0])
        #expect(abs(sizes[0].value(.meanScore)! - 0.5) < 1e-12 && sizes.map { $0.value(.baseRate) } == [0.5, 0.5, 1])
        // The filter restricts the bins.
        let filtered = evaluator.metrics(perBinOf: binning, filter: RowSet(rowCount: 6, rows: [0, 1]))
        #expect(filtered.map(\.size).reduce(0, +) == 2)
    }
}
