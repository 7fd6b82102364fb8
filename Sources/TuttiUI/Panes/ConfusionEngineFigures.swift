import TuttiCore

/// The confusion pane's matrices of the whole table in a SQL engine, when the explorer shows a
/// sample of one: the label bins × prediction bins counted by one `GROUP BY` over the rows
/// passing the filter, and one over those passing filter and selection, each asked in the
/// background once and kept by bins, expression and groups. Split by group, each query counts
/// every group's matrix together (`groupedTables`: the groups' conditions,
/// `SliceReport.expression`, as one more key): the groups are the sample's, their figures the
/// table's. Work for matrices no longer wanted is stopped. Until the figures arrive, or when
/// the engine cannot count them (a filter or selection of picked rows, a moved threshold, an
/// error, a stop), the pane shows the sample's.
struct ConfusionEngineFigures {
    /// Tables by key: one per group (one without groups).
    private var answers: [String: [FalconTable]] = [:]
    /// The work asking for them, by key.
    private var asking: [(key: String, handle: JobHandle)] = []
    /// Keys the engine did not answer: not asked again.
    private var unanswered: Set<String> = []

    /// Whether the engine is counting cells the pane waits for.
    var isAsking: Bool { !asking.isEmpty }

    private static func key(_ labels: ColumnBinning, _ predictions: ColumnBinning, _ expression: String,
                            _ groups: [String]?) -> String {
        "\(EngineBinKey(labels))|\(EngineBinKey(predictions))|\(expression)" + (groups.map { "|" + $0.joined(separator: "\u{1}") } ?? "")
    }

    /// The expressions whose cells the matrices need: the filter's, and the selection's when
    /// something is selected; nil when the engine cannot count them: a filter or selection of
    /// picked rows, a moved score threshold (the predictions it makes are the sample's alone),
    /// or groups without an engine that counts them together.
    private static func expressions(_ engine: EngineFigures, _ state: ExplorerState, groups: [String]?) -> [String]? {
        guard engine.brushTables != nil, let filter = engine.filter, state.threshold == nil,
              groups == nil || engine.groupedTables != nil else { return nil }
        guard state.selection != nil else { return [filter] }
        return engine.selectionFilter.map { [filter, $0] }
    }

    /// Asks the engine for the cells it lacks of the matrices of `groups` (their conditions; nil
    /// for the single matrix of all the filtered rows), and stops work for other matrices;
    /// returns the work to start and stop.
    mutating func prepare(_ engine: EngineFigures?, state: ExplorerState, labels: ColumnBinning,
                          predictions: ColumnBinning, groups: [String]?) -> [PaneCommand] {
        let expressions = engine.flatMap { Self.expressions($0, state, groups: groups) } ?? []
        let wanted = expressions.map { Self.key(labels, predictions, $0, groups) }
        var commands: [PaneCommand] = asking.filter { !wanted.contains($0.key) }.map { .stop($0.handle) }
        asking.removeAll { !wanted.contains($0.key) }
        guard let engine, let single = engine.brushTables else { return commands }
        let grouped = engine.groupedTables
        for (expression, key) in zip(expressions, wanted) {
            guard answers[key] == nil, !unanswered.contains(key), !asking.contains(where: { $0.key == key }) else { continue }
            let request = JobRequest(label: "exact confusion") { handle in
                let work = WorkContext(cancellation: handle.cancellation)
                guard let groups else { return try single(labels, [predictions], expression, work) }
                guard let grouped else { throw TuttiError("the engine does not count groups") }
                return try grouped(groups, labels, predictions, expression, work)
            }
            asking.append((key, request.handle))
            commands.append(.start(request))
        }
        return commands
    }

    /// Stops all work: no matrix is wanted.
    mutating func stopAll() -> [PaneCommand] {
        defer { asking = [] }
        return asking.map { .stop($0.handle) }
    }

    /// Takes the cells of ended work; false when `handle` is not this work.
    mutating func receive(_ handle: JobHandle) -> Bool {
        guard let index = asking.firstIndex(where: { $0.handle === handle }) else { return false }
        let key = asking.remove(at: index).key
        if let tables = handle.value(as: [FalconTable].self) { answers[key] = tables } else { unanswered.insert(key) }
        return true
    }

    /// The matrices of the whole table for `state` — one per entry of `groups`, or the single
    /// one without — or nil until the engine has counted them all.
    func counts(_ engine: EngineFigures?, state: ExplorerState, labels: ColumnBinning, predictions: ColumnBinning,
                groups: [String]?) -> [ConfusionCounts]? {
        guard let engine, let expressions = Self.expressions(engine, state, groups: groups),
              let filtered = answers[Self.key(labels, predictions, expressions[0], groups)] else { return nil }
        let selected = expressions.count > 1 ? answers[Self.key(labels, predictions, expressions[1], groups)] : nil
        let matrices = groups?.count ?? 1
        guard filtered.count == matrices, expressions.count == 1 || selected?.count == matrices else { return nil }
        let rows = 0...labels.binCount
        let zeros = [Int](repeating: 0, count: predictions.binCount + 1)
        return (0..<matrices).map { index in
            ConfusionCounts(labels: labels, predictions: predictions,
                            filtered: rows.map { filtered[index].viewCounts(brushedBin: $0) },
                            selected: rows.map { selected?[index].viewCounts(brushedBin: $0) ?? zeros })
        }
    }
}
