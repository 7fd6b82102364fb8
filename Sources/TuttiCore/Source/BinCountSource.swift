/// A source that counts the rows of a histogram's bins where the rows are: the exact counts a
/// histogram of a table kept in a SQL engine draws, with bins made on a sample of it.
public protocol BinCountSource {
    /// The rows passing `filter` per bin of `binning` (`binCount + 1` entries, the last for
    /// missing), placed as `BinPlacement` says: values beyond the edges in the end bins, values
    /// the bins have no place for left out. The binning's row codes are not read, so it may come
    /// from a sample of the rows. Throws an `ExpressionError` for a bad filter and a `TuttiError`
    /// when the bins cannot be counted by the source or the engine fails.
    func binCounts(of binning: ColumnBinning, where filter: String) throws -> [Int]
}

extension MemorySource: BinCountSource {
    /// Places every loaded row passing `filter` in a bin of `binning` (made on these rows or on
    /// others), as a SQL engine places them.
    public func binCounts(of binning: ColumnBinning, where filter: String) throws -> [Int] {
        let column = try self.column(binnedBy: binning)
        let placement = BinPlacement(binning)
        var counts = [Int](repeating: 0, count: binning.binCount + 1)
        try rows(where: filter).forEachMember { row in
            if let bin = placement.bin(of: column, at: row) { counts[bin] += 1 }
        }
        return counts
    }

    /// The column `binning` bins; throws a `TuttiError` suggesting the nearest name.
    func column(binnedBy binning: ColumnBinning) throws -> Column {
        guard let column = dataset.column(named: binning.column) else {
            throw TuttiError.unknownColumn(binning.column, suggestion: NameSuggestion.nearest(to: binning.column,
                                                                                               in: dataset.columnNames))
        }
        return column
    }
}
