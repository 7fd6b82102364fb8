import Foundation
import Testing
@testable import TuttiCore

/// The fast comparison (one tally per model over row codes, in two halves on two cores) against
/// plain counting in the test, on random tables with missing values, large enough to be
/// counted in halves.
@Suite struct ModelComparisonReferenceTests {
    /// More rows than `SliceTally.parallelWords` words hold.
    static let rows = 64 * SliceTally.parallelWords + 1_234

    /// Plain counts of one model over some rows.
    struct Reference {
        var size = 0, classified = 0, correct = 0, scoreCount = 0, lossCount = 0
        var confusion = BinaryConfusion()
        var scoreSum = 0.0, lossSum = 0.0
        var calibrationCounts = [Int](repeating: 0, count: 10), calibrationPositives = [Int](repeating: 0, count: 10)

        mutating func add(label: Int64?, prediction: Int64?, score: Double?, loss: Double?) {
            size += 1
            if let score { scoreCount += 1; scoreSum += score }
            if let loss { lossCount += 1; lossSum += loss }
            guard let label, let prediction else { return }
            classified += 1
            if label == prediction { correct += 1 }
            switch (label == 1, prediction == 1) {
            case (true, true): confusion.truePositives += 1
            case (true, false): confusion.falseNegatives += 1
            case (false, true): confusion.falsePositives += 1
            case (false, false): confusion.trueNegatives += 1
            }
            if let score {
                let bin = min(Int(score * 10), 9)
                calibrationCounts[bin] += 1
                if label == 1 { calibrationPositives[bin] += 1 }
            }
        }

        func check(_ metrics: SliceMetrics, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(metrics.size == size && metrics.classified == classified && metrics.correct == correct,
                    sourceLocation: sourceLocation)
            #expect(metrics.confusion == confusion, sourceLocation: sourceLocation)
            #expect(metrics.scoreCount == scoreCount && metrics.lossCount == lossCount, sourceLocation: sourceLocation)
            #expect(abs(metrics.scoreSum - scoreSum) <= 1e-9 * max(1, scoreSum), sourceLocation: sourceLocation)
            #expect(abs(metrics.lossSum - lossSum) <= 1e-9 * max(1, lossSum), sourceLocation: sourceLocation)
            #expect(metrics.calibration?.counts == calibrationCounts, sourceLocation: sourceLocation)
            #expect(metrics.calibration?.positives == calibrationPositives, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [3, 11])
    func agreementMetricsAndSlicesMatchPlainCounting(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        func maybe<T>(_ value: T, missing: Double = 0.05) -> T? {
            Double.random(in: 0..<1, using: &random) < missing ? nil : value
        }
        let count = Self.rows
        let labels = (0..<count).map { _ in maybe(Int64.random(in: 0...1, using: &random)) }
        // Each model right on about 80% of the rows.
        let predictions = (0..<2).map { _ in
            labels.map { label in maybe(Double.random(in: 0..<1, using: &random) < 0.8 ? label ?? 0 : 1 - (label ?? 0)) }
        }
        let scores = (0..<2).map { _ in (0..<count).map { _ in maybe(Double.random(in: 0..<1, using: &random)) } }
        let losses = (0..<count).map { _ in maybe(Double.random(in: 0..<2, using: &random), missing: 0.2) }
        let regions = (0..<count).map { _ in maybe("r\(Int.random(in: 0..<5, using: &random))") }
        let dataset = makeDataset(["label": .integers(labels), "prediction_a": .integers(predictions[0]),
                                   "score_a": .floats(scores[0]), "prediction_b": .integers(predictions[1]),
                                   "score_b": .floats(scores[1]), "loss": .floats(losses), "region": .categorical(regions)])
        let filter = RowSet(rowCount: count, rows: (0..<count).filter { _ in Int.random(in: 0..<10, using: &random) < 7 })
        let roles = ColumnRoles.infer(from: dataset)
        let models = try ModelList.parse(nil, dataset: dataset, roles: roles)
        #expect(models.map(\.prediction) == ["prediction_a", "prediction_b"])
        var comparison = try ModelComparison(dataset: dataset, roles: roles, models: models, filter: filter)
        try comparison.group(dataset: dataset, columns: ["region"], binning: .equalWidth(10), filter: filter)

        var overall = [Reference(), Reference()]
        var bySlice: [String: [Reference]] = [:]
        var agreement = [0, 0, 0, 0]
        for row in filter.members {
            let slice = regions[row].map { "region == \"\($0)\"" } ?? "region is null"
            for model in 0..<2 {
                overall[model].add(label: labels[row], prediction: predictions[model][row], score: scores[model][row],
                                   loss: losses[row])
                bySlice[slice, default: [Reference(), Reference()]][model]
                    .add(label: labels[row], prediction: predictions[model][row], score: scores[model][row], loss: losses[row])
            }
            if let label = labels[row], let a = predictions[0][row], let b = predictions[1][row] {
                agreement[(a == label ? 0 : 2) + (b == label ? 0 : 1)] += 1
            }
        }
        let counted = try #require(comparison.agreement)
        #expect([counted.bothRight, counted.onlyA, counted.onlyB, counted.bothWrong] == agreement)
        for model in 0..<2 { overall[model].check(comparison.overall[model]) }
        #expect(comparison.slices.count == bySlice.count)
        for slice in comparison.slices {
            let reference = try #require(bySlice[slice.expression], "\(slice.expression)")
            for model in 0..<2 { reference[model].check(slice.metrics[model]) }
            #expect(slice.metrics[0].share == Double(reference[0].size) / Double(filter.count))
        }
        // A histogram's bins count the same way.
        let binning = try ColumnBinning(dataset: dataset, column: "loss", bins: 8)
        let bins = comparison.evaluators[0].metrics(perBinOf: binning, filter: filter)
        var byBin = [Reference](repeating: Reference(), count: binning.binCount)
        for row in filter.members where Int(binning.codes[row]) < binning.binCount {
            byBin[Int(binning.codes[row])].add(label: labels[row], prediction: predictions[0][row], score: scores[0][row],
                                               loss: losses[row])
        }
        for (bin, reference) in zip(bins, byBin) { reference.check(bin) }
    }

    @Test func multiClassCountsMatchPlainCounting() throws {
        var random = SplitMix64(seed: 5)
        let names = ["ant", "bee", "cat", "dog"]
        let count = Self.rows
        func draw() -> [String?] {
            (0..<count).map { _ in Int.random(in: 0..<20, using: &random) == 0 ? nil : names.randomElement(using: &random) }
        }
        let labels = draw(), predictions = draw()
        let dataset = makeDataset(["label": .categorical(labels), "prediction": .categorical(predictions)])
        let evaluator = try SliceEvaluator(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let classes = try #require(evaluator.classes?.classes)
        #expect(classes == names)
        let slice = RowSet(rowCount: count, rows: (0..<count).filter { _ in Bool.random(using: &random) })
        let metrics = evaluator.metrics(of: slice, filteredCount: count)
        let perClass = try #require(metrics.multiClassCounts)
        for (index, name) in names.enumerated() {
            let pairs = slice.members.filter { labels[$0] != nil && predictions[$0] != nil }
            #expect(perClass.correct(index) == pairs.filter { labels[$0] == name && predictions[$0] == name }.count)
            #expect(perClass.labelled(index) == pairs.filter { labels[$0] == name }.count)
            #expect(perClass.predicted(index) == pairs.filter { predictions[$0] == name }.count)
        }
        #expect(metrics.classified == slice.members.filter { labels[$0] != nil && predictions[$0] != nil }.count)
        #expect(metrics.correct == slice.members.filter { labels[$0] != nil && labels[$0] == predictions[$0] }.count)
    }
}
