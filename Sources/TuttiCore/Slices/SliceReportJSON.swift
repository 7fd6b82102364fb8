import Foundation

/// A slice report as JSON (`tutti slices --format json`): `{"file", "rows", "filtered", "where",
/// "mode", "metric", "positive", "binning", "search", "excluded": [{"column", "reason"}],
/// "overall": {metrics}, "slices": [{"predicates", "expression", "size", "metrics", "score"}]}`.
/// Keys without a value are written as `null`.
public struct SliceReportJSON: JSONDocument, Codable, Equatable, Sendable {
    /// The SliceLine search's parameters and counts.
    public struct Search: Codable, Equatable, Sendable {
        public let alpha: Double, minSize: Int, maxLevel: Int, k: Int
        public let rows: Int, meanError: Double, columns: [String], evaluated: Int

        enum CodingKeys: String, CodingKey {
            case alpha, minSize = "min_size", maxLevel = "max_level", k, rows, meanError = "mean_error", columns, evaluated
        }
    }

    /// A column a search left out, and why.
    public struct Excluded: Codable, Equatable, Sendable {
        public let column: String, reason: String
    }

    /// One condition of a slice.
    public struct Predicate: Codable, Equatable, Sendable {
        /// `value` is JSON data (`"Male"`, `40`, `null`); the slice's `expression` has it as text.
        public let column: String, op: String, value: PredicateValue
    }

    /// One slice: its conditions, as an expression too, its size, metrics and SliceLine score.
    public struct Slice: Codable, Equatable, Sendable {
        public let predicates: [Predicate], expression: String, size: Int, metrics: Metrics
        @JSONNull public private(set) var score: Double?
    }

    /// `{"size", "share", "<metric>", "<metric>_low", "<metric>_high", "<metric>_gap", …,
    /// "per_class"}`: every metric the roles allow (null where a slice has no row to measure it),
    /// intervals for rates, gaps for slices, and per-class metrics when asked for.
    public struct Metrics: Codable, Equatable, Sendable {
        public let size: Int
        public let share: Double
        /// The metrics, intervals and gaps by key.
        public let values: [String: Double?]
        /// The per-class metrics (only when asked for).
        public let perClass: PerClass?

        /// The metrics of `metrics` the roles allow (`available`), with intervals for `rates`,
        /// gaps to `overall` when given, and `perClass` when given.
        public init(metrics: SliceMetrics, overall: SliceMetrics?, available: [SliceMetric], rates: Set<SliceMetric>,
                    perClass: PerClassMetrics? = nil) {
            size = metrics.size
            share = metrics.share
            self.perClass = perClass.map(PerClass.init)
            var values: [String: Double?] = [:]
            for metric in available {
                let name = metric.rawValue
                values[name] = metrics.value(metric)
                if rates.contains(metric) {
                    let interval = metrics.interval(metric)
                    values[name + "_low"] = interval?.lower
                    values[name + "_high"] = interval?.upper
                }
                if let overall { values[name + "_gap"] = metrics.gap(metric, to: overall) }
            }
            self.values = values
        }

        struct Key: CodingKey {
            let stringValue: String
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            size = try container.decode(Int.self, forKey: Key("size"))
            share = try container.decode(Double.self, forKey: Key("share"))
            var values: [String: Double?] = [:]
            perClass = try container.decodeIfPresent(PerClass.self, forKey: Key("per_class"))
            for key in container.allKeys where !["size", "share", "per_class"].contains(key.stringValue) {
                values[key.stringValue] = .some(try container.decodeIfPresent(Double.self, forKey: key))
            }
            self.values = values
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(size, forKey: Key("size"))
            try container.encode(share, forKey: Key("share"))
            for (name, value) in values { try container.encode(value, forKey: Key(name)) }
            if let perClass { try container.encode(perClass, forKey: Key("per_class")) }
        }
    }

    public let file: String, rows: Int, filtered: Int
    @JSONNull public private(set) var `where`: String?
    public let mode: String, metric: String
    @JSONNull public private(set) var positive: String?
    public let binning: String
    @JSONNull public private(set) var search: Search?
    /// For slices found on a sample of a database's rows: the sample's size and the rows it
    /// was drawn from (the slices' metrics are still over every row); absent otherwise.
    public var sample: Sample?
    public let excluded: [Excluded], overall: Metrics, slices: [Slice]

    /// `{"rows", "of"}`: a sample of `rows` rows of a table of `of` rows.
    public struct Sample: Codable, Equatable, Sendable {
        public let rows: Int, of: Int

        /// A sample of `rows` rows of `of`.
        public init(rows: Int, of: Int) {
            self.rows = rows
            self.of = of
        }
    }

    enum CodingKeys: String, CodingKey {
        case file, rows, filtered, `where`, mode, metric, positive, binning, search, sample, excluded, overall, slices
    }

    /// The JSON of `report`, measured by `evaluator` on `objective` with numbers cut by `binning`:
    /// the data's `name` and `rowCount`, the `filter` expression and the `--top` a search was
    /// asked for (`shown`); with `perClass`, the overall metrics and each slice's hold per-class
    /// metrics (of a classification).
    public init(report: SliceReport, evaluator: SliceEvaluator, objective: SliceObjective, binning: SliceBinning,
                name: String, rowCount: Int, filter: String?, shown: Int, perClass: Bool = false) {
        let available = evaluator.availableMetrics
        let rates = Set(available.filter(evaluator.isRate))
        file = name
        rows = rowCount
        filtered = report.overall.size
        self.where = filter
        mode = report.search == nil ? "groups" : "discover"
        metric = objective.rawValue
        positive = evaluator.classes.flatMap { classes in classes.positive.map { classes.classes[$0] } }
        self.binning = binning.description
        search = report.search.map { result in
            Search(alpha: result.options.alpha, minSize: result.minimumSupport, maxLevel: result.options.maxLevel, k: shown,
                   rows: result.rowCount, meanError: result.averageError, columns: result.features.map(\.column),
                   evaluated: result.evaluated)
        }
        excluded = report.excludedColumns.map { Excluded(column: $0.name, reason: $0.because) }
        let classes = perClass ? evaluator.classes : nil
        let perClassOf = { (metrics: SliceMetrics) in classes.flatMap { PerClassMetrics(metrics: metrics, classes: $0) } }
        overall = Metrics(metrics: report.overall, overall: nil, available: available, rates: rates,
                          perClass: perClassOf(report.overall))
        slices = report.entries.map { entry in
            Slice(predicates: entry.predicates.map { Predicate(column: $0.column, op: $0.op, value: $0.jsonValue ?? .string($0.value)) },
                  expression: entry.expression, size: entry.metrics.size,
                  metrics: Metrics(metrics: entry.metrics, overall: report.overall, available: available, rates: rates,
                                   perClass: perClassOf(entry.metrics)),
                  score: entry.score)
        }
    }
}
