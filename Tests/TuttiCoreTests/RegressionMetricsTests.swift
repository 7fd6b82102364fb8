import Foundation
import Testing
@testable import TuttiCore

/// Regression metrics against a reference written from the definitions.
@Suite struct RegressionMetricsTests {
    struct Reference {
        let mae: Double, rmse: Double, r2: Double, meanError: Double

        init(labels: [Double?], predictions: [Double?], rows: [Int]) {
            let pairs = rows.compactMap { row in labels[row].flatMap { y in predictions[row].map { (y, $0) } } }
            let n = Double(pairs.count)
            mae = pairs.map { abs($0.1 - $0.0) }.reduce(0, +) / n
            let squared = pairs.map { ($0.1 - $0.0) * ($0.1 - $0.0) }.reduce(0, +)
            rmse = (squared / n).squareRoot()
            meanError = pairs.map { $0.1 - $0.0 }.reduce(0, +) / n
            let mean = pairs.map(\.0).reduce(0, +) / n
            r2 = 1 - squared / pairs.map { ($0.0 - mean) * ($0.0 - mean) }.reduce(0, +)
        }
    }

    @Test(arguments: 0..<8)
    func metricsMatchReference(seed: Int) throws {
        var random = ExpressionRandom(seed: UInt64(700 + seed))
        let rows = Int.random(in: 40...800, using: &random)
        // Labels far from 0 on some seeds: R² must keep its precision.
        let offset = seed % 2 == 0 ? 0 : 1e6
        let labels: [Double?] = (0..<rows).map { _ in
            Int.random(in: 0..<10, using: &random) == 0 ? nil : offset + Double.random(in: 0...100, using: &random)
        }
        let predictions: [Double?] = labels.map { label in
            Int.random(in: 0..<12, using: &random) == 0 ? nil : (label ?? offset) + Double.random(in: -15...10, using: &random)
        }
        let dataset = makeDataset(["target": .floats(labels), "prediction": .floats(predictions), "x": .integers((0..<rows).map { Int64($0 % 3) })])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        #expect(evaluator.classes == nil && evaluator.regression != nil)
        #expect(evaluator.availableMetrics == [.mae, .rmse, .r2, .meanError])
        #expect(evaluator.defaultObjective == .absoluteError)
        let slice = RowSet(rowCount: rows, rows: (0..<rows).filter { _ in Bool.random(using: &random) })
        let metrics = evaluator.metrics(of: slice, filteredCount: rows)
        let reference = Reference(labels: labels, predictions: predictions, rows: slice.members)
        let tolerance = 1e-9
        #expect(abs(metrics.value(.mae)! - reference.mae) < tolerance)
        #expect(abs(metrics.value(.rmse)! - reference.rmse) < tolerance)
        #expect(abs(metrics.value(.meanError)! - reference.meanError) < tolerance)
        #expect(abs(metrics.value(.r2)! - reference.r2) < 1e-7)
        let grouped = evaluator.metrics(groups: (0..<rows).map { slice.contains($0) ? 0 : -1 }, count: 1, filteredCount: rows)
        #expect(abs(grouped[0].value(.r2)! - reference.r2) < 1e-7 && grouped[0].regression?.count == metrics.regression?.count)
    }

    @Test func fewValuesAreClasses() throws {
        let dataset = makeDataset(["label": .integers((0..<100).map { Int64($0 % 5) }), "prediction": .integers((0..<100).map { Int64($0 % 4) })])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        #expect(evaluator.regression == nil && evaluator.classes?.classes.count == 5)
    }

    @Test func constantLabelAndEmptySlice() throws {
        let labels: [Double?] = (0..<30).map { Double($0) }
        let dataset = makeDataset(["label": .floats(labels), "prediction": .floats(labels.map { $0.map { $0 + 1 } })])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let one = evaluator.metrics(of: RowSet(rowCount: 30, rows: [4]), filteredCount: 30)
        #expect(one.value(.mae) == 1 && one.value(.meanError) == 1 && one.value(.r2) == 0)
        let none = evaluator.metrics(of: RowSet(rowCount: 30), filteredCount: 30)
        #expect(none.value(.mae) == nil && none.value(.r2) == nil)
    }

    @Test func sliceLineRanksByAbsoluteError() throws {
        // The error is large where x == 2.
        let rows = 300
        let labels: [Double?] = (0..<rows).map { Double($0) }
        let xs: [Int64?] = (0..<rows).map { Int64($0 % 3) }
        let predictions: [Double?] = (0..<rows).map { Double($0) + ($0 % 3 == 2 ? 20 : 1) }
        let dataset = makeDataset(["label": .floats(labels), "prediction": .floats(predictions), "x": .integers(xs)])
        let roles = ColumnRoles.infer(from: dataset)
        let evaluator = try SliceEvaluator(dataset: dataset, roles: roles)
        let report = try SliceReport.discovered(dataset: dataset, roles: roles, evaluator: evaluator, objective: .absoluteError,
                                                filter: RowSet(rowCount: rows, allSet: true))
        #expect(report.entries.first?.expression == "x == 2")
        #expect(report.entries.first?.metrics.value(.mae) == 20)
    }
}
