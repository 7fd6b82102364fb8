import Foundation
import Testing
@testable import TuttiCore

@Suite struct SliceMetricsTests {
    /// Published values (Newcombe 1998, table I; the 5/10 case from Wilson's formula).
    @Test(arguments: [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611),
                      (1, 29, 0.0061, 0.1718), (5, 10, 0.2366, 0.7634), (10, 10, 0.7225, 1.0)])
    func wilsonIntervalKnownValues(successes: Int, trials: Int, lower: Double, upper: Double) throws {
        let interval = try #require(WilsonInterval(successes: successes, trials: trials))
        #expect(abs(interval.lower - lower) < 0.00005)
        #expect(abs(interval.upper - upper) < 0.00005)
        #expect(WilsonInterval(successes: 0, trials: 0) == nil)
    }

    @Test(arguments: 0..<12)
    func binaryMetricsMatchBruteForce(seed: Int) throws {
        var random = ExpressionRandom(seed: UInt64(seed))
        let rows = seed % 4 == 0 ? Int.random(in: 0...3, using: &random) : Int.random(in: 1...700, using: &random)
        func maybe<T>(_ value: T, missing: Double = 0.1) -> T? {
            Double.random(in: 0..<1, using: &random) < missing ? nil : value
        }
        let labels = (0..<rows).map { _ in maybe(Int64.random(in: 0...1, using: &random)) }
        // The prediction is categorical text "0"/"1": it must match the integer label by value.
        let predictions = (0..<rows).map { _ in maybe(Bool.random(using: &random) ? "1" : "0") }
        let scores = (0..<rows).map { _ in maybe(Double.random(in: 0...1, using: &random)) }
        let losses = (0..<rows).map { _ in maybe(Double.random(in: 0...3, using: &random), missing: 0.3) }
        let dataset = makeDataset(["label": .integers(labels), "prediction": .categorical(predictions),
                                   "score": .floats(scores), "loss": .floats(losses)])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        // A tiny table may hold a single class: then there is no positive class.
        let binary = evaluator.classes?.isBinary == true
        #expect(binary || evaluator.classes?.classes.count ?? 0 < 2)
        if binary {
            #expect(evaluator.availableMetrics == [.accuracy, .error, .precision, .recall, .f1, .fpr, .fnr, .baseRate,
                                                   .meanScore, .meanLoss, .ece])
        }
        let slice = RowSet(rowCount: rows, rows: (0..<rows).filter { _ in Bool.random(using: &random) })
        let selection = RowSet(rowCount: rows, rows: (0..<rows).filter { _ in Bool.random(using: &random) })
        let filtered = rows + 5
        let metrics = evaluator.metrics(of: slice, filteredCount: filtered, selection: selection)
        let reference = BruteForceMetrics(labels: labels.map { $0.map(String.init) }, predictions: predictions,
                                          scores: scores, losses: losses, rows: slice.members, positive: binary ? "1" : nil)
        #expect(metrics.size == slice.count)
        #expect(metrics.selected == slice.intersectionCount(selection))
        #expect(metrics.share == Double(slice.count) / Double(filtered))
        reference.check(metrics)
        // The grouped pass gives the same numbers.
        let groups = (0..<rows).map { Int32(slice.contains($0) ? 1 : selection.contains($0) ? 0 : -1) }
        let grouped = evaluator.metrics(groups: groups, count: 2, filteredCount: filtered, selection: selection)
        #expect(grouped[1] == metrics)
        #expect(grouped[0].size == selection.subtracting(slice).count)
    }

    @Test(arguments: 0..<6)
    func multiClassMetricsMatchBruteForce(seed: Int) throws {
        var random = ExpressionRandom(seed: UInt64(100 + seed))
        let rows = Int.random(in: 1...500, using: &random)
        let names = ["ant", "bee", "cat", "dog"]
        let labels = (0..<rows).map { _ in Int.random(in: 0..<10, using: &random) == 0 ? nil : names.randomElement(using: &random) }
        let predictions = (0..<rows).map { _ in names.prefix(3).randomElement(using: &random) }
        let dataset = makeDataset(["y": .categorical(labels), "y_pred": .text(predictions)])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        #expect(evaluator.classes?.isBinary == false)
        #expect(evaluator.availableMetrics == [.accuracy, .error, .precision, .recall, .f1])
        let slice = RowSet(rowCount: rows, rows: (0..<rows).filter { _ in Int.random(in: 0..<3, using: &random) > 0 })
        let metrics = evaluator.metrics(of: slice, filteredCount: rows)
        BruteForceMetrics(labels: labels, predictions: predictions, scores: nil, losses: nil, rows: slice.members,
                          positive: nil).check(metrics)
        #expect(metrics.value(.fpr) == nil && metrics.interval(.precision) == nil)
        let grouped = evaluator.metrics(groups: (0..<rows).map { slice.contains($0) ? 0 : -1 }, count: 1, filteredCount: rows)
        #expect(grouped == [metrics])
    }

    @Test func classesMatchAcrossKinds() throws {
        let dataset = makeDataset(["label": .booleans([true, false, true, nil, false]),
                                   "prediction": .integers([1, 1, 0, 1, 0]),
                                   "p2": .floats([1.0, 0, 1, 1, 0.0]),
                                   "p3": .categorical(["1", "0", "1", "1", "0"])])
        let roles = ColumnRoles.infer(from: dataset)
        let evaluator = try SliceEvaluator(dataset: dataset, roles: roles)
        #expect(evaluator.classes?.classes == ["0", "1"])
        #expect(evaluator.classes?.positive == 1)
        let all = RowSet(rowCount: 5, allSet: true)
        let metrics = evaluator.metrics(of: all, filteredCount: 5)
        #expect(metrics.classified == 4 && metrics.correct == 2)
        #expect(metrics.confusion == BinaryConfusion(truePositives: 1, falsePositives: 1, falseNegatives: 1, trueNegatives: 1))
        for other in ["p2", "p3"] {
            var swapped = roles
            try swapped.assign(.prediction, to: other, in: dataset)
            let exact = try SliceEvaluator(dataset: dataset, roles: swapped).metrics(of: all, filteredCount: 5)
            #expect(exact.correct == 4, "\(other)")
        }
    }

    @Test func positiveClassDefaultsAndChoice() throws {
        let dataset = makeDataset(["label": .categorical(["yes", "no", "no", "no"]),
                                   "prediction": .categorical(["yes", "yes", "no", "no"])])
        let roles = ColumnRoles.infer(from: dataset)
        let rarer = try SliceEvaluator(dataset: dataset, roles: roles)
        #expect(rarer.classes.map { $0.classes[$0.positive!] } == "yes")
        let all = RowSet(rowCount: 4, allSet: true)
        #expect(rarer.metrics(of: all, filteredCount: 4).value(.recall) == 1)
        let chosen = try SliceEvaluator(dataset: dataset, roles: roles, positiveClass: "no")
        #expect(chosen.metrics(of: all, filteredCount: 4).value(.recall) == 2.0 / 3)
        #expect(throws: TuttiError.self) { try SliceEvaluator(dataset: dataset, roles: roles, positiveClass: "maybe") }
        // Three classes are macro-averaged unless a positive class is given.
        let three = makeDataset(["label": .integers([0, 1, 2]), "prediction": .integers([0, 1, 1])])
        let threeRoles = ColumnRoles.infer(from: three)
        #expect(try SliceEvaluator(dataset: three, roles: threeRoles).classes?.isBinary == false)
        #expect(try SliceEvaluator(dataset: three, roles: threeRoles, positiveClass: "2").classes?.positive == 2)
    }

    @Test func gapsAndMissingRoles() throws {
        let dataset = makeDataset(["loss": .floats([1, 2, 3, 6]), "x": .integers([1, 1, 2, 2])])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        #expect(evaluator.availableMetrics == [.meanLoss])
        let overall = evaluator.metrics(of: RowSet(rowCount: 4, allSet: true), filteredCount: 4)
        let slice = evaluator.metrics(of: RowSet(rowCount: 4, rows: [2, 3]), filteredCount: 4)
        #expect(slice.value(.meanLoss) == 4.5)
        #expect(slice.gap(.meanLoss, to: overall) == 1.5)
        #expect(slice.value(.error) == nil && slice.gap(.error, to: overall) == nil)
        #expect(throws: TuttiError.self) { try evaluator.errors(for: .error, within: RowSet(rowCount: 4, allSet: true)) }
        let text = makeDataset(["score": .text(["a", "b"])])
        var roles = ColumnRoles()
        try roles.assign(.score, to: "score", in: text)
        #expect(throws: TuttiError.self) { try SliceEvaluator(dataset: text, roles: roles) }
    }

    @Test func objectivesPickTheirRows() throws {
        let dataset = makeDataset(["label": .integers([1, 1, 0, 0, nil, 1]), "prediction": .integers([1, 0, 1, 0, 1, 0]),
                                   "loss": .floats([0.1, 2, 1.5, 0.2, 1, nil])])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let all = RowSet(rowCount: 6, allSet: true)
        let error = try evaluator.errors(for: .error, within: all)
        #expect(error.rows.members == [0, 1, 2, 3, 5])
        #expect(error.errors == .binary(RowSet(rowCount: 6, rows: [1, 2, 5])))
        #expect(try evaluator.errors(for: .fnr, within: all).rows.members == [0, 1, 5])
        #expect(try evaluator.errors(for: .fpr, within: all).rows.members == [2, 3])
        let loss = try evaluator.errors(for: .loss, within: all)
        #expect(loss.rows.members == [0, 1, 2, 3, 4])
        let negative = makeDataset(["loss": .floats([0.5, -1])])
        let negativeEvaluator = try SliceEvaluator(dataset: negative, roles: ColumnRoles.infer(from: negative))
        #expect(throws: TuttiError.self) { try negativeEvaluator.errors(for: .loss, within: RowSet(rowCount: 2, allSet: true)) }
    }
}

/// Metrics computed the slow way, from display text, row by row.
struct BruteForceMetrics {
    let labels: [String?]
    let predictions: [String?]
    let scores: [Double?]?
    let losses: [Double?]?
    let rows: [Int]
    /// The positive class (binary) or nil (multi-class, macro averages).
    let positive: String?

    func check(_ metrics: SliceMetrics, sourceLocation: SourceLocation = #_sourceLocation) {
        let pairs = rows.compactMap { row -> (String, String)? in
            guard let label = labels[row], let prediction = predictions[row] else { return nil }
            return (label, prediction)
        }
        let correct = pairs.filter { $0.0 == $0.1 }.count
        #expect(metrics.classified == pairs.count, sourceLocation: sourceLocation)
        close(metrics.value(.accuracy), pairs.isEmpty ? nil : Double(correct) / Double(pairs.count), sourceLocation)
        close(metrics.value(.error), pairs.isEmpty ? nil : 1 - Double(correct) / Double(pairs.count), sourceLocation)
        if let positive {
            let tp = pairs.filter { $0.0 == positive && $0.1 == positive }.count
            let fp = pairs.filter { $0.0 != positive && $0.1 == positive }.count
            let fn = pairs.filter { $0.0 == positive && $0.1 != positive }.count
            let tn = pairs.count - tp - fp - fn
            func ratio(_ a: Int, _ b: Int) -> Double? { b > 0 ? Double(a) / Double(b) : nil }
            close(metrics.value(.precision), ratio(tp, tp + fp), sourceLocation)
            close(metrics.value(.recall), ratio(tp, tp + fn), sourceLocation)
            close(metrics.value(.f1), ratio(2 * tp, 2 * tp + fp + fn), sourceLocation)
            close(metrics.value(.fpr), ratio(fp, fp + tn), sourceLocation)
            close(metrics.value(.fnr), ratio(fn, fn + tp), sourceLocation)
            close(metrics.value(.baseRate), ratio(tp + fn, pairs.count), sourceLocation)
            let interval = WilsonInterval(successes: fn, trials: fn + tp)
            #expect(metrics.interval(.fnr) == interval, sourceLocation: sourceLocation)
        } else {
            let classes = Set(pairs.flatMap { [$0.0, $0.1] })
            var precision = 0.0, recall = 0.0, f1 = 0.0
            for c in classes {
                let tp = Double(pairs.filter { $0.0 == c && $0.1 == c }.count)
                let predicted = Double(pairs.filter { $0.1 == c }.count), actual = Double(pairs.filter { $0.0 == c }.count)
                precision += predicted > 0 ? tp / predicted : 0
                recall += actual > 0 ? tp / actual : 0
                f1 += 2 * tp / (predicted + actual)
            }
            let n = Double(classes.count)
            close(metrics.value(.precision), classes.isEmpty ? nil : precision / n, sourceLocation)
            close(metrics.value(.recall), classes.isEmpty ? nil : recall / n, sourceLocation)
            close(metrics.value(.f1), classes.isEmpty ? nil : f1 / n, sourceLocation)
        }
        #expect(metrics.interval(.error) == WilsonInterval(successes: pairs.count - correct, trials: pairs.count),
                sourceLocation: sourceLocation)
        if let scores {
            let present = rows.compactMap { scores[$0] }
            close(metrics.value(.meanScore), present.isEmpty ? nil : present.reduce(0, +) / Double(present.count), sourceLocation)
        }
        if let losses {
            let present = rows.compactMap { losses[$0] }
            close(metrics.value(.meanLoss), present.isEmpty ? nil : present.reduce(0, +) / Double(present.count), sourceLocation)
        }
    }

    private func close(_ a: Double?, _ b: Double?, _ sourceLocation: SourceLocation) {
        switch (a, b) {
        case let (x?, y?): #expect(abs(x - y) < 1e-9, "\(x) vs \(y)", sourceLocation: sourceLocation)
        default: #expect(a == nil && b == nil, "\(String(describing: a)) vs \(String(describing: b))",
                         sourceLocation: sourceLocation)
        }
    }
}
