import Foundation
import TuttiCore

/// Two models on `rows` synthetic rows (a 0/1 label, two predictions and scores, a region of 8
/// values and an age): times the comparison from evaluators built once — both models' metrics,
/// the agreement matrix, and the per-slice deltas by region — median of 5 runs (wall, with the
/// CPU time of that run), and, apart,
/// building the two evaluators and a histogram's metric per bin (model A's error rate per bin of
/// age, 40 bins: `BinMetricOverlay`, median of 5). Prints one JSON line.
enum CompareBench {
    static let runs = 5

    static func run(rows: Int) throws {
        var random = SplitMix64(seed: 8)
        var labels = [Int64](), predictionsA = [Int64](), predictionsB = [Int64](), scoresA = [Double](), scoresB = [Double]()
        var regions = [UInt32](), ages = [Int64]()
        for _ in 0..<rows {
            let label = Int64(Double.random(in: 0..<1, using: &random) < 0.3 ? 1 : 0)
            let region = UInt32.random(in: 0..<8, using: &random)
            let scoreA = Double.random(in: 0..<1, using: &random), scoreB = Double.random(in: 0..<1, using: &random)
            labels.append(label)
            regions.append(region)
            ages.append(Int64.random(in: 18...90, using: &random))
            scoresA.append(scoreA)
            scoresB.append(scoreB)
            predictionsA.append(scoreA < 0.85 ? label : 1 - label)
            predictionsB.append(scoreB < (region == 3 ? 0.7 : 0.9) ? label : 1 - label)
        }
        let all = RowSet(rowCount: rows, allSet: true)
        let dataset = Dataset(source: "synthetic", rowCount: rows, columns: [
            Column(name: "label", data: .integer(labels), validity: all),
            Column(name: "prediction_a", data: .integer(predictionsA), validity: all),
            Column(name: "score_a", data: .float(scoresA), validity: all),
            Column(name: "prediction_b", data: .integer(predictionsB), validity: all),
            Column(name: "score_b", data: .float(scoresB), validity: all),
            Column(name: "region", data: .categorical(codes: regions, dictionary: StringTable((0..<8).map { "r\($0)" })),
                   validity: all),
            Column(name: "age", data: .integer(ages), validity: all),
        ])
        let roles = ColumnRoles.infer(from: dataset)
        let models = try ModelList.parse(nil, dataset: dataset, roles: roles)
        var evaluators: [SliceEvaluator] = []
        let building = try TuttiBench.seconds {
            evaluators = try ModelComparison(dataset: dataset, roles: roles, models: models, filter: all).evaluators
        }
        var times: [(wall: Double, cpu: Double)] = []
        var comparison: ModelComparison?
        for _ in 0..<runs {
            times.append(try TuttiBench.wallAndCPU {
                var compared = try ModelComparison(models: models, evaluators: evaluators, filter: all)
                try compared.group(dataset: dataset, columns: ["region"], binning: .equalWidth(10), filter: all)
                comparison = compared
            })
        }
        let ageBins = try ColumnBinning(dataset: dataset, column: "age", bins: 40)
        var overlayTimes: [(wall: Double, cpu: Double)] = []
        var overlay: BinMetricOverlay?
        for _ in 0..<runs {
            overlayTimes.append(TuttiBench.wallAndCPU {
                overlay = BinMetricOverlay(evaluator: evaluators[0], binning: ageBins, filter: all, metric: .error, roles: roles)
            })
        }
        let agreement = comparison!.agreement!
        print("{\"rows\": \(rows), \"slices\": \(comparison!.slices.count), \"both_right\": \(agreement.bothRight), "
              + "\"only_a\": \(agreement.onlyA), \"only_b\": \(agreement.onlyB), \"both_wrong\": \(agreement.bothWrong), "
              + "\"compare_seconds\": \(median(times).wall), \"compare_cpu_seconds\": \(median(times).cpu), "
              + "\"evaluators_seconds\": \(building), \"overlay_bins\": \(overlay!.values.count), "
              + "\"overlay_seconds\": \(median(overlayTimes).wall), \"overlay_cpu_seconds\": \(median(overlayTimes).cpu)}")
    }

    /// The run of median wall time.
    static func median(_ times: [(wall: Double, cpu: Double)]) -> (wall: Double, cpu: Double) {
        times.sorted { $0.wall < $1.wall }[times.count / 2]
    }
}
