import TuttiCore

/// The confusion pane's matrices of the whole table in a SQL engine, when the explorer shows a
/// sample of one: the label bins × prediction bins counted by one `GROUP BY` over the rows
/// passing the filter, and one over those passing filter and selection, each asked in the
/// background once and kept by bins and expression. Split by group, each group's matrix is
/// counted so under its scope (the group's conditions, `SliceReport.expression`, joined to the
/// filter): the groups are the sample's, their figures the table's. Until they arrive, or when
/// the engine cannot count them (a selection of picked rows, a moved threshold, an error, a
/// stop), the pane shows the sample's.
struct ConfusionEngineFigures {
    /// Tables by bins and expression.
    private var answers: [String: FalconTable] = [:]
    /// The work asking for them, by key.
    private var asking: [(key: String, handle: JobHandle)] = []
    /// Keys the engine did not answer: not asked again.
    private var unanswered: Set<String> = []

    /// Whether the engine is counting cells the pane waits for.
    var isAsking: Bool { !asking.isEmpty }

    private static func key(_ labels: ColumnBinning, _ predictions: ColumnBinning, _ expression: String) -> String {
        "\(EngineBinKey(labels))|\(EngineBinKey(predictions))|\(expression)"
    }

    /// The expressions whose cells a matrix needs: the filter's, and the selection's when
    /// something is selected, each within `scope` (a group's conditions) when there is one; nil
    /// when the engine cannot count them: a filter or selection of picked rows, or a moved score
    /// threshold (the predictions it makes are the sample's alone).
    private static func expressions(_ engine: EngineFigures, _ state: ExplorerState, scope: String?) -> [String]? {
        guard engine.brushTables != nil, let filter = engine.filter, state.threshold == nil else { return nil }
        let within = { (expression: String) in
            guard let scope else { return expression }
            return expression.isEmpty ? scope : "(\(expression)) and (\(scope))"
        }
        guard state.selection != nil else { return [within(filter)] }
        return engine.selectionFilter.map { [within(filter), within($0)] }
    }

    /// Asks the engine for the cells it lacks of the matrix of each of `scopes` (nil: all the
    /// filtered rows); returns the work to start.
    mutating func prepare(_ engine: EngineFigures?, state: ExplorerState, labels: ColumnBinning,
                          predictions: ColumnBinning, scopes: [String?]) -> [PaneCommand] {
        guard let engine, let tables = engine.brushTables else { return [] }
        var commands: [PaneCommand] = []
        for scope in scopes {
            guard let expressions = Self.expressions(engine, state, scope: scope) else { return [] }
            commands += prepare(tables, expressions: expressions, labels: labels, predictions: predictions)
        }
        return commands
    }

    private mutating func prepare(_ tables: @escaping EngineRows.BrushTables, expressions: [String], labels: ColumnBinning,
                                  predictions: ColumnBinning) -> [PaneCommand] {
        var commands: [PaneCommand] = []
        for expression in expressions {
            let key = Self.key(labels, predictions, expression)
            guard answers[key] == nil, !unanswered.contains(key), !asking.contains(where: { $0.key == key }) else { continue }
            let request = JobRequest(label: "exact confusion") { handle in
                try tables(labels, [predictions], expression, WorkContext(cancellation: handle.cancellation))
            }
            asking.append((key, request.handle))
            commands.append(.start(request))
        }
        return commands
    }

    /// Takes the cells of ended work; false when `handle` is not this work's.
    mutating func receive(_ handle: JobHandle) -> Bool {
        guard let index = asking.firstIndex(where: { $0.handle === handle }) else { return false }
        let key = asking.remove(at: index).key
        if let table = handle.value(as: [FalconTable].self)?.first { answers[key] = table } else { unanswered.insert(key) }
        return true
    }

    /// The matrix of the whole table's rows within `scope` (nil: all the filtered rows) for
    /// `state`, or nil until the engine has counted it.
    func counts(_ engine: EngineFigures?, state: ExplorerState, labels: ColumnBinning,
                predictions: ColumnBinning, scope: String? = nil) -> ConfusionCounts? {
        guard let engine, let expressions = Self.expressions(engine, state, scope: scope),
              let filtered = answers[Self.key(labels, predictions, expressions[0])] else { return nil }
        let rows = 0...labels.binCount
        let selected = expressions.count > 1 ? answers[Self.key(labels, predictions, expressions[1])] : nil
        guard expressions.count == 1 || selected != nil else { return nil }
        let zeros = [Int](repeating: 0, count: predictions.binCount + 1)
        return ConfusionCounts(labels: labels, predictions: predictions,
                               filtered: rows.map { filtered.viewCounts(brushedBin: $0) },
                               selected: rows.map { selected?.viewCounts(brushedBin: $0) ?? zeros })
    }
}
