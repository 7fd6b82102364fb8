import TuttiCore

/// The slices pane's figures of the whole table in a SQL engine, when the explorer shows a sample
/// of one: the slices are found on the sample, then the engine measures each slice listed (and
/// each group of a split) over all the table's rows passing the filter — one `GROUP BY` with a
/// `CASE` per slice — and, when the selection is an expression, over the rows passing filter and
/// selection too (the selected counts). Each is asked in the background once and kept by slices,
/// roles and expression, so a redraw, a new sort or a return to an earlier filter asks nothing.
/// Until they arrive, or when the engine cannot measure them (a filter of picked rows, a moved
/// score threshold, a column only the sample has, an error, a stop), the pane shows the sample's.
struct SliceEngineFigures {
    /// The engine's measure of a list of slices under one expression.
    private struct Measure: Sendable {
        let overall: SliceMetrics
        /// By the slice's expression.
        let slices: [String: SliceMetrics]
    }

    /// What the pane shows: the sections with the table's metrics, and the selected rows of the
    /// table per slice expression ("" for all filtered rows); nil where the engine cannot count
    /// the selection (rows picked by hand) or has not yet.
    struct Figures {
        private(set) var sections: SliceSections
        let selected: [String: Int]?

        /// Sorts the slices as `options` say.
        mutating func sort(by options: SliceSectionOptions) {
            sections.sort(by: options.sortMetric, descending: options.descending)
        }
    }

    /// Measures by key (`key`).
    private var answers: [String: Measure] = [:]
    /// The work asking for them, by key.
    private var asking: [(key: String, handle: JobHandle)] = []
    /// Keys the engine did not answer (a failure or a stop): not asked again.
    private var unanswered: [String: String] = [:]

    /// Whether the engine is measuring slices the pane waits for.
    var isAsking: Bool { !asking.isEmpty }

    /// The positive class of `model`'s binary task (so the engine measures the task the sample's
    /// metrics are of), or nil.
    private static func positiveClass(_ model: SliceSections) -> String? {
        model.evaluator.classes.flatMap { classes in classes.positive.map { classes.classes[$0] } }
    }

    private static func key(_ model: SliceSections, _ state: ExplorerState, _ expression: String) -> String {
        let roles = ColumnRole.allCases.map { state.roles[$0] ?? "" }.joined(separator: "\u{1}")
        let slices = model.measuredPredicates.map(SliceReport.expression).sorted().joined(separator: "\u{1}")
        return [expression, roles, positiveClass(model) ?? "", slices].joined(separator: "\u{2}")
    }

    /// Why the engine cannot measure `model` for `state`, or nil when it can.
    static func obstacle(_ engine: EngineFigures, state: ExplorerState, model: SliceSections) -> String? {
        if engine.sliceFigures == nil { return "the engine does not measure slices" }
        if engine.filter == nil { return "a filter of picked rows" }
        if state.threshold != nil { return "a moved threshold" }
        if model.nothingToSearch, model.groupColumns.isEmpty { return "no slices" }
        return nil
    }

    /// The expressions the figures need: the filter's, and the selection's when it is one.
    private static func expressions(_ engine: EngineFigures, _ state: ExplorerState) -> [String] {
        guard let filter = engine.filter else { return [] }
        guard state.selection != nil, let selected = engine.selectionFilter else { return [filter] }
        return [filter, selected]
    }

    /// Asks the engine for the measures `model` lacks under the state's expressions; returns
    /// the work to start.
    mutating func prepare(_ model: SliceSections, context: PaneContext) -> [PaneCommand] {
        guard let engine = context.engine, Self.obstacle(engine, state: context.state, model: model) == nil,
              let measure = engine.sliceFigures else { return [] }
        let predicates = model.measuredPredicates, roles = context.state.roles, positive = Self.positiveClass(model)
        var commands: [PaneCommand] = []
        for expression in Self.expressions(engine, context.state) {
            let key = Self.key(model, context.state, expression)
            guard answers[key] == nil, unanswered[key] == nil, !asking.contains(where: { $0.key == key }) else { continue }
            let request = JobRequest(label: "exact slices") { handle in
                let measured = try measure(predicates, expression, roles, positive, WorkContext(cancellation: handle.cancellation))
                let names = predicates.map(SliceReport.expression)
                return Measure(overall: measured.overall,
                               slices: Dictionary(zip(names, measured.slices), uniquingKeysWith: { first, _ in first }))
            }
            asking.append((key, request.handle))
            commands.append(.start(request))
        }
        return commands
    }

    /// Takes the measure of ended work: whether `handle` is this work's, and the failure the
    /// status line should tell, if it failed.
    mutating func receive(_ handle: JobHandle) -> (taken: Bool, failure: String?) {
        guard let index = asking.firstIndex(where: { $0.handle === handle }) else { return (false, nil) }
        let key = asking.remove(at: index).key
        if let measure = handle.value(as: Measure.self) {
            answers[key] = measure
            return (true, nil)
        }
        guard case .failed(let message) = handle.phase else {
            unanswered[key] = "stopped"
            return (true, nil)
        }
        unanswered[key] = "the engine failed"
        return (true, "the engine could not measure the slices (they show the sample's figures): \(message)")
    }

    /// The figures of the whole table for `model`, or nil until the engine has measured them.
    func figures(_ model: SliceSections, context: PaneContext) -> Figures? {
        guard let engine = context.engine, Self.obstacle(engine, state: context.state, model: model) == nil else { return nil }
        let expressions = Self.expressions(engine, context.state)
        guard let filter = expressions.first, let whole = answers[Self.key(model, context.state, filter)],
              let sections = model.measured(overall: whole.overall, metrics: whole.slices) else { return nil }
        var selected: [String: Int]?
        if context.state.selection == nil {
            selected = [:]
        } else if expressions.count > 1, let both = answers[Self.key(model, context.state, expressions[1])] {
            selected = both.slices.mapValues(\.size)
            selected?[""] = both.overall.size
        }
        return Figures(sections: sections, selected: selected)
    }

    /// Why the figures are the sample's for `model`, when the engine will not give them: a
    /// reason it cannot, or why it did not ("stopped"); nil while they are or may be coming.
    func reason(_ model: SliceSections, context: PaneContext) -> String? {
        guard let engine = context.engine else { return nil }
        if let obstacle = Self.obstacle(engine, state: context.state, model: model) { return obstacle }
        guard let filter = Self.expressions(engine, context.state).first else { return nil }
        return unanswered[Self.key(model, context.state, filter)]
    }
}
