import TuttiCore

extension PostgresSource {
    /// The first `limit` rows the engine returns (`LIMIT`, which every engine speaks; not a
    /// random draw), streamed with `COPY` into memory, and the table's row count, counted
    /// meanwhile on a second connection (`BackgroundCount`; after the rows, on this one, when a
    /// second connection cannot be opened). Reports progress to `work`; when `work` is cancelled
    /// the server is told to stop (`PQcancel`) and a `TuttiError` is thrown.
    public func sample(limit: Int, work: WorkContext) throws -> EngineSample {
        let countSQL = "SELECT COUNT(*) FROM \(relation)"
        let counting = BackgroundCount(url: connection.url, sql: countSQL, work: work)
        let list = try columns.map { try connection.identifier($0.name) }.joined(separator: ", ")
        let wanted = max(limit, 0)
        var batch = CopyBatch(columns: columns)
        do {
            try connection.copyOut("COPY (SELECT \(list) FROM \(relation) LIMIT \(wanted)) TO STDOUT") { line in
                try batch.append(line)
                if batch.rowCount % 4096 == 0 {
                    work.report("sampling rows", batch.rowCount, wanted)
                    try work.check("loading")
                }
            }
        } catch {
            counting?.stop()
            throw error
        }
        work.report("counting rows", batch.rowCount, wanted)
        let tableRows = try counting?.value() ?? rowCount(where: "")
        let rows = batch.dataset()
        return EngineSample(rows: Dataset(source: displayName, rowCount: rows.rowCount, columns: rows.columns),
                            tableRows: tableRows)
    }
}
