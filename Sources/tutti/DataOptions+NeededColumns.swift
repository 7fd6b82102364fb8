import TuttiCore

extension DataOptions {
    /// Loads the data for a command that reads only some of the number columns: from a
    /// database, the number and boolean columns it does not need stay there — those without a
    /// role or a model's role by name (an `id` in the name keeps an integer column, which may
    /// be the id, and a name starting with `prob` a class probability), not in `--where`, and not
    /// among `numbers` (the columns the command names).
    /// Every string column travels, since roles read from values (text, id) may pick any of
    /// them. With `--derive` (which may read any column), and from a file, everything loads.
    func load(keepingNumbers numbers: [String], filter: String?) throws -> (dataset: Dataset, roles: ColumnRoles) {
        guard isDatabase, derive.isEmpty else { return try load() }
        let source = try openDatabase()
        let shape = SQLColumn.emptyDataset(source.columns, source: source.displayName)
        var kept = Set(numbers).union(source.roles.columns.values)
        for model in source.roles.models { kept.formUnion([model.prediction, model.score].compactMap { $0 }) }
        if let filter, !filter.allSatisfy(\.isWhitespace) {
            // A filter that does not check is reported by the command, on the whole table.
            guard let expression = try? FilterExpression(filter, dataset: shape) else { return try load() }
            kept.formUnion(expression.referencedColumns)
        }
        let columns = source.columns.filter { column in
            let number = column.kind == .integer || column.kind == .float || column.kind == .boolean
            let name = column.name.lowercased()
            return !number || kept.contains(column.name) || name.contains("id") || name.hasPrefix("prob")
        }
        return try load(columns: columns.map(\.name))
    }
}
