import Foundation
import TuttiCore

/// SliceLine on the Adult data: the 14 feature columns, numbers in 10 equal-width bins, 0/1
/// errors (label ≠ prediction), α 0.95, k 10, maximum level 3, minimum support max(32, 1%).
/// Times binning plus search (median of 5 runs, loading not timed) and prints one JSON line
/// with the top 5 slices. With `bins`, also writes the binned rows searched as CSV (one column
/// per feature holding each row's value as predicate text, then `error`) for the Python peer.
enum SliceBench {
    static let columns = ["age", "workclass", "fnlwgt", "education", "education_num", "marital_status", "occupation",
                          "relationship", "race", "sex", "capital_gain", "capital_loss", "hours_per_week", "native_country"]
    static let runs = 5

    struct Output: Encodable {
        struct Slice: Encodable {
            let slice: String
            let size: Int
            let error: Double
            let score: Double
        }

        let rows: Int
        let minimum_support: Int
        let seconds: Double
        let search_seconds: Double
        let slices_evaluated: Int
        let evaluated_per_level: [Int]
        let top: [Slice]
    }

    static func run(path: String, bins: String? = nil) throws {
        let dataset = try DatasetLoader.load(path).dataset
        let roles = ColumnRoles.infer(from: dataset)
        let evaluator = try SliceEvaluator(dataset: dataset, roles: roles)
        let filter = RowSet(rowCount: dataset.rowCount, allSet: true)
        var totals: [Double] = [], searches: [Double] = []
        var result: SliceLineResult?
        var universe = filter
        for _ in 0..<runs {
            var searchTime = 0.0
            totals.append(try TuttiBench.seconds {
                let features = try columns.map {
                    try SliceFeature(dataset: dataset, column: $0, binning: .equalWidth(10), rows: filter)
                }
                let (rows, errors) = try evaluator.errors(for: .error, within: filter)
                universe = rows
                searchTime = try TuttiBench.seconds {
                    result = try SliceLine.run(features: features, rows: rows, errors: errors, options: SliceLineOptions())
                }
            })
            searches.append(searchTime)
        }
        guard let result else { return }
        totals.sort()
        searches.sort()
        let top = result.slices.prefix(5).map {
            Output.Slice(slice: SliceReport.expression($0.predicates), size: $0.size, error: $0.averageError, score: $0.score)
        }
        let output = Output(rows: result.rowCount, minimum_support: result.minimumSupport, seconds: totals[runs / 2],
                            search_seconds: searches[runs / 2], slices_evaluated: result.evaluated,
                            evaluated_per_level: result.levels.map(\.evaluated), top: top)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
        if let bins { try writeBins(result: result, rows: universe, evaluator: evaluator, to: bins) }
    }

    /// The rows searched as CSV: each feature's value as its predicate text, and the 0/1 error.
    private static func writeBins(result: SliceLineResult, rows: RowSet, evaluator: SliceEvaluator, to path: String) throws {
        let labels = result.features.map { feature in feature.predicates.map { SliceReport.expression($0) } }
        guard case .binary(let wrong) = try evaluator.errors(for: .error, within: rows).errors else { return }
        var text = (result.features.map(\.column) + ["error"]).joined(separator: ",") + "\n"
        rows.forEachMember { row in
            let cells = result.features.indices.map { index -> String in
                let code = result.features[index].codes[row]
                return code == SliceFeature.noValue ? "" : CSVQuoting.quoted(labels[index][Int(code)])
            }
            text += cells.joined(separator: ",") + (wrong.contains(row) ? ",1\n" : ",0\n")
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
