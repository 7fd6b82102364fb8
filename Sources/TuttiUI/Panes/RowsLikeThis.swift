import TuttiCore

/// "Rows like this" (`n`): a row's k nearest neighbours among the filtered rows, found in the
/// background and selected together with the row, so every pane highlights them; the selection
/// says "10 rows like #123". `K` steps k (shared with familiarity) through `counts`. A pane that
/// offers it keeps one of these, hands it the row under its cursor, and passes it the end of
/// work it did not start itself.
struct RowsLikeThis {
    /// The values `K` steps k through.
    static let counts = [5, 10, 20, 50, 100]

    /// The search running: its handle, the row and k.
    private var running: (handle: JobHandle, row: Int, k: Int)?

    /// Starts finding the rows most like `row` (stopping a search still running).
    mutating func start(row: Int?, state: ExplorerState) -> [PaneCommand] {
        guard let row, row >= 0, row < state.dataset.rowCount else { return [.message("no row here to find rows like")] }
        guard let choice = NeighborColumns(state) else { return [.error(NeighborColumns.missing)] }
        let columns = choice.columns(in: state.dataset)
        var filter = state.filter.rows
        filter.insert(row)
        let among = filter
        let k = state.neighborCount
        let job = JobRequest(label: "rows like #\(row)") { handle in
            let context = WorkContext(progress: { handle.report($0.fraction, detail: $0.phase) }, cancellation: handle.cancellation)
            return try NearestNeighbors(columns: columns, rows: among).neighbors(ofRow: row, k: k, context: context)
        }
        let stop = running.map { [PaneCommand.stop($0.handle)] } ?? []
        running = (job.handle, row, k)
        return stop + [.message("finding the \(k) rows most like #\(row) (\(choice.summary))…"), .start(job)]
    }

    /// Takes the end of `handle` when it is this search's: selects the row and its neighbours,
    /// or says why not. Nil when `handle` is other work.
    mutating func receive(_ handle: JobHandle, state: ExplorerState) -> [PaneCommand]? {
        guard let running, running.handle === handle else { return nil }
        self.running = nil
        switch handle.phase {
        case .finished:
            guard let neighbors = handle.value(as: [Neighbor].self) else { return [] }
            var rows = RowSet(rowCount: state.dataset.rowCount)
            for row in [running.row] + neighbors.map(\.row) where row < rows.rowCount { rows.insert(row) }
            let description = "\(neighbors.count) row\(neighbors.count == 1 ? "" : "s") like #\(running.row)"
            var said = "selected row #\(running.row) and the \(neighbors.count) rows most like it"
            if let nearest = neighbors.first, let farthest = neighbors.last {
                said += " (similarity \(NumberFormatting.fixed(farthest.similarity, decimals: 3))–\(NumberFormatting.fixed(nearest.similarity, decimals: 3)))"
            }
            return [.dispatch(.select(rows, .described(description))), .message(said + " · K changes k (\(running.k))")]
        case .failed(let message): return [.error(message)]
        case .cancelled: return [.message("rows like #\(running.row): stopped")]
        case .running: return []
        }
    }

    /// `K`: the next k of `counts` (after the largest, the smallest again).
    static func nextCount(_ state: ExplorerState) -> [PaneCommand] {
        let next = counts.first { $0 > state.neighborCount } ?? counts[0]
        return [.dispatch(.setNeighborCount(next)),
                .message("k = \(next): n selects a row and its \(next) nearest neighbours; familiarity averages over \(next)")]
    }
}
