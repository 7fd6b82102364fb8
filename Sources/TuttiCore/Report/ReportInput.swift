import Foundation

/// What a report is made from: the state the engineer saw and the panes of the view.
public struct ReportInput: Sendable {
    /// The dataset, filter, selection, group columns and roles.
    public var state: ExplorerState
    /// The dataset's name as the user knows it (usually the file's path).
    public var datasetName: String
    /// The panes of the view in reading order (`ViewLayout.panes`); nil or empty for `defaultPanes`.
    public var panes: [ViewPane]?
    /// The title; nil for "tutti report: <dataset name>".
    public var title: String?
    /// The time to print as the report's date; nil prints none (deterministic output).
    public var generated: Date?

    /// An input.
    public init(state: ExplorerState, datasetName: String, panes: [ViewPane]? = nil, title: String? = nil,
                generated: Date? = nil) {
        self.state = state
        self.datasetName = datasetName
        self.panes = panes
        self.title = title
        self.generated = generated
    }

    /// The panes reported: the view's, or the default ones when it has none.
    public var reportedPanes: [ViewPane] {
        if let panes, !panes.isEmpty { return panes }
        return Self.defaultPanes(dataset: state.dataset, roles: state.roles)
    }

    /// The panes of a report without a view: the summary; histograms of the model's columns (the
    /// label, prediction, score and loss, whichever are set), or, when none is, of the first two
    /// numeric columns playing no role; the confusion matrix when there are label and prediction columns;
    /// slices; duplicates.
    public static func defaultPanes(dataset: Dataset, roles: ColumnRoles) -> [ViewPane] {
        var histograms: [String] = []
        for role in [ColumnRole.label, .prediction, .score, .loss] {
            guard let name = roles[role], dataset.column(named: name) != nil, !histograms.contains(name) else { continue }
            histograms.append(name)
        }
        if histograms.isEmpty {
            let plain = dataset.columns.filter { $0.kind.isNumeric && roles.role(ofColumn: $0.name) == nil }
            histograms = plain.prefix(2).map(\.name)
        }
        var panes = [ViewPane(kind: "summary")]
        panes += histograms.map { ViewPane(kind: "histogram", settings: PaneSettings(column: $0)) }
        if roles[.label] != nil, roles[.prediction] != nil { panes.append(ViewPane(kind: "confusion")) }
        panes += [ViewPane(kind: "slices"), ViewPane(kind: "duplicates")]
        return panes
    }
}
