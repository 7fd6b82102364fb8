import TuttiCore

extension PostgresSource {
    /// The first `limit` rows the engine returns (`LIMIT`, which every engine speaks; not a
    /// random draw), streamed with `COPY` into memory, and the planner's estimate of the table's
    /// rows (`PostgresConnection.estimatedRows`; the exact count is `startCount`'s, which may run
    /// meanwhile; a sample of fewer rows than `limit` is the whole table, whose rows it then
    /// counts). Reports progress to `work`; when `work` is cancelled the server is told to stop
    /// (`PQcancel`) and a `TuttiError` is thrown.
    public func sample(limit: Int, work: WorkContext) throws -> EngineSample {
        let estimate = connection.estimatedRows(of: "SELECT * FROM \(relation)")
        let list = try columns.map { try connection.identifier($0.name) }.joined(separator: ", ")
        let wanted = max(limit, 0)
        var batch = CopyBatch(columns: columns)
        try connection.copyOut("COPY (SELECT \(list) FROM \(relation) LIMIT \(wanted)) TO STDOUT") { line in
            try batch.append(line)
            if batch.rowCount % 4096 == 0 {
                work.report("sampling rows", batch.rowCount, wanted)
                try work.check("loading")
            }
        }
        let rows = batch.dataset()
        return EngineSample(rows: Dataset(source: displayName, rowCount: rows.rowCount, columns: rows.columns),
                            estimatedRows: estimate, tableRows: rows.rowCount < wanted ? rows.rowCount : nil)
    }

    /// Starts counting the table's rows (`SELECT COUNT(*)`) on a second connection, in the
    /// background, so that this connection can stream the sample meanwhile; stopped when `work`
    /// is cancelled.
    public func startCount(work: WorkContext) -> BackgroundCount {
        BackgroundCount(url: connection.url, sql: "SELECT COUNT(*) FROM \(relation)", work: work)
    }
}
