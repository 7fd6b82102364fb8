import TuttiCore

extension PostgresSource {
    /// The first `limit` rows the engine returns (`LIMIT`, which every engine speaks; not a
    /// random draw), streamed with `COPY` into memory, and the table's row count. Reports
    /// progress to `work`; when `work` is cancelled the server is told to stop (`PQcancel`)
    /// and a `TuttiError` is thrown.
    public func sample(limit: Int, work: WorkContext) throws -> EngineSample {
        work.report("counting rows", 0, 1)
        let tableRows = try rowCount(where: "")
        try work.check("loading")
        let wanted = min(max(limit, 0), tableRows)
        let list = try columns.map { try connection.identifier($0.name) }.joined(separator: ", ")
        var batch = CopyBatch(columns: columns)
        try connection.copyOut("COPY (SELECT \(list) FROM \(relation) LIMIT \(wanted)) TO STDOUT") { line in
            try batch.append(line)
            if batch.rowCount % 4096 == 0 {
                work.report("sampling rows", batch.rowCount, wanted)
                try work.check("loading")
            }
        }
        work.report("sampling rows", batch.rowCount, wanted)
        let rows = batch.dataset()
        return EngineSample(rows: Dataset(source: displayName, rowCount: rows.rowCount, columns: rows.columns),
                            tableRows: tableRows)
    }
}
