import TuttiCore

extension PostgresSource: BrushTableSource {
    /// Most groups (brushed bins × the bins of the views counted together, missing bins
    /// included) one query of `brushTables` may make.
    public static let maxBrushGroups = 100_000

    /// The views' tables counted in the engine: each row's brushed bin and view bins (as
    /// `SQLBinExpression` writes them) grouped under the filter, several views per `GROUP BY`
    /// while their bins multiplied stay within `maxBrushGroups` (one scan of the rows serves
    /// them all), each view's table then summed from the groups. Only the counts travel.
    public func brushTables(brushed: ColumnBinning, views: [ColumnBinning], where filter: String) throws -> [FalconTable] {
        let condition = try compiled(filter).whereClause
        let brushedBin = try SQLBinExpression.sql(for: brushed, column: column(named: brushed.column), quoting: connection)
        let viewBins = try views.map { try SQLBinExpression.sql(for: $0, column: column(named: $0.column), quoting: connection) }
        var counts = [[BinPairCount]](repeating: [], count: views.count)
        for batch in Self.brushBatches(viewWidths: views.map { $0.binCount + 2 }, brushedWidth: brushed.binCount + 2) {
            let names = batch.map { "tutti_view\($0)" }.joined(separator: ", ")
            let bins = batch.map { "\(viewBins[$0]) AS tutti_view\($0)" }.joined(separator: ", ")
            let rows = try connection.select("SELECT tutti_brushed, \(names), COUNT(*) FROM (SELECT \(brushedBin) AS "
                + "tutti_brushed, \(bins) FROM \(relation)\(condition)) AS tutti_bins GROUP BY tutti_brushed, \(names)")
            for row in 0..<rows.count {
                guard let a = rows.integer(row, 0), let n = rows.integer(row, batch.count + 1) else {
                    throw TuttiError("the database sent a bin count that is not a number")
                }
                for (field, view) in batch.enumerated() {
                    guard let v = rows.integer(row, field + 1) else {
                        throw TuttiError("the database sent a bin that is not a number")
                    }
                    counts[view].append(BinPairCount(brushed: a, view: v, count: n))
                }
            }
        }
        return views.indices.map {
            FalconTable(brushedBins: brushed.binCount, viewWidth: views[$0].binCount + 1, counts: counts[$0])
        }
    }

    /// The groups' tables counted in one `GROUP BY`: each row's group (a `CASE` over the groups'
    /// compiled conditions, the first that holds), brushed bin and view bin under the filter;
    /// rows in no group are left out.
    public func groupedTables(groups: [String], brushed: ColumnBinning, view: ColumnBinning, where filter: String) throws
        -> [FalconTable] {
        guard !groups.isEmpty else { return [] }
        let condition = try compiled(filter).whereClause
        let cases = try groups.enumerated().map { index, group in
            guard let test = try compiled(group).condition else { return "WHEN TRUE THEN \(index)" }
            return "WHEN \(test) THEN \(index)"
        }
        let brushedBin = try SQLBinExpression.sql(for: brushed, column: column(named: brushed.column), quoting: connection)
        let viewBin = try SQLBinExpression.sql(for: view, column: column(named: view.column), quoting: connection)
        let rows = try connection.select("SELECT tutti_group, tutti_brushed, tutti_view, COUNT(*) FROM (SELECT CASE "
            + cases.joined(separator: " ") + " END AS tutti_group, \(brushedBin) AS tutti_brushed, \(viewBin) AS tutti_view "
            + "FROM \(relation)\(condition)) AS tutti_bins WHERE tutti_group IS NOT NULL "
            + "GROUP BY tutti_group, tutti_brushed, tutti_view")
        var counts = [[BinPairCount]](repeating: [], count: groups.count)
        for row in 0..<rows.count {
            guard let group = rows.integer(row, 0), counts.indices.contains(group), let a = rows.integer(row, 1),
                  let v = rows.integer(row, 2), let n = rows.integer(row, 3) else {
                throw TuttiError("the database sent a group's bin count that is not one")
            }
            counts[group].append(BinPairCount(brushed: a, view: v, count: n))
        }
        return counts.map { FalconTable(brushedBins: brushed.binCount, viewWidth: view.binCount + 1, counts: $0) }
    }

    /// The views (by index, in order) cut into runs counted by one query each: a run grows while
    /// `brushedWidth` times its views' widths stays within `maxBrushGroups`.
    static func brushBatches(viewWidths: [Int], brushedWidth: Int) -> [[Int]] {
        var batches: [[Int]] = [], current: [Int] = [], groups = brushedWidth
        for (view, width) in viewWidths.enumerated() {
            if !current.isEmpty, groups * width > maxBrushGroups {
                batches.append(current)
                current = []
                groups = brushedWidth
            }
            current.append(view)
            groups *= width
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }
}
