import Foundation

/// What a report is made from: the state the engineer saw and the panes of the view.
public struct ReportInput: Sendable {
    /// The dataset, filter, selection, group columns and roles.
    public var state: ExplorerState
    /// The dataset's name as the user knows it (usually the file's path).
    public var datasetName: String
    /// The panes of the view in reading order (`ViewDocument.layout.panes`); nil or empty for `DefaultLayout.reportPanes`.
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
        return DefaultLayout.reportPanes(state.dataset, roles: state.roles)
    }
}
