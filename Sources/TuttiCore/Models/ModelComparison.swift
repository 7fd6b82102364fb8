/// Two models on the same rows: their metrics, where they agree, and the slices where one does
/// better than the other.
public struct ModelComparison: Sendable {
    /// How often the two models are right together (classifications, over the rows where the
    /// label and both predictions are present).
    public struct Agreement: Sendable, Equatable {
        public let bothRight: Int
        public let onlyA: Int
        public let onlyB: Int
        public let bothWrong: Int

        /// Counts from the rows of `rows` that both models classified, right or wrong, in one
        /// pass over the words of the row sets.
        init(rows: RowSet, classifiedA: RowSet, classifiedB: RowSet, correctA: RowSet, correctB: RowSet) {
            var bothRight = 0, onlyA = 0, onlyB = 0, bothWrong = 0
            for word in rows.words.indices {
                let measured = rows.words[word] & classifiedA.words[word] & classifiedB.words[word]
                guard measured != 0 else { continue }
                let a = correctA.words[word], b = correctB.words[word]
                bothRight &+= (measured & a & b).nonzeroBitCount
                onlyA &+= (measured & a & ~b).nonzeroBitCount
                onlyB &+= (measured & ~a & b).nonzeroBitCount
                bothWrong &+= (measured & ~a & ~b).nonzeroBitCount
            }
            self.bothRight = bothRight
            self.onlyA = onlyA
            self.onlyB = onlyB
            self.bothWrong = bothWrong
        }
    }

    /// A slice with each model's metrics.
    public struct Slice: Sendable {
        /// The conditions selecting it.
        public let predicates: [SlicePredicate]
        /// Model A's metrics, then model B's.
        public let metrics: [SliceMetrics]
        /// The SliceLine score, for slices found by a search.
        public let score: Double?

        /// The slice as a filter expression.
        public var expression: String { SliceReport.expression(predicates) }
    }

    /// The two models.
    public let models: [ModelColumns]
    /// One evaluator per model (the label, the model's prediction and score, the loss).
    public let evaluators: [SliceEvaluator]
    /// What the delta measures: the error rate of classifications, the mean absolute error of a regression.
    public let metric: SliceMetric
    /// Each model's metrics over the filtered rows.
    public let overall: [SliceMetrics]
    /// For classifications: how often the models are right together.
    public let agreement: Agreement?
    /// The slices, where A loses most to B first.
    public private(set) var slices: [Slice] = []
    /// For slices found by a search: its result.
    public private(set) var search: SliceLineResult?

    /// Evaluates `models` (two) on the rows of `filter`. `positiveClass` as in `SliceEvaluator`.
    public init(dataset: Dataset, roles: ColumnRoles, models: [ModelColumns], filter: RowSet,
                positiveClass: String? = nil) throws {
        precondition(models.count == 2, "two models")
        let evaluators = try Self.evaluators(dataset: dataset, roles: roles, models: models, positiveClass: positiveClass)
        try self.init(models: models, evaluators: evaluators, filter: filter)
    }

    /// One evaluator per model of `models`: the label and loss of `roles`, the model's prediction
    /// and score. Built once, they measure the models on any rows (`init(models:evaluators:filter:)`).
    public static func evaluators(dataset: Dataset, roles: ColumnRoles, models: [ModelColumns],
                                  positiveClass: String? = nil) throws -> [SliceEvaluator] {
        guard roles[.label] != nil else { throw TuttiError("comparing models needs a label column (set one with --label)") }
        return try models.map { model in
            var own = roles
            if let prediction = model.prediction { try own.assign(.prediction, to: prediction, in: dataset) }
            if let score = model.score { try own.assign(.score, to: score, in: dataset) } else { own.clear(.score) }
            return try SliceEvaluator(dataset: dataset, roles: own, positiveClass: positiveClass)
        }
    }

    /// Compares `models` (two) measured by `evaluators` (one each, built once for the columns)
    /// on the rows of `filter`: their metrics and agreement, in one pass over the row-set words
    /// for the agreement.
    public init(models: [ModelColumns], evaluators: [SliceEvaluator], filter: RowSet) throws {
        precondition(models.count == 2 && evaluators.count == 2, "two models")
        guard let metric = Self.metric(evaluators[0]), Self.metric(evaluators[1]) == metric else {
            throw TuttiError("the two models must both classify or both predict a number (model \(models[0].name): "
                             + "'\(models[0].prediction ?? "")', model \(models[1].name): '\(models[1].prediction ?? "")')")
        }
        self.models = models
        self.evaluators = evaluators
        self.metric = metric
        let filtered = filter.count
        overall = evaluators.map { $0.metrics(of: filter, filteredCount: filtered) }
        if let ca = evaluators[0].classifiedRows, let cb = evaluators[1].classifiedRows,
           let ra = evaluators[0].correctRows, let rb = evaluators[1].correctRows {
            agreement = Agreement(rows: filter, classifiedA: ca, classifiedB: cb, correctA: ra, correctB: rb)
        } else {
            agreement = nil
        }
    }

    private static func metric(_ evaluator: SliceEvaluator) -> SliceMetric? {
        if evaluator.classes != nil { return .error }
        return evaluator.regression != nil ? .mae : nil
    }

    /// How much A loses to B on `metrics` (A's, B's): A's error minus B's (positive where B does better).
    public func delta(_ metrics: [SliceMetrics]) -> Double? { Self.delta(metrics, metric) }

    private static func delta(_ metrics: [SliceMetrics], _ metric: SliceMetric) -> Double? {
        guard let a = metrics[0].value(metric), let b = metrics[1].value(metric) else { return nil }
        return a - b
    }

    /// Slices of the filtered rows grouped by `columns` (1 to 3), where A loses most to B first.
    public mutating func group(dataset: Dataset, columns: [String], binning: SliceBinning, filter: RowSet) throws {
        let groups = try SliceGroups(dataset: dataset, columns: columns, binning: binning, filter: filter)
        let filtered = filter.count
        let perModel = evaluators.map {
            $0.metrics(groups: groups.groupOfRow, count: groups.slices.count, filteredCount: filtered)
        }
        slices = groups.slices.indices.map { index in
            Slice(predicates: groups.slices[index], metrics: perModel.map { $0[index] }, score: nil)
        }
        search = nil
        sortByDelta()
    }

    /// Slices found by SliceLine where A is wrong and B right (classifications) or where A's
    /// absolute error exceeds B's (regressions, by how much), among the rows both measure.
    /// `columns` are searched, by default every number, boolean and category without a role
    /// that is no model's column and copies neither the label nor a prediction.
    public mutating func discover(dataset: Dataset, roles: ColumnRoles, columns: [String]? = nil,
                                  binning: SliceBinning = .equalWidth(10), options: SliceLineOptions = SliceLineOptions(),
                                  filter: RowSet, work: WorkContext = WorkContext()) throws {
        let modelColumns = Set(models.flatMap { [$0.prediction, $0.score].compactMap { $0 } }
                               + roles.models.flatMap { [$0.prediction, $0.score].compactMap { $0 } })
        let names = columns ?? SliceSearchColumns(dataset: dataset, roles: roles, rows: filter).searched
            .filter { !modelColumns.contains($0) }
        guard !names.isEmpty else { throw TuttiError("there is no column to search for slices; compare groups with --by COL") }
        let features = try names.map { try SliceFeature(dataset: dataset, column: $0, binning: binning, rows: filter) }
        let (rows, errors) = try searchErrors(filter: filter)
        var searched = options
        searched.count = options.count * SliceOrdering.candidates
        let result = try SliceLine.run(features: features, rows: rows, errors: errors, options: searched, work: work)
        let found = result.slices.map { (slice: $0, rows: result.rows(of: $0, within: filter)) }
        let kept = SliceOrdering.diverse(found.map(\.rows), limit: options.count)
        let filtered = filter.count
        slices = kept.map { index in
            Slice(predicates: found[index].slice.predicates,
                  metrics: evaluators.map { $0.metrics(of: found[index].rows, filteredCount: filtered) },
                  score: found[index].slice.score)
        }
        search = result
    }

    /// The rows both models measure and the error SliceLine looks for on them.
    private func searchErrors(filter: RowSet) throws -> (RowSet, SliceErrors) {
        if let ca = evaluators[0].classifiedRows, let cb = evaluators[1].classifiedRows,
           let ra = evaluators[0].correctRows, let rb = evaluators[1].correctRows {
            return (filter.intersection(ca).intersection(cb), .binary(rb.subtracting(ra)))
        }
        let (rowsA, errorsA) = try evaluators[0].errors(for: .absoluteError, within: filter)
        let (rowsB, errorsB) = try evaluators[1].errors(for: .absoluteError, within: filter)
        guard case .values(let a) = errorsA, case .values(let b) = errorsB else { return (rowsA, errorsA) }
        return (rowsA.intersection(rowsB), .values(zip(a, b).map { max($0 - $1, 0) }))
    }

    /// Keeps the slices that pass `test`.
    public mutating func keepSlices(where test: (Slice) -> Bool) {
        slices = slices.filter(test)
    }

    /// Keeps the first `count` slices.
    public mutating func keepSlices(first count: Int) {
        slices = Array(slices.prefix(count))
    }

    /// Sorts the slices by delta, largest first (slices without one last), then by size.
    private mutating func sortByDelta() {
        let metric = metric
        slices.sort { x, y in
            switch (Self.delta(x.metrics, metric), Self.delta(y.metrics, metric)) {
            case let (a?, b?) where a != b: return a > b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return x.metrics[0].size > y.metrics[0].size
            }
        }
    }
}
