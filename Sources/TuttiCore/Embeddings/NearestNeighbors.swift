/// The rows most like a given row ("rows like this"): its `k` nearest neighbours by cosine
/// similarity in a vector column, or by Euclidean distance in standardised numeric columns
/// (`Neighbor.similarity` says how similar).
///
/// The search is exact: one pass over the rows' vectors in chunks on all cores, so its cost is
/// linear in the data (about 13 million multiply-adds for 100,000 rows of 128 floats). The
/// vectors are prepared once, so asking for several rows costs one pass each.
public struct NearestNeighbors: Sendable {
    private let space: VectorSpace

    /// Prepares one vector column or numeric columns, over the rows of `rows` (every row when
    /// nil). Throws for unusable columns.
    public init(columns: [Column], rows: RowSet? = nil) throws {
        space = try VectorSpace(columns: columns, rows: rows)
    }

    /// The `k` rows nearest `row` (the row itself left out), nearest first, ties by row. Throws
    /// when the row is out of range or has no usable vector, or "neighbour search cancelled".
    public func neighbors(ofRow row: Int, k: Int, context: WorkContext = WorkContext()) throws -> [Neighbor] {
        let rowCount = space.items.itemOfRow.count
        guard row >= 0, row < rowCount else {
            throw TuttiError("row \(row) is out of range: the data has \(rowCount) rows (0-based)")
        }
        let item = Int(space.items.itemOfRow[row])
        guard item >= 0 else { throw TuttiError("row \(row) has no usable vector (missing, not finite, or all zeros)") }
        guard k >= 1 else { throw TuttiError("neighbours need k of at least 1, got \(k)") }
        let space = space
        let chunks = WorkChunks(items: space.count, minimumChunk: 4096)
        let progress = PhaseCounter("neighbours", total: space.count, work: context)
        let lists = space.items.values.withUnsafeBufferPointer { values in
            nonisolated(unsafe) let values = values.baseAddress!
            return chunks.map { range -> [(Int32, Float)] in
                var list = NeighborList(k: k)
                for other in range where other != item {
                    list.offer(Int32(other), space.score(values, item, other))
                }
                progress.advance(by: range.count)
                return (0..<list.count).map { (list.ids[$0], list.scores[$0]) }
            }
        }
        try context.check("neighbour search")
        let best = lists.joined().sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(k)
        return best.map { Neighbor(row: Int(space.items.rowOfItem[Int($0.0)]), similarity: space.similarity($0.1)) }
    }
}
