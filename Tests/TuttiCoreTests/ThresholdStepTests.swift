import Foundation
import Testing
@testable import TuttiCore

/// A threshold step on ordered scores visits only the rows between the two cuts: the predictions,
/// their bins, the confusion counts (whole and per group) and the histogram counts it updates are
/// exactly those counted afresh, with missing scores and labels, scores that are not numbers, a
/// filter and a selection.
@Suite struct ThresholdStepTests {
    /// `rows` random rows: a 0/1 label (some missing), a prediction of `kind`, a score in 0…1 (some
    /// missing, some NaN, many repeated to two decimals so cuts land on them) and a region.
    static func dataset(rows: Int, prediction kind: ColumnKind, seed: UInt64) -> Dataset {
        var random = SplitMix64(seed: seed)
        var labels = [Int64](), scores = [Double](), regions = [UInt32]()
        var labelled = RowSet(rowCount: rows), scored = RowSet(rowCount: rows)
        for row in 0..<rows {
            let score = Double.random(in: 0...1, using: &random)
            let rounded = Bool.random(using: &random) ? (score * 100).rounded() / 100 : score
            scores.append(Int.random(in: 0..<50, using: &random) == 0 ? .nan : rounded)
            labels.append(Double.random(in: 0..<1, using: &random) < score ? 1 : 0)
            regions.append(UInt32.random(in: 0..<5, using: &random))
            if Int.random(in: 0..<20, using: &random) != 0 { labelled.insert(row) }
            if Int.random(in: 0..<15, using: &random) != 0 { scored.insert(row) }
        }
        let all = RowSet(rowCount: rows, allSet: true)
        let prediction: ColumnData = switch kind {
        case .boolean: .boolean(scores.map { $0 >= 0.5 })
        case .categorical: .categorical(codes: scores.map { $0 >= 0.5 ? 1 : 0 }, dictionary: StringTable(["no", "yes"]))
        case .float: .float(scores.map { $0 >= 0.5 ? 1 : 0 })
        default: .integer(scores.map { $0 >= 0.5 ? 1 : 0 })
        }
        let label: ColumnData = kind == .categorical
            ? .categorical(codes: labels.enumerated().map { labelled.contains($0.offset) ? UInt32($0.element) : 2 },
                           dictionary: StringTable(["no", "yes"]))
            : .integer(labels)
        return Dataset(source: "steps", rowCount: rows, columns: [
            Column(name: "label", data: label, validity: labelled),
            Column(name: "prediction", data: prediction, validity: all),
            Column(name: "score", data: .float(scores), validity: scored),
            Column(name: "region", data: .categorical(codes: regions, dictionary: StringTable(["a", "b", "c", "d", "e"])),
                   validity: all),
        ])
    }

    /// A random set of about `share` of `rows` rows.
    static func randomRows(_ rows: Int, share: Double, using random: inout SplitMix64) -> RowSet {
        RowSet(rowCount: rows, rows: (0..<rows).filter { _ in Double.random(in: 0..<1, using: &random) < share })
    }

    /// Steps `steps` times from 0.5 by random amounts (often one step, sometimes far, sometimes to
    /// the ends where a class empties), checking every update against a recount at the new cut.
    static func checkSteps(prediction kind: ColumnKind, seed: UInt64, steps: Int = 150) throws {
        let data = dataset(rows: 3_000, prediction: kind, seed: seed)
        var random = SplitMix64(seed: seed &+ 1)
        let filter = randomRows(data.rowCount, share: 0.7, using: &random)
        let selection = randomRows(data.rowCount, share: 0.2, using: &random)
        let roles = ColumnRoles.infer(from: data)
        var state = ExplorerState(dataset: data, roles: roles)
        let first = try ScoreThreshold(value: 0.5, dataset: data, roles: roles).ordered(in: data)
        state = try Explorer.reduce(state, .previewThreshold(first)).0
        let labels = try ColumnBinning(dataset: data, column: "label", bins: 12)
        let regions = try SliceFeature(dataset: data, column: "region", binning: GroupSplit.binning, rows: filter)
        var predictions = try ColumnBinning(dataset: state.dataset, column: "prediction", bins: 12)
        var counts = ConfusionCounts(labels: labels, predictions: predictions, filter: filter, selection: selection)
        var grouped = ConfusionCounts.grouped(labels: labels, predictions: predictions, by: regions, filter: filter,
                                              selection: selection)
        var histogram = HistogramCounts(predictions, filter: filter, selection: selection)
        var updated = 0
        for _ in 0..<steps {
            let old = try #require(state.threshold)
            let moves = [1, -1, 1, -1, 3, -7, 40, -60, 200, -200]
            let cut = old.moved(by: moves[Int.random(in: 0..<moves.count, using: &random)])
            let next = try old.at(cut, in: state.dataset)
            let fresh = try ScoreThreshold(value: cut, dataset: data, roles: roles)
            #expect(next.predictedPositive == fresh.predictedPositive, "cut \(cut)")
            let flips = try #require(next.flips(since: old))
            #expect(flips.rows.allSatisfy { old.predictedPositive.contains(Int($0)) != fresh.predictedPositive.contains(Int($0)) })
            #expect(flips.count == old.predictedPositive.subtracting(fresh.predictedPositive).count
                    + fresh.predictedPositive.subtracting(old.predictedPositive).count)
            state = try Explorer.reduce(state, .previewThreshold(next)).0
            #expect(state.dataset.column(named: "prediction") == fresh.predictionColumn(), "cut \(cut)")
            let rebinned = try ColumnBinning(dataset: state.dataset, column: "prediction", bins: 12)
            if let recoded = next.predictionBinning(updating: predictions, since: old) {
                updated += 1
                #expect(recoded == rebinned, "cut \(cut)")
                counts = counts.recounted(flips.rows, predictions: recoded, filter: filter, selection: selection)
                let slot = Dictionary(uniqueKeysWithValues: (0..<regions.valueCount).map { ($0, $0) })
                grouped = ConfusionCounts.recounted(grouped, flips.rows, predictions: recoded,
                                                    matrixOf: { row in slot[Int(regions.codes[row])] }, filter: filter,
                                                    selection: selection)
                histogram = histogram.recounted(flips.rows, from: predictions, to: recoded, filter: filter, selection: selection)
                predictions = recoded
            } else {
                predictions = rebinned
                counts = ConfusionCounts(labels: labels, predictions: predictions, filter: filter, selection: selection)
                grouped = ConfusionCounts.grouped(labels: labels, predictions: predictions, by: regions, filter: filter,
                                                  selection: selection)
                histogram = HistogramCounts(predictions, filter: filter, selection: selection)
            }
            #expect(counts == ConfusionCounts(labels: labels, predictions: rebinned, filter: filter, selection: selection),
                    "cut \(cut)")
            #expect(grouped == ConfusionCounts.grouped(labels: labels, predictions: rebinned, by: regions, filter: filter,
                                                       selection: selection), "cut \(cut)")
            #expect(histogram == HistogramCounts(rebinned, filter: filter, selection: selection), "cut \(cut)")
        }
        // Most steps update; only those that empty a class (or reorder categories) bin again.
        #expect(updated > steps / 2, "\(updated) of \(steps) steps updated")
    }

    @Test func stepsOnIntegerPredictionsMatchARecount() throws {
        try Self.checkSteps(prediction: .integer, seed: 1)
    }

    @Test func stepsOnFloatPredictionsMatchARecount() throws {
        try Self.checkSteps(prediction: .float, seed: 2)
    }

    @Test func stepsOnBooleanPredictionsMatchARecount() throws {
        try Self.checkSteps(prediction: .boolean, seed: 3)
    }

    @Test func stepsOnCategoricalPredictionsMatchARecount() throws {
        try Self.checkSteps(prediction: .categorical, seed: 4)
    }

    @Test func theOrderHoldsEveryNumericScoreAscending() throws {
        let values: [Double] = [0.3, .nan, -0.0, 0.0, -2.5, .infinity, -.infinity, 0.3, 0.7, 0.1, 0.5]
        let validity = RowSet(rowCount: values.count, rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 10])
        let order = ScoreOrder(values: values, validity: validity)
        #expect(order.scores == [-.infinity, -2.5, -0.0, 0.0, 0.3, 0.3, 0.5, 0.7, .infinity])
        #expect(order.rows.map { values[Int($0)] } == order.scores)
        #expect(Set(order.rows(from: 0, below: 0.5)) == [2, 3, 0, 7])
        #expect(Set(order.rows(from: 0.3, below: 0.7)) == [0, 7, 10])
        #expect(order.rows(from: 0.8, below: 0.9).isEmpty)
    }

    @Test func adultStepsMatchTheCountsOfTheScores() throws {
        let roles = ColumnRoles.infer(from: adult)
        guard case .float(let scores) = adult.column(named: "score")!.data else { return }
        let labels = adult.column(named: "label")!
        var state = ExplorerState(dataset: adult, roles: roles)
        state = try Explorer.reduce(state, .previewThreshold(try ScoreThreshold(value: 0.5, dataset: adult, roles: roles)
                                                              .ordered(in: adult))).0
        let labelBins = try ColumnBinning(dataset: adult, column: "label", bins: 12)
        var predictions = try ColumnBinning(dataset: state.dataset, column: "prediction", bins: 12)
        let all = RowSet(rowCount: adult.rowCount, allSet: true)
        var counts = ConfusionCounts(labels: labelBins, predictions: predictions, filter: all, selection: nil)
        for cut in [0.51, 0.52, 0.62, 0.3, 0.29, 0.05, 0.95, 0.5] {
            let old = try #require(state.threshold)
            let next = try old.at(cut, in: state.dataset)
            let recoded = try #require(next.predictionBinning(updating: predictions, since: old))
            counts = counts.recounted(try #require(next.flips(since: old)).rows, predictions: recoded, filter: all, selection: nil)
            predictions = recoded
            state = try Explorer.reduce(state, .previewThreshold(next)).0
            var expected = [[0, 0], [0, 0]]
            for row in 0..<adult.rowCount {
                expected[Int(labels.number(at: row)!)][scores[row] >= cut ? 1 : 0] += 1
            }
            #expect(counts.filtered.prefix(2).map { Array($0.prefix(2)) } == expected, "cut \(cut)")
        }
    }
}
