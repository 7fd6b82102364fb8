import TuttiCore

extension PostgresSource {
    /// This source with only the columns `names`, in that order (`--columns`): the questions
    /// asked of it read only those. Throws a `TuttiError` for an unknown name, suggesting the
    /// nearest.
    public func selecting(_ names: [String]) throws -> PostgresSource {
        let chosen = try names.map(column(named:))
        let list = try chosen.map { try connection.identifier($0.name) }.joined(separator: ", ")
        let roles = ColumnRoles.infer(from: SQLColumn.emptyDataset(chosen, source: displayName))
        return PostgresSource(connection: connection, columns: chosen, roles: roles,
                              relation: "(SELECT \(list) FROM \(relation)) AS tutti_rows")
    }
}
