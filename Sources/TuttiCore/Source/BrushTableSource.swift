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
}

extension MemorySource: BrushTableSource {
    /// Counts the loaded rows; the binnings must be of `dataset`.
    public func brushTables(brushed: ColumnBinning, views: [ColumnBinning], where filter: String) throws -> [FalconTable] {
        let rows = try self.rows(where: filter)
        guard brushed.codes.count == rows.rowCount, views.allSatisfy({ $0.codes.count == rows.rowCount }) else {
            throw TuttiError("the brushed bins are not of this table's rows")
        }
        return views.map { FalconTable.counting(brushed: brushed, view: $0, filter: rows) }
    }
}
