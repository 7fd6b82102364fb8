import TuttiCore

extension PostgresSource {
    /// This source with the columns `derived` computes added, in order (later ones may use
    /// earlier ones), each computed by the engine (`SQLDerivedColumn`). Throws a `TuttiError`
    /// naming the derivation that cannot be computed there.
    public func adding(_ derived: [DerivedColumn]) throws -> PostgresSource {
        var columns = self.columns, relation = self.relation
        for derivation in derived {
            let compiled = try SQLDerivedColumn(derivation, columns: columns, quoting: connection)
            relation = "(SELECT *, \(compiled.value) AS \(try connection.identifier(derivation.name)) FROM \(relation)) "
                + "AS tutti_rows"
            columns.append(compiled.column)
        }
        let roles = ColumnRoles.infer(from: SQLColumn.emptyDataset(columns, source: displayName))
        return PostgresSource(connection: connection, columns: columns, roles: roles, relation: relation)
    }

    /// This source with `roles` in place of the roles inferred from the column names.
    public func with(roles: ColumnRoles) -> PostgresSource {
        PostgresSource(connection: connection, columns: columns, roles: roles, relation: relation)
    }
}
