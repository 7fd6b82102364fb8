import TuttiCore

/// What the comparison pane measures synchronously: the two models' evaluators (built once for
/// the data and the models), their metrics and agreement over the filtered rows, and the rows of
/// each agreement cell.
struct ComparisonModels: Sendable {
    /// The agreement cells, in reading order: A right (B right, B wrong), then A wrong.
    enum Cell: Int, CaseIterable {
        case bothRight, onlyA, onlyB, bothWrong

        var aRight: Bool { self == .bothRight || self == .onlyA }
        var bRight: Bool { self == .bothRight || self == .onlyB }
    }

    let models: [ModelColumns]
    let evaluators: [SliceEvaluator]
    /// The metrics and agreement over the filtered rows.
    let comparison: ModelComparison

    /// The models' evaluators on `state`'s data, and their comparison over its filtered rows.
    init(models: [ModelColumns], state: ExplorerState) throws {
        let evaluators = try ModelComparison.evaluators(dataset: state.dataset, roles: state.roles, models: models)
        try self.init(models: models, evaluators: evaluators, filter: state.filter.rows)
    }

    /// The comparison of the same evaluators over the rows of `filter`.
    init(models: [ModelColumns], evaluators: [SliceEvaluator], filter: RowSet) throws {
        self.models = models
        self.evaluators = evaluators
        comparison = try ModelComparison(models: models, evaluators: evaluators, filter: filter)
    }

    /// The count of `cell` over the filtered rows (nil for a regression).
    func count(_ cell: Cell) -> Int? {
        guard let agreement = comparison.agreement else { return nil }
        switch cell {
        case .bothRight: return agreement.bothRight
        case .onlyA: return agreement.onlyA
        case .onlyB: return agreement.onlyB
        case .bothWrong: return agreement.bothWrong
        }
    }

    /// The rows of `cell` among all rows: a label and both predictions, each model right or
    /// wrong as the cell says.
    func rows(_ cell: Cell) -> RowSet? {
        guard let classifiedA = evaluators[0].classifiedRows, let classifiedB = evaluators[1].classifiedRows,
              let correctA = evaluators[0].correctRows, let correctB = evaluators[1].correctRows else { return nil }
        let both = classifiedA.intersection(classifiedB)
        let a = cell.aRight ? both.intersection(correctA) : both.subtracting(correctA)
        return cell.bRight ? a.intersection(correctB) : a.subtracting(correctB)
    }

    /// The conditions of `cell`: the label equal to A's prediction or not, and to B's.
    func predicates(_ cell: Cell, label: String) -> [SlicePredicate] {
        zip(models, [cell.aRight, cell.bRight]).compactMap { model, right in
            model.prediction.map { SlicePredicate(column: label, op: right ? "==" : "!=", value: SelectionExpression.quotedColumn($0)) }
        }
    }

    /// A model as a view file saves it: `name=prediction[:score]`.
    static func saved(_ model: ModelColumns) -> String {
        model.name + "=" + (model.prediction ?? "") + (model.score.map { ":" + $0 } ?? "")
    }
}

/// The slices the comparison pane finds in the background: per group of the group columns, A's
/// error minus B's (when the rows are grouped), and SliceLine's slices where A is wrong and B
/// right; each sorted by how much A loses to B, most first.
struct ComparisonSlices: Sendable {
    /// One list of slices under a heading.
    struct Section: Sendable {
        let heading: String
        let slices: [ModelComparison.Slice]
    }

    let sections: [Section]
    /// What the delta measures (error, or mean absolute error).
    let metric: SliceMetric

    /// Finds the slices of `models` (measured by `evaluators`) on the filtered rows of `state`.
    static func compute(models: [ModelColumns], evaluators: [SliceEvaluator], state: ExplorerState,
                        work: WorkContext) throws -> ComparisonSlices {
        let filter = state.filter.rows, dataset = state.dataset
        var sections: [Section] = []
        let base = try ModelComparison(models: models, evaluators: evaluators, filter: filter)
        let names = models.map(\.name)
        if !state.groupColumns.isEmpty {
            var grouped = base
            try grouped.group(dataset: dataset, columns: Array(state.groupColumns.prefix(SliceGroups.maxColumns)),
                              binning: .equalWidth(10), filter: filter)
            sections.append(Section(heading: "by \(state.groupColumns.joined(separator: ", ")): where \(names[0]) loses most to \(names[1])",
                                    slices: grouped.slices))
        }
        var discovered = base
        do {
            try discovered.discover(dataset: dataset, roles: state.roles, filter: filter, work: work)
            let sorted = discovered.slices.sorted { (base.delta($0.metrics) ?? -.infinity) > (base.delta($1.metrics) ?? -.infinity) }
            sections.append(Section(heading: "SliceLine on \(names[0]) wrong, \(names[1]) right: where \(names[1]) is better",
                                    slices: sorted))
        } catch let error as TuttiError where !work.isCancelled {
            sections.append(Section(heading: "SliceLine: \(error.message)", slices: []))
        }
        return ComparisonSlices(sections: sections, metric: base.metric)
    }
}
