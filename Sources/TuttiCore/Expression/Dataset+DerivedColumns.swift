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

extension Dataset {
    /// This dataset with `column` in place of the column of the same name (which must exist), and
    /// every other derived column computed again in order, since it may read the replaced one.
    public func replacing(_ column: Column) throws -> Dataset {
        guard let index = columnIndex(named: column.name) else {
            throw TuttiError.unknownColumn(column.name, suggestion: NameSuggestion.nearest(to: column.name, in: columnNames))
        }
        var columns = self.columns
        columns[index] = column
        let again = derivedColumns.filter { $0.name != column.name }
        let recomputed = Set(again.map(\.name))
        let base = Dataset(source: source, rowCount: rowCount, columns: columns.filter { !recomputed.contains($0.name) },
                           columnNotes: columnNotes, derivedColumns: derivedColumns.filter { !recomputed.contains($0.name) })
        return try base.adding(again)
    }
}
