import TuttiCore

extension PostgresSource: BrushTableSource {
    /// One `GROUP BY` per view, run in the engine: each row's brushed bin and view bin (as
    /// `SQLBinExpression` writes them) counted under the filter. Only the counts travel.
    public func brushTables(brushed: ColumnBinning, views: [ColumnBinning], where filter: String) throws -> [FalconTable] {
        let condition = try compiled(filter).whereClause
        let brushedBin = try SQLBinExpression.sql(for: brushed, column: column(named: brushed.column), quoting: connection)
        return try views.map { view in
            let viewBin = try SQLBinExpression.sql(for: view, column: column(named: view.column), quoting: connection)
            let rows = try connection.select("SELECT tutti_brushed, tutti_view, COUNT(*) FROM (SELECT \(brushedBin) AS "
                + "tutti_brushed, \(viewBin) AS tutti_view FROM \(relation)\(condition)) AS tutti_bins "
                + "GROUP BY tutti_brushed, tutti_view")
            let counts = try (0..<rows.count).map { row in
                guard let a = rows.integer(row, 0), let v = rows.integer(row, 1), let n = rows.integer(row, 2) else {
                    throw TuttiError("the database sent a bin count that is not a number")
                }
                return BinPairCount(brushed: a, view: v, count: n)
            }
            return FalconTable(brushedBins: brushed.binCount, viewWidth: view.binCount + 1, counts: counts)
        }
    }
}
