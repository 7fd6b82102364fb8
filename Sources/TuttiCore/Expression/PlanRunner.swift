/// Runs a condition's plan over a whole dataset, in chunks of rows aligned to 64 so that
/// every chunk owns whole words of the result. A chunk's temporaries stay in cache; large
/// inputs spread their chunks over all cores.
enum PlanRunner {
    /// Rows per chunk (a multiple of 64).
    static let chunkRows = 16_384
    /// Inputs with at least this many rows run on all cores.
    static let parallelRows = 65_536

    /// The rows where `plan` is true (unknown counts as false). Throws when a regular
    /// expression exceeds its budget on a value.
    static func rows(where plan: TruthPlan, rowCount: Int) throws(ExpressionError) -> RowSet {
        let chunkCount = (rowCount + chunkRows - 1) / chunkRows
        let chunk = { (index: Int) -> Result<[UInt64], ExpressionError> in
            let firstRow = index * chunkRows
            let evaluator = ChunkEvaluator(firstRow: firstRow, count: min(chunkRows, rowCount - firstRow))
            do throws(ExpressionError) { return .success(try evaluator.truth(plan).isTrue) } catch { return .failure(error) }
        }
        let parts = rowCount >= parallelRows ? ResultSlots.collect(count: chunkCount, chunk) : (0..<chunkCount).map(chunk)
        var words: [UInt64] = []
        words.reserveCapacity((rowCount + 63) >> 6)
        for part in parts { words.append(contentsOf: try part.get()) }
        return RowSet(rowCount: rowCount, words: words)
    }
}
