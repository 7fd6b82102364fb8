/// Slices with their metrics, ready to show: the metrics of the filtered rows, and one entry per
/// slice (manual groups or slices found by SliceLine) with its metrics over the filtered rows.
public struct SliceReport: Sendable {
    /// One slice.
    public struct Entry: Sendable, Equatable {
        /// The conditions selecting the slice.
        public let predicates: [SlicePredicate]
        /// The slice's metrics over the filtered rows.
        public let metrics: SliceMetrics
        /// The SliceLine score, for slices found by a search.
        public let score: Double?

        /// The slice as a filter expression: `sex == "Female" and age >= 20 and age < 30`.
        public var expression: String { SliceReport.expression(predicates) }
    }

    /// The metrics of all filtered rows, which gaps are measured against.
    public let overall: SliceMetrics
    /// The slices, in the order of the grouping's values or the search's ranking until sorted.
    public var entries: [Entry]
    /// For slices found by a search: its result (parameters, counts, bins).
    public let search: SliceLineResult?
    /// For a search over the default columns: the columns it left out and why (empty when the
    /// columns were named, and for groups).
    public private(set) var excludedColumns: [ExcludedColumn]
    /// For a diverse search: the slices skipped because most of their rows are in a better slice.
    public private(set) var skippedSimilar = 0

    /// Manual slices: the filtered rows grouped by `columns` (1 to 3), every non-empty
    /// combination of values one entry, in value order.
    public static func grouped(dataset: Dataset, evaluator: SliceEvaluator, columns: [String], binning: SliceBinning,
                               filter: RowSet, selection: RowSet? = nil) throws -> SliceReport {
        let groups = try SliceGroups(dataset: dataset, columns: columns, binning: binning, filter: filter)
        let filtered = filter.count
        let metrics = evaluator.metrics(groups: groups.groupOfRow, count: groups.slices.count, filteredCount: filtered,
                                        selection: selection)
        return SliceReport(overall: evaluator.metrics(of: filter, filteredCount: filtered, selection: selection),
                           entries: zip(groups.slices, metrics).map { Entry(predicates: $0, metrics: $1, score: nil) },
                           search: nil, excludedColumns: [])
    }

    /// Slices found by SliceLine among the filtered rows, best first, with numbers cut by
    /// `binning` (over the filtered rows for quantiles) and errors per `objective`. `columns`
    /// are the columns searched (by default those of `SliceSearchColumns`: every number,
    /// boolean and category without a role that copies neither the label nor the prediction).
    public static func discovered(dataset: Dataset, roles: ColumnRoles, evaluator: SliceEvaluator, objective: SliceObjective,
                                  columns: [String]? = nil, binning: SliceBinning = .equalWidth(10),
                                  options: SliceLineOptions = SliceLineOptions(), ordering: SliceOrdering = .diverse,
                                  filter: RowSet, selection: RowSet? = nil, work: WorkContext = WorkContext(),
                                  progress: (@Sendable (SliceLineProgress) -> Void)? = nil) throws -> SliceReport {
        var names = columns ?? [], excluded: [ExcludedColumn] = []
        if columns == nil {
            let defaults = SliceSearchColumns(dataset: dataset, roles: roles, rows: filter)
            names = defaults.searched
            excluded = defaults.excluded
        }
        let features = try names.map { try SliceFeature(dataset: dataset, column: $0, binning: binning, rows: filter) }
        var report = try discovered(features: features, evaluator: evaluator, objective: objective, options: options,
                                    ordering: ordering, filter: filter, selection: selection, work: work,
                                    progress: progress)
        report.excludedColumns = excluded
        return report
    }

    /// Slices found by SliceLine among the rows of `filter`, over columns already cut into
    /// `features` (cut once, they can be searched within many groups of rows). With the diverse
    /// ordering, SliceLine is asked for `SliceOrdering.candidates` times `options.count` slices, of
    /// which the best `options.count` that are not mostly a better slice's rows are kept.
    public static func discovered(features: [SliceFeature], evaluator: SliceEvaluator, objective: SliceObjective,
                                  options: SliceLineOptions = SliceLineOptions(), ordering: SliceOrdering = .diverse,
                                  filter: RowSet, selection: RowSet? = nil, work: WorkContext = WorkContext(),
                                  progress: (@Sendable (SliceLineProgress) -> Void)? = nil) throws -> SliceReport {
        guard !features.isEmpty else { throw TuttiError("there is no column to search for slices") }
        let (rows, errors) = try evaluator.errors(for: objective, within: filter)
        var searched = options
        if ordering == .diverse { searched.count = options.count * SliceOrdering.candidates }
        let result = try SliceLine.run(features: features, rows: rows, errors: errors, options: searched,
                                       work: work, progress: progress)
        let found = result.slices.map { (slice: $0, rows: result.rows(of: $0, within: filter)) }
        let kept = ordering == .diverse ? SliceOrdering.diverse(found.map(\.rows), limit: options.count)
                                        : Array(found.indices)
        let filtered = filter.count
        let entries = kept.map { index in
            Entry(predicates: found[index].slice.predicates,
                  metrics: evaluator.metrics(of: found[index].rows, filteredCount: filtered, selection: selection),
                  score: found[index].slice.score)
        }
        var report = SliceReport(overall: evaluator.metrics(of: filter, filteredCount: filtered, selection: selection),
                                 entries: entries, search: result, excludedColumns: [])
        // Slices past the last one kept were never considered.
        report.skippedSimilar = ordering == .diverse ? (kept.last.map { $0 + 1 } ?? 0) - kept.count : 0
        return report
    }

    /// Sorts the entries by `metric` (slices without a value last), then by size (larger
    /// first), then by expression.
    public mutating func sort(by metric: SliceMetric, descending: Bool = true) {
        entries.sort { Self.precedes($0, $1, by: metric, descending: descending) }
    }

    /// Whether `a` comes before `b` in the order of `sort(by:descending:)`.
    public static func precedes(_ a: Entry, _ b: Entry, by metric: SliceMetric, descending: Bool) -> Bool {
        switch (a.metrics.value(metric), b.metrics.value(metric)) {
        case let (x?, y?) where x != y: return descending ? x > y : x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if a.metrics.size != b.metrics.size { return a.metrics.size > b.metrics.size }
            return a.expression < b.expression
        }
    }

    /// Predicates as a filter expression (the conjunction).
    public static func expression(_ predicates: [SlicePredicate]) -> String {
        predicates.map { "\(SelectionExpression.quotedColumn($0.column)) \($0.op) \($0.value)" }.joined(separator: " and ")
    }

    /// The rows of `filter` (the filter the report was made with) that `predicates` select,
    /// through their filter expression.
    public static func rows(matching predicates: [SlicePredicate], dataset: Dataset, filter: RowSet) throws -> RowSet {
        try FilterExpression(expression(predicates), dataset: dataset).evaluate(dataset).intersection(filter)
    }
}

extension SliceReport {
    /// A report whose metrics were measured elsewhere (by a SQL engine): `overall`, and each
    /// slice's predicates, metrics and SliceLine score; `search`, `skippedSimilar` and
    /// `excludedColumns` as the search that found the slices (on a sample) reported them.
    public static func measured(overall: SliceMetrics, slices: [(predicates: [SlicePredicate], metrics: SliceMetrics, score: Double?)],
                                search: SliceLineResult? = nil, skippedSimilar: Int = 0,
                                excludedColumns: [ExcludedColumn] = []) -> SliceReport {
        var report = SliceReport(overall: overall,
                                 entries: slices.map { Entry(predicates: $0.predicates, metrics: $0.metrics, score: $0.score) },
                                 search: search, excludedColumns: excludedColumns)
        report.skippedSimilar = skippedSimilar
        return report
    }
}
