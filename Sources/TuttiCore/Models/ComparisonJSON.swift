import Foundation

/// A comparison of two models as JSON (`tutti compare --format json`): `{"file", "rows",
/// "filtered", "where", "models": [a, b], "columns": {model: {"prediction", "score"}}, "metric",
/// "mode", "overall": {model: {metrics}}, "agreement": {"both_right", "only_a", "only_b",
/// "both_wrong"}, "slices": [{"predicates", "expression", "size", "metrics": {model: {metrics}},
/// "delta", "score"}]}`. Metrics are those of `SliceReportJSON.Metrics`; `delta` is A's error
/// (or mean absolute error) minus B's; `agreement` is null for a regression.
public struct ComparisonJSON: JSONDocument, Sendable {
    /// A model's columns.
    public struct Columns: Encodable, Sendable {
        @JSONNull public private(set) var prediction: String?
        @JSONNull public private(set) var score: String?
    }

    /// The agreement counts.
    public struct Agreement: Codable, Equatable, Sendable {
        public let bothRight: Int, onlyA: Int, onlyB: Int, bothWrong: Int

        enum CodingKeys: String, CodingKey {
            case bothRight = "both_right", onlyA = "only_a", onlyB = "only_b", bothWrong = "both_wrong"
        }
    }

    /// One slice with both models' metrics.
    public struct Slice: Encodable, Sendable {
        public let predicates: [SliceReportJSON.Predicate], expression: String, size: Int
        public let metrics: [String: SliceReportJSON.Metrics]
        @JSONNull public private(set) var delta: Double?
        @JSONNull public private(set) var score: Double?
    }

    public let file: String, rows: Int, filtered: Int
    @JSONNull public private(set) var `where`: String?
    public let models: [String], columns: [String: Columns], metric: String, mode: String
    public let overall: [String: SliceReportJSON.Metrics]
    @JSONNull public private(set) var agreement: Agreement?
    public let slices: [Slice]

    /// The JSON of `comparison` on the data called `name` of `rowCount` rows, filtered by `filter`.
    public init(comparison: ModelComparison, name: String, rowCount: Int, filter: String?) {
        file = name
        rows = rowCount
        filtered = comparison.overall[0].size
        self.where = filter
        let names = comparison.models.map(\.name)
        models = names
        columns = Dictionary(uniqueKeysWithValues: comparison.models.map {
            ($0.name, Columns(prediction: $0.prediction, score: $0.score))
        })
        metric = comparison.metric.rawValue
        mode = comparison.search == nil ? "groups" : "discover"
        func metrics(_ values: [SliceMetrics], overall: [SliceMetrics]?) -> [String: SliceReportJSON.Metrics] {
            Dictionary(uniqueKeysWithValues: values.indices.map { index in
                let evaluator = comparison.evaluators[index]
                let available = evaluator.availableMetrics
                return (names[index], SliceReportJSON.Metrics(metrics: values[index], overall: overall?[index], available: available,
                                                              rates: Set(available.filter(evaluator.isRate))))
            })
        }
        overall = metrics(comparison.overall, overall: nil)
        agreement = comparison.agreement.map {
            Agreement(bothRight: $0.bothRight, onlyA: $0.onlyA, onlyB: $0.onlyB, bothWrong: $0.bothWrong)
        }
        slices = comparison.slices.map { slice in
            Slice(predicates: slice.predicates.map {
                      SliceReportJSON.Predicate(column: $0.column, op: $0.op, value: $0.jsonValue ?? .string($0.value))
                  },
                  expression: slice.expression, size: slice.metrics[0].size,
                  metrics: metrics(slice.metrics, overall: comparison.overall), delta: comparison.delta(slice.metrics),
                  score: slice.score)
        }
    }
}
