/// Computing derived columns: the expression language adds them to a dataset.
extension Dataset {
    /// This dataset with `derived` computed and added as its last column (recorded in
    /// `derivedColumns`). Throws when the name is taken, or the expression's
    /// `ExpressionError` (rendered with carets) for a syntax or type error.
    public func adding(_ derived: DerivedColumn) throws -> Dataset {
        guard columnIndex(named: derived.name) == nil else {
            throw TuttiError("derived column '\(derived.name)': the dataset already has a column of that name")
        }
        let column: Column
        do {
            column = try ColumnExpression(derived.expression, dataset: self).column(named: derived.name)
        } catch {
            throw TuttiError("derived column '\(derived.name)': " + error.description)
        }
        return Dataset(source: source, rowCount: rowCount, columns: columns + [column], columnNotes: columnNotes,
                       derivedColumns: derivedColumns + [derived])
    }

    /// This dataset with every derivation of `derived` added in order (later ones may use
    /// earlier ones).
    public func adding(_ derived: [DerivedColumn]) throws -> Dataset {
        try derived.reduce(self) { try $0.adding($1) }
    }
}
