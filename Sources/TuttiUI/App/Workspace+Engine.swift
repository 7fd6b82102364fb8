import TuttiCore

extension Workspace {
    /// The expression for the engine that keeps the filtered rows, or nil when the filter is a
    /// list of the sample's rows.
    var engineFilter: String? {
        state.filter.isEmpty ? "" : state.filter.isExpression ? state.filter.expression : nil
    }

    /// Asks the engine behind a sample, in the background, for what the status line shows and
    /// it does not know yet: the table's exact rows (whatever the filter), the exact rows under
    /// the filter and under filter and selection, every visible histogram's counts
    /// (`askEngineHistograms`), and the Falcon tables of a brush that just started: its bins
    /// against themselves and against every other visible histogram's, summed from the brush
    /// cube when it is ready (`askEngineCube`), else counted by the engine.
    mutating func askEngine() {
        guard let engine else { return }
        var wanted = [""]
        guard let filter = engineFilter else {
            askCounts(engine, wanted)
            return
        }
        if !filter.isEmpty { wanted.append(filter) }
        if state.selection != nil, let both = EngineRows.filter(for: state) { wanted.append(both) }
        askCounts(engine, wanted)
        askEngineHistograms(engine, filter: filter)
        askEngineCube(engine, filter: filter)
        guard let live = brush, let bins = live.bins else {
            engineCounts.brush = nil
            return
        }
        let views = visibleHistograms.filter { $0.id != live.source }
        let key = EngineCounts.brushKey(pane: live.source, binning: bins.binning, anchor: bins.anchor, filter: filter,
                                        views: views)
        guard engineCounts.brush?.key != key else { return }
        engineCounts.brush = EngineBrush(key: key, views: views.map(\.id))
        tablesFromCube()
        guard engineCounts.brush?.tables == nil else { return }
        let binnings = [bins.binning] + views.map(\.binning)
        ask(.start(JobRequest(label: "brush tables") { handle in
            let work = WorkContext(cancellation: handle.cancellation)
            do {
                return try engine.brushTables(binnings[0], binnings, filter, work)
            } catch where !work.isCancelled && binnings.count > 1 {
                // A linked view the engine cannot bin (a column derived in the sample): the
                // brushed view's own table still counts the selection.
                return try engine.brushTables(binnings[0], [binnings[0]], filter, work)
            }
        },
                   owner: .engine(.brush(key))))
    }

    /// The rows of the table behind the sample: the engine's exact count (`count("")`, asked
    /// when the explorer opens) once it answered, its estimate until then.
    var tableRows: TableRowCount {
        TableRowCount(exact: engineCounts.counts[""] ?? engine?.tableRows, estimate: engine?.estimatedRows)
    }

    /// Asks the engine for the rows passing each of `expressions` ("" for the whole table) it
    /// has not counted, is not counting and did not fail to count.
    private mutating func askCounts(_ engine: EngineRows, _ expressions: [String]) {
        for expression in expressions where engineCounts.counts[expression] == nil
            && !engineCounts.unanswered.contains(expression) && !engineCounts.counting.contains(expression) {
            engineCounts.counting.insert(expression)
            ask(.start(JobRequest(label: "exact count") { handle in
                try engine.count(expression, WorkContext(cancellation: handle.cancellation))
            }, owner: .engine(.count(expression))))
        }
    }

    /// Takes the engine's answer to `query`.
    mutating func engineJobEnded(_ handle: JobHandle, query: EngineQuery) {
        switch query {
        case .count(let expression):
            engineCounts.counting.remove(expression)
            switch handle.phase {
            case .finished: engineCounts.counts[expression] = handle.value(as: Int.self)
            case .failed, .cancelled: engineCounts.unanswered.insert(expression)
            case .running: break
            }
        case .brush(let key):
            guard engineCounts.brush?.key == key, engineCounts.brush?.tables == nil else { return }
            if case .failed(let message) = handle.phase { say("the engine could not count the brush: \(message)", isError: true) }
            let tables = handle.value(as: [FalconTable].self)
            engineCounts.brush?.tables = tables
            engineCounts.brush?.failed = tables == nil
        case .bins(let query):
            engineBinsEnded(handle, query: query)
        case .cube(let key):
            engineCubeEnded(handle, key: key)
        case .sample(let rows):
            sampleEnded(handle, rows: rows)
        }
    }

    /// The engine's exact numbers for the status line ("" parts left out): rows under the filter
    /// and selected (the live brush's, summed from its Falcon table, saying when that came from
    /// the brush cube), or what is being counted.
    var engineStatus: String? {
        guard engine != nil, let filter = engineFilter else { return nil }
        var parts: [String] = []
        let text = { (expression: String, what: String) -> String? in
            if let count = engineCounts.counts[expression] { return "\(NumberFormatting.grouped(count)) \(what)" }
            return engineCounts.counting.contains(expression) ? "… \(what)" : nil
        }
        if !filter.isEmpty, let filtered = text(filter, "filtered") { parts.append(filtered) }
        if let live = brush, let bins = live.bins {
            if let brushTables = engineCounts.brush, let tables = brushTables.tables?.first {
                parts.append("\(NumberFormatting.grouped(tables.selectedTotal(bins: bins.range))) selected"
                             + (brushTables.fromCube ? " (from the brush cube)" : ""))
            } else {
                parts.append("… selected (counting the brush tables)")
            }
        } else if state.selection != nil, let both = EngineRows.filter(for: state), let selected = text(both, "selected") {
            parts.append(selected)
        }
        guard !parts.isEmpty else { return nil }
        return "table of \(tableRows.text): " + parts.joined(separator: ", ")
    }
}
