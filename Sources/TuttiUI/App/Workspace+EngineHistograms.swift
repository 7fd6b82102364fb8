import TuttiCore

extension Workspace {
    /// The histogram panes on screen and their bins, in pane order.
    var visibleHistograms: [(id: PaneID, binning: ColumnBinning)] {
        frames(width: lastSize.width, height: lastSize.height).keys.sorted().compactMap { id in
            guard let pane = panes[id], pane.kind == .histogram, let binning = pane.brushBinning else { return nil }
            return (id, binning)
        }
    }

    /// Asks the engine, in the background, for every visible histogram's counts over the whole
    /// table under `filter` and, when a committed selection is an expression, under filter and
    /// selection: one job per bins and expression, never asked twice (the answers are kept by
    /// key, so a redraw, a resize back or a return to an earlier filter asks nothing).
    mutating func askEngineHistograms(_ engine: EngineRows, filter: String) {
        guard let binCounts = engine.binCounts else { return }
        var expressions = [filter]
        if brush == nil, state.selection != nil, let both = EngineRows.filter(for: state) { expressions.append(both) }
        for (_, binning) in visibleHistograms {
            for expression in expressions {
                let query = EngineBinQuery(bins: EngineBinKey(binning), expression: expression)
                guard engineCounts.bins[query] == nil, !engineCounts.binsCounting.contains(query),
                      !engineCounts.binsUnanswered.contains(query) else { continue }
                engineCounts.binsCounting.insert(query)
                ask(.start(JobRequest(label: "exact histogram") { handle in
                    try binCounts(binning, expression, WorkContext(cancellation: handle.cancellation))
                }, owner: .engine(.bins(query))))
            }
        }
    }

    /// Takes the engine's histogram counts for `query` (a failure or a stop is not asked again;
    /// the pane keeps the sample's counts).
    mutating func engineBinsEnded(_ handle: JobHandle, query: EngineBinQuery) {
        engineCounts.binsCounting.remove(query)
        switch handle.phase {
        case .finished:
            if let counts = handle.value(as: [Int].self) { engineCounts.bins[query] = counts }
        case .failed, .cancelled: engineCounts.binsUnanswered.insert(query)
        case .running: break
        }
    }

    /// What the engine says of the panes, for their context: nil on data loaded whole.
    var engineFigures: EngineFigures? {
        guard let engine else { return nil }
        var figures = EngineFigures(tableRows: tableRows, sampleRows: state.dataset.rowCount)
        figures.filter = engineFilter
        figures.filteredRows = engineFilter.flatMap { engineCounts.counts[$0] }
        figures.summaries = engine.summaries
        figures.brushTables = engine.brushTables
        figures.sliceFigures = engine.sliceFigures
        figures.regressionFigures = engine.regressionFigures
        figures.groupedTables = engine.groupedTables
        figures.selectionFilter = state.selection == nil ? nil : EngineRows.filter(for: state)
        if engine.binCounts != nil, let filter = engineFilter {
            figures.histograms = EngineHistogramLookup(
                counts: engineCounts, filter: filter, brush: brush,
                selection: state.selection == nil ? .none : EngineRows.filter(for: state).map { .expression($0) } ?? .rows)
        }
        return figures
    }
}
