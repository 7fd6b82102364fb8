import TuttiCore

extension Workspace {
    /// The view as a document: the data's path and fingerprint, roles, filter, selection,
    /// group columns, the layout with each pane's settings, and the theme.
    public func viewDocument() -> ViewDocument {
        let (layout, focus) = viewLayout()
        return ViewDocument(state: state, datasetPath: datasetPath, layout: layout, focus: focus, theme: theme.name)
    }
}
