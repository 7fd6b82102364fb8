import TuttiCore

/// Panes to and from the panes of a saved view (`ViewPane`): kind plus settings.
enum PaneViews {
    /// The saved form of `pane`.
    static func view(of pane: any Pane) -> ViewPane {
        ViewPane(kind: pane.kind, settings: pane.savedSettings)
    }

    /// A pane made from its saved form, or nil for a kind this tutti does not know.
    static func make(_ view: ViewPane) -> (any Pane)? {
        let settings = view.settings
        switch view.kind {
        case .summary: return SummaryPane()
        case .rows:
            return RowsPane(sort: settings.sortColumn.map { ($0, !(settings.descending ?? false)) }, shownColumns: settings.columns,
                            columnWidths: settings.columnWidths ?? [:])
        case .histogram:
            guard let column = settings.column else { return nil }
            let bins = settings.bins.map { min(max($0, 1), ColumnBinning.maxBins) }
            return HistogramPane(column: column, bins: bins, mode: settings.binMode ?? .even, logScale: settings.logScale ?? false)
        case .confusion: return ConfusionPane(rowPercentages: settings.rowPercentages ?? false)
        case .slices:
            var sized = settings
            sized.minimumSize = settings.minimumSize.map { min(max($0, 1), 1 << 40) }
            return SlicesPane(settings: sized)
        case .duplicates: return DuplicatesPane(settings: settings)
        default: return nil
        }
    }
}

extension Pane {
    public var savedSettings: PaneSettings { PaneSettings() }
}

extension HistogramPane {
    public var savedSettings: PaneSettings {
        PaneSettings(column: column, bins: requestedBins, logScale: logScale ? true : nil, binMode: mode == .even ? nil : mode)
    }
}

extension RowsPane {
    public var savedSettings: PaneSettings {
        PaneSettings(sortColumn: sort?.column, descending: sort.map { !$0.ascending }, columns: choosesColumns ? shownColumns : nil,
                     columnWidths: columnWidths.isEmpty ? nil : columnWidths)
    }
}

extension DuplicatesPane {
    public var savedSettings: PaneSettings { PaneSettings(sortColumn: sortKey.rawValue, descending: descending) }
}

extension ConfusionPane {
    public var savedSettings: PaneSettings { PaneSettings(rowPercentages: rowPercentages ? true : nil) }
}

extension SlicesPane {
    public var savedSettings: PaneSettings {
        PaneSettings(sortMetric: options.sortMetric.rawValue, descending: options.descending, minimumSize: options.minimumSize)
    }
}
