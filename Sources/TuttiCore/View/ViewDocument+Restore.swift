/// A view opened on data: the explorer with the view's state (and no undo history), the layout,
/// the focused pane, the theme, and what could not be restored as saved.
public struct RestoredView: Sendable {
    /// The explorer, its state built from the view.
    public let explorer: Explorer
    /// The panes and how they are arranged.
    public let layout: LayoutNode<ViewPane>
    /// The index of the focused pane in `layout.panes`, if any (nil when the saved one is out of range).
    public let focus: Int?
    /// The theme's name, if the view sets one.
    public let theme: String?
    /// What changed on the way, one sentence each: changed data, a filter that no longer applies, a
    /// missing column, …
    public let warnings: [String]
}

extension ViewDocument {
    /// Opens the view on `data`, starting from `roles` (inferred or given by flags). The state is
    /// built by reducer actions, in order: the view's roles (for columns that exist), the score
    /// threshold (which re-derives the predictions the filter may read), the filter, the
    /// selection, the group columns (those that exist). A row-list filter on the same data, which no
    /// action can make with its saved description, is put back as saved.
    ///
    /// On the data the view was made on (equal fingerprints), the filter and selection come back
    /// exactly. On changed data, the filter expression is evaluated again; the selection is found
    /// by its expression, else by its ids, else by row number; and the warnings say so. A part that
    /// no longer applies (its column is gone) is left out with a warning.
    ///
    /// Throws only for errors other than bad expressions and unknown columns, which become warnings.
    /// `warnsOfChangedData` false leaves out the warning that the data changed (for a new sample
    /// of the same table, which changes it on purpose).
    public func restore(on data: Dataset, roles: ColumnRoles, warnsOfChangedData: Bool = true) throws -> RestoredView {
        var restorer = ViewRestorer(state: ExplorerState(dataset: data, roles: roles))
        let current = DatasetFingerprint.of(data)
        let sameData = current == dataset.fingerprint
        if !sameData, warnsOfChangedData { restorer.warnings.append(changedDataWarning(current)) }
        try restorer.restoreRoles(self.roles)
        if let threshold { restorer.restoreThreshold(threshold) }
        try restorer.restoreFilter(filter, sameData: sameData)
        if let selection {
            try restorer.restoreSelection(selection, sameData: sameData, idColumn: self.roles[ColumnRole.id.rawValue])
        }
        try restorer.restoreGroupColumns(groupColumns)
        var focus = focus
        if let index = focus, !layout.panes.indices.contains(index) {
            restorer.warnings.append("the view's focus (\(index)) is not one of its \(layout.panes.count) panes (0 to \(layout.panes.count - 1)); no pane was focused")
            focus = nil
        }
        return RestoredView(explorer: Explorer(state: restorer.state), layout: layout, focus: focus, theme: theme,
                            warnings: restorer.warnings)
    }

    /// "the data changed since the view was saved (48,842 → 48,840 rows): the filter and selection
    /// were re-applied by expression".
    private func changedDataWarning(_ current: DatasetFingerprint) -> String {
        let saved = dataset.fingerprint
        let difference = saved.rows != current.rows
            ? "\(NumberFormatting.grouped(saved.rows)) → \(NumberFormatting.grouped(current.rows)) rows"
            : saved.columns != current.columns ? "the columns changed"
            : saved.kinds != current.kinds ? "column types changed"
            : "same size, different values"
        var parts: [String] = []
        if filter.expression?.isEmpty == false { parts.append("filter") }
        if selection?.expression != nil { parts.append("selection") }
        let warning = "the data changed since the view was saved (\(difference))"
        switch parts.count {
        case 0: return warning
        case 1: return warning + ": the \(parts[0]) was re-applied by expression"
        default: return warning + ": the filter and selection were re-applied by expression"
        }
    }
}
