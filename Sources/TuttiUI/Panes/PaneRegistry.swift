import TuttiCore

/// Every kind of pane, in one place: how to make one, fresh or from a view file's settings, and
/// the saved form of one. The only file that names the concrete pane types besides their own.
enum PaneRegistry {
    /// A pane of `kind` made from `settings`, or nil for a kind this tutti does not know or when
    /// the settings do not say enough (a histogram needs its column).
    static func make(_ kind: PaneKind, settings: PaneSettings = PaneSettings()) -> (any Pane)? {
        switch kind {
        case .summary: return SummaryPane()
        case .rows:
            return RowsPane(sort: settings.sortColumn.map { ($0, !(settings.descending ?? false)) }, shownColumns: settings.columns,
                            columnWidths: settings.columnWidths ?? [:])
        case .histogram:
            guard let column = settings.column else { return nil }
            let bins = settings.bins.map { min(max($0, 1), ColumnBinning.maxBins) }
            return HistogramPane(column: column, bins: bins, mode: settings.binMode ?? .even, logScale: settings.logScale ?? false,
                                 overlay: settings.overlay.flatMap(SliceMetric.init(rawValue:)))
        case .confusion: return ConfusionPane(rowPercentages: settings.rowPercentages ?? false)
        case .slices:
            var sized = settings
            sized.minimumSize = settings.minimumSize.map { min(max($0, 1), 1 << 40) }
            return SlicesPane(settings: sized)
        case .duplicates: return DuplicatesPane(settings: settings)
        case .scatter: return ScatterPane(settings: settings, projector: .pca)
        case .instance: return InstancePane(row: settings.row)
        case .familiarity: return FamiliarityPane(groupColumn: settings.column)
        case .labelIssues: return LabelIssuesPane()
        case .comparison: return ComparisonPane(models: settings.models)
        default: return nil
        }
    }

    /// A pane made from its saved form, or nil for a kind this tutti does not know.
    static func make(_ view: ViewPane) -> (any Pane)? { make(view.kind, settings: view.settings) }

    /// The saved form of `pane`.
    static func view(of pane: any Pane) -> ViewPane {
        ViewPane(kind: pane.kind, settings: pane.savedSettings)
    }
}

extension Pane {
    public var savedSettings: PaneSettings { PaneSettings() }
}
