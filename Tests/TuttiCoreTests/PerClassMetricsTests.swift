import Foundation
import Testing
@testable import TuttiCore

/// Per-class metrics against a reference written from the definitions (scikit-learn's
/// `precision_recall_fscore_support` with `zero_division=0` for the averages).
@Suite struct PerClassMetricsTests {
    /// The reference: per class and averaged, from the label and prediction texts of the rows
    /// that have both.
    struct Reference {
        var perClass: [String: (precision: Double?, recall: Double?, f1: Double?, support: Int)] = [:]
        var macro = (0.0, 0.0, 0.0), micro = (0.0, 0.0, 0.0), weighted = (0.0, 0.0, 0.0)

        init(labels: [String?], predictions: [String?], rows: [Int], classes: [String]) {
            let pairs = rows.compactMap { row in labels[row].flatMap { l in predictions[row].map { (l, $0) } } }
            var present: [String] = []
            for name in classes {
                let tp = pairs.filter { $0.0 == name && $0.1 == name }.count
                let support = pairs.filter { $0.0 == name }.count
                let predicted = pairs.filter { $0.1 == name }.count
                let precision = predicted == 0 ? nil : Double(tp) / Double(predicted)
                let recall = support == 0 ? nil : Double(tp) / Double(support)
                var f1: Double?
                if support + predicted > 0 {
                    let p = precision ?? 0, r = recall ?? 0
                    f1 = p + r == 0 ? 0 : 2 * p * r / (p + r)
                }
                perClass[name] = (precision, recall, f1, support)
                if support + predicted > 0 { present.append(name) }
            }
            let n = Double(present.count), total = Double(pairs.count)
            for name in present {
                let c = perClass[name]!
                macro.0 += (c.precision ?? 0) / n
                macro.1 += (c.recall ?? 0) / n
                macro.2 += (c.f1 ?? 0) / n
                weighted.0 += (c.precision ?? 0) * Double(c.support) / total
                weighted.1 += (c.recall ?? 0) * Double(c.support) / total
                weighted.2 += (c.f1 ?? 0) * Double(c.support) / total
            }
            let accuracy = Double(pairs.filter { $0.0 == $0.1 }.count) / total
            micro = (accuracy, accuracy, accuracy)
        }
    }

    private func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case let (x?, y?): abs(x - y) < 1e-12
        case (nil, nil): true
        default: false
        }
    }

    private func check(_ metrics: PerClassMetrics, _ reference: Reference, sourceLocation: SourceLocation = #_sourceLocation) {
        for scores in metrics.classes {
            let expected = reference.perClass[scores.name]!
            #expect(close(scores.precision, expected.precision), "precision of \(scores.name)", sourceLocation: sourceLocation)
            #expect(close(scores.recall, expected.recall), "recall of \(scores.name)", sourceLocation: sourceLocation)
            #expect(close(scores.f1, expected.f1), "f1 of \(scores.name)", sourceLocation: sourceLocation)
            #expect(scores.support == expected.support, sourceLocation: sourceLocation)
        }
        for (average, expected) in [(metrics.macro, reference.macro), (metrics.micro, reference.micro),
                                    (metrics.weighted, reference.weighted)] {
            #expect(close(average?.precision, expected.0) && close(average?.recall, expected.1) && close(average?.f1, expected.2),
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: 0..<8)
    func multiClassMatchesReference(seed: Int) throws {
        var random = ExpressionRandom(seed: UInt64(500 + seed))
        let rows = Int.random(in: 1...600, using: &random)
        let names = ["ant", "bee", "cat", "dog", "eel"]
        // Labels use four names, predictions three and one the labels never use.
        let labels = (0..<rows).map { _ in Int.random(in: 0..<12, using: &random) == 0 ? nil : names.prefix(4).randomElement(using: &random) }
        let predictions = (0..<rows).map { _ in
            Int.random(in: 0..<15, using: &random) == 0 ? nil : ["ant", "bee", "eel"].randomElement(using: &random)
        }
        let dataset = makeDataset(["label": .categorical(labels), "prediction": .text(predictions)])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let classes = try #require(evaluator.classes)
        #expect(classes.classes == names)
        let slice = RowSet(rowCount: rows, rows: (0..<rows).filter { _ in Int.random(in: 0..<4, using: &random) > 0 })
        let metrics = try #require(PerClassMetrics(metrics: evaluator.metrics(of: slice, filteredCount: rows), classes: classes))
        check(metrics, Reference(labels: labels, predictions: predictions, rows: slice.members, classes: names))
        #expect(metrics.classes.map(\.name) == names)
        // The grouped pass counts the same.
        let grouped = evaluator.metrics(groups: (0..<rows).map { slice.contains($0) ? 0 : -1 }, count: 1, filteredCount: rows)
        #expect(PerClassMetrics(metrics: grouped[0], classes: classes) == metrics)
        // The slice's macro averages are the per-class ones.
        let macro = try #require(evaluator.metrics(of: slice, filteredCount: rows).macro)
        #expect(close(macro.f1, metrics.macro?.f1) && close(macro.precision, metrics.macro?.precision))
    }

    @Test(arguments: 0..<6)
    func binaryMatchesReference(seed: Int) throws {
        var random = ExpressionRandom(seed: UInt64(900 + seed))
        let rows = Int.random(in: 2...400, using: &random)
        let labels: [String?] = (0..<rows).map { _ in Int.random(in: 0..<10, using: &random) == 0 ? nil : Bool.random(using: &random) ? "yes" : "no" }
        let predictions: [String?] = (0..<rows).map { _ in Int.random(in: 0..<4, using: &random) == 0 ? "yes" : "no" }
        let dataset = makeDataset(["label": .categorical(labels), "prediction": .categorical(predictions)])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let classes = try #require(evaluator.classes)
        guard classes.classes.count == 2 else { return }
        let all = RowSet(rowCount: rows, allSet: true)
        let metrics = try #require(PerClassMetrics(metrics: evaluator.metrics(of: all, filteredCount: rows), classes: classes))
        check(metrics, Reference(labels: labels, predictions: predictions, rows: all.members, classes: classes.classes))
        // The positive class's line is the binary precision and recall.
        let overall = evaluator.metrics(of: all, filteredCount: rows)
        let positive = try #require(metrics.classes.first { $0.name == classes.classes[classes.positive!] })
        #expect(close(positive.recall, overall.value(.recall)) && close(positive.precision, overall.value(.precision)))
    }

    @Test func noRowsGiveNoAverages() throws {
        let dataset = makeDataset(["label": .integers([0, 1, 2]), "prediction": .integers([0, 2, 1])])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let none = evaluator.metrics(of: RowSet(rowCount: 3), filteredCount: 3)
        let metrics = try #require(PerClassMetrics(metrics: none, classes: evaluator.classes!))
        #expect(metrics.macro == nil && metrics.support == 0 && metrics.classes.allSatisfy { $0.precision == nil })
        let table = PerClassTable.table(metrics).renderAligned(CharacterCells.self)
        #expect(table.contains("macro avg") && table.contains("–"))
    }
}
