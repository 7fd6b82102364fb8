import TuttiCore

/// The engine's counts of the whole table for any histogram's bins, as they stand when a pane is
/// laid out or drawn: filtered, and selected by the committed selection or by a live brush on
/// another histogram (read from the brush's Falcon table: a local sum per step).
public struct EngineHistogramLookup {
    /// What the committed selection is to the engine.
    enum Selection {
        /// Nothing is selected.
        case none
        /// The rows of this expression (filter and selection) are.
        case expression(String)
        /// Rows of the sample only are (picked by hand): the engine cannot count them.
        case rows
    }

    let counts: EngineCounts
    /// The filter as the engine runs it.
    let filter: String
    let brush: BrushPreview?
    let selection: Selection

    /// The counts for histogram pane `pane` over `binning`.
    public func histogram(pane: PaneID, binning: ColumnBinning) -> EngineHistogram {
        let key = EngineBinKey(binning)
        let filteredQuery = EngineBinQuery(bins: key, expression: filter)
        guard let filtered = counts.bins[filteredQuery] else {
            return EngineHistogram(filtered: nil, selected: nil, updating: counts.binsCounting.contains(filteredQuery))
        }
        if let brush {
            guard brush.source != pane, let bins = brush.bins, let tables = counts.brush else {
                return EngineHistogram(filtered: filtered, selected: nil, updating: false)
            }
            return EngineHistogram(filtered: filtered, selected: tables.selectedCounts(pane: pane, bins: bins.range),
                                   updating: tables.tables == nil && !tables.failed)
        }
        switch selection {
        case .none:
            return EngineHistogram(filtered: filtered, selected: [Int](repeating: 0, count: filtered.count), updating: false)
        case .rows:
            return EngineHistogram(filtered: filtered, selected: nil, updating: false)
        case .expression(let both):
            let selectedQuery = EngineBinQuery(bins: key, expression: both)
            return EngineHistogram(filtered: filtered, selected: counts.bins[selectedQuery],
                                   updating: counts.binsCounting.contains(selectedQuery))
        }
    }
}
