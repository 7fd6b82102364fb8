/// The panes tutti shows when no view says otherwise, for the interface and for reports: one
/// rule for which columns get a histogram.
public enum DefaultLayout {
    /// The columns that get a histogram, at most `limit`: the model's columns (score, label, loss,
    /// prediction, whichever are set and hold numbers or categories), then the numeric and
    /// categorical columns playing no role, in column order.
    public static func histogramColumns(_ dataset: Dataset, roles: ColumnRoles, limit: Int) -> [String] {
        var chosen: [String] = []
        for role in [ColumnRole.score, .label, .loss, .prediction] where chosen.count < limit {
            if let name = roles[role], let column = dataset.column(named: name), column.kind != .text,
               column.kind != .vector, !chosen.contains(name) {
                chosen.append(name)
            }
        }
        for column in dataset.columns where chosen.count < limit && !chosen.contains(column.name) {
            if column.kind.isNumeric || column.kind == .categorical, roles.role(ofColumn: column.name) == nil {
                chosen.append(column.name)
            }
        }
        return chosen
    }

    /// The layout the interface opens: the summary and histograms of two columns (stacked) side
    /// by side on top, the rows below.
    public static func interface(_ dataset: Dataset, roles: ColumnRoles) -> LayoutNode<ViewPane> {
        let histograms: [LayoutNode<ViewPane>] = histogramColumns(dataset, roles: roles, limit: 2).map {
            .pane(ViewPane(kind: .histogram, settings: PaneSettings(column: $0)))
        }
        var top: [LayoutNode<ViewPane>] = [.pane(ViewPane(kind: .summary))]
        if !histograms.isEmpty {
            top.append(histograms.count == 1 ? histograms[0] : .split(.vertical, histograms, weights: histograms.map { _ in 1 }))
        }
        let upper: LayoutNode<ViewPane> = top.count == 1 ? top[0] : .split(.horizontal, top, weights: [0.5, 0.5])
        return .split(.vertical, [upper, .pane(ViewPane(kind: .rows))], weights: [0.62, 0.38])
    }

    /// The panes of a report without a view: the summary; histograms of up to four columns; the
    /// confusion matrix when there are label and prediction columns; slices; duplicates.
    public static func reportPanes(_ dataset: Dataset, roles: ColumnRoles) -> [ViewPane] {
        var panes = [ViewPane(kind: .summary)]
        panes += histogramColumns(dataset, roles: roles, limit: 4).map {
            ViewPane(kind: .histogram, settings: PaneSettings(column: $0))
        }
        if roles[.label] != nil, roles[.prediction] != nil { panes.append(ViewPane(kind: .confusion)) }
        panes += [ViewPane(kind: .slices), ViewPane(kind: .duplicates)]
        return panes
    }
}
