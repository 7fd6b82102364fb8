import TuttiCore

extension PostgresSource: BinCountSource {
    /// One `GROUP BY` over each row's bin (as `SQLBinExpression` writes it) under the filter, run
    /// in the engine; only a count per bin travels.
    public func binCounts(of binning: ColumnBinning, where filter: String) throws -> [Int] {
        let bin = try SQLBinExpression.sql(for: binning, column: column(named: binning.column), quoting: connection)
        let rows = try connection.select("SELECT tutti_bin, COUNT(*) FROM (SELECT \(bin) AS tutti_bin FROM \(relation)"
            + "\(try compiled(filter).whereClause)) AS tutti_bins GROUP BY tutti_bin")
        var counts = [Int](repeating: 0, count: binning.binCount + 1)
        for row in 0..<rows.count {
            guard let bin = rows.integer(row, 0), let count = rows.integer(row, 1) else {
                throw TuttiError("the database sent a bin count that is not a number")
            }
            if counts.indices.contains(bin) { counts[bin] += count }
        }
        return counts
    }
}
