/// A source that builds the Falcon tables of a brush where the rows are: one count of
/// (brushed bin, view bin) pairs per linked view when the brush starts (on a SQL engine one
/// `GROUP BY` per view), after which every brush step is a local sum (`FalconTable`).
public protocol BrushTableSource {
    /// One table per entry of `views`: the rows passing `filter` counted by their bin of
    /// `brushed` and their bin of the view. The binnings say where the bins lie (their edges or
    /// values); their row codes are not read, so they may come from a sample of the rows.
    /// Throws an `ExpressionError` for a bad filter and a `TuttiError` when a binning cannot be
    /// counted by the source or the engine fails.
    func brushTables(brushed: ColumnBinning, views: [ColumnBinning], where filter: String) throws -> [FalconTable]

    /// One table per entry of `groups` (filter expressions, such as the conditions of a split's
    /// groups): the rows passing `filter` and the group's expression counted by their bin of
    /// `brushed` and their bin of `view` — on a SQL engine in one `GROUP BY`, a row in several
    /// groups counting in the first. Throws as `brushTables`.
    func groupedTables(groups: [String], brushed: ColumnBinning, view: ColumnBinning, where filter: String) throws
        -> [FalconTable]
}

extension BrushTableSource {
    /// `filter` and `group` joined (either blank: every row).
    static func within(_ filter: String, _ group: String) -> String {
        if group.allSatisfy(\.isWhitespace) { return filter }
        return filter.allSatisfy(\.isWhitespace) ? group : "(\(filter)) and (\(group))"
    }
}

extension MemorySource: BrushTableSource {
    /// Counts the loaded rows: by the binnings' row codes when they were made on `dataset`, else
    /// (bins made on a sample) by placing each row as a SQL engine does (`BinPlacement`).
    public func brushTables(brushed: ColumnBinning, views: [ColumnBinning], where filter: String) throws -> [FalconTable] {
        let rows = try self.rows(where: filter)
        guard brushed.codes.count == rows.rowCount, views.allSatisfy({ $0.codes.count == rows.rowCount }) else {
            return try placedTables(brushed: brushed, views: views, rows: rows)
        }
        return views.map { FalconTable.counting(brushed: brushed, view: $0, filter: rows) }
    }

    /// Counts each group's rows apart (groups that overlap count their shared rows in each).
    public func groupedTables(groups: [String], brushed: ColumnBinning, view: ColumnBinning, where filter: String) throws
        -> [FalconTable] {
        try groups.map { try brushTables(brushed: brushed, views: [view], where: Self.within(filter, $0))[0] }
    }

    private func placedTables(brushed: ColumnBinning, views: [ColumnBinning], rows: RowSet) throws -> [FalconTable] {
        let brushedColumn = try column(binnedBy: brushed), brushedPlacement = BinPlacement(brushed)
        return try views.map { view in
            let viewColumn = try column(binnedBy: view), viewPlacement = BinPlacement(view)
            var pairs: [Int: Int] = [:]
            let width = view.binCount + 2
            rows.forEachMember { row in
                guard let a = brushedPlacement.bin(of: brushedColumn, at: row) else { return }
                pairs[a * width + (viewPlacement.bin(of: viewColumn, at: row).map { $0 + 1 } ?? 0), default: 0] += 1
            }
            return FalconTable(brushedBins: brushed.binCount, viewWidth: view.binCount + 1, counts: pairs.map {
                BinPairCount(brushed: $0.key / width, view: $0.key % width - 1, count: $0.value)
            })
        }
    }
}
