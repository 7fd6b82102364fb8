import TuttiCore

/// What a search found: per column shown, the filtered rows whose cell matches; and what it
/// was run over, so that a change of filter, columns or search asks for a new run.
struct SearchMatches {
    /// What the matches were found for.
    struct Key: Equatable {
        let search: CellSearch
        let filter: RowSet
        let columns: [String]
    }

    let key: Key
    /// Matching rows of each column of `key.columns`, in that order.
    let byColumn: [RowSet]
    /// Rows with a match in any column.
    let rows: RowSet
}

extension RowsPane {
    /// What a search over `state` needs: the key, the columns searched and the rows searched;
    /// nil when there is no search.
    mutating func searchInput(_ state: ExplorerState) -> (key: SearchMatches.Key, columns: [Column], rows: RowSet)? {
        guard let search else { return nil }
        let columns = shown(in: state.dataset)
        return (SearchMatches.Key(search: search, filter: state.filter.rows, columns: columns.map(\.name)), columns, state.filter.rows)
    }

    /// Starts a new search (the matches of an old one are dropped).
    mutating func begin(_ search: CellSearch) {
        self.search = search
        found = nil
    }

    /// Keeps what a search found, when it is still for the pane's search, filter and columns.
    mutating func store(_ byColumn: [RowSet], for key: SearchMatches.Key, state: ExplorerState) {
        guard key == searchInput(state)?.key else { return }
        let rows = byColumn.reduce(RowSet(rowCount: state.dataset.rowCount)) { $0.union($1) }
        found = SearchMatches(key: key, byColumn: byColumn, rows: rows)
    }

    /// Moves the cursor to the next (or previous) matching row in the pane's order, wrapping
    /// around, and the column cursor onto the first matching column; returns what to say, or nil
    /// when the matches must be found first.
    mutating func jumpToMatch(forward: Bool, includingCursor: Bool, state: ExplorerState) -> String? {
        guard let input = searchInput(state) else { return "no search yet: F finds a value in the rows" }
        guard let found, found.key == input.key else { return nil }
        let what = "“\(input.key.search.text)”"
        guard !found.rows.isEmpty else {
            return "no row has \(what) in the \(input.columns.count) columns shown"
        }
        let rows = orderedRows(state)
        let count = rows.count
        let step = forward ? 1 : -1
        for distance in (includingCursor ? 0 : 1)...count {
            let index = ((cursor + step * distance) % count + count) % count
            guard found.rows.contains(rows[index]) else { continue }
            let row = rows[index]
            let wrapped = distance > 0 && (forward ? index <= cursor : index >= cursor)
            list.set(index, count: count)
            if let column = found.byColumn.firstIndex(where: { $0.contains(row) }) { columnCursor = column }
            let total = NumberFormatting.grouped(found.rows.count)
            return "\(what) in \(input.key.columns[columnCursor]) of row \(row) · \(total) matching rows · n next, N previous"
                + (wrapped ? " · wrapped around" : "")
        }
        return nil
    }

    /// Moves the cursor to dataset row `row`; returns what to say.
    mutating func goTo(row: Int, state: ExplorerState) -> String {
        let last = state.dataset.rowCount - 1
        guard row >= 0 && row <= last else { return "no row \(row): rows are numbered 0 to \(max(last, 0))" }
        let rows = orderedRows(state)
        guard state.filter.rows.contains(row), let index = rows.firstIndex(of: row) else {
            return "row \(row) does not pass the filter"
        }
        list.set(index, count: rows.count)
        return "row \(row)"
    }

    /// Moves to the search's next (or previous) match, finding the matches in the background
    /// first when the search, the filter or the columns shown changed.
    mutating func find(forward: Bool, includingCursor: Bool, state: ExplorerState) -> [PaneCommand] {
        guard let input = searchInput(state) else { return [] }
        if let message = jumpToMatch(forward: forward, includingCursor: includingCursor, state: state) {
            return [.message(message)]
        }
        let (key, columns, rows) = input
        let job = JobRequest(label: "search") { handle in
            try key.search.matches(in: columns, among: rows,
                                   work: WorkContext(progress: { handle.report($0.fraction) }, cancellation: handle.cancellation))
        }
        let stop = finding.map { [PaneCommand.stop($0.handle)] } ?? []
        finding = (job.handle, key, forward, includingCursor)
        return stop + [.message("finding “\(key.search.text)”…"), .start(job)]
    }

    /// The background search has ended: keeps its matches and moves to the first, or says why not.
    mutating func searchEnded(_ handle: JobHandle, state: ExplorerState) -> [PaneCommand] {
        guard let finding, finding.handle === handle else { return [] }
        self.finding = nil
        switch handle.phase {
        case .finished:
            guard let found = handle.value(as: [RowSet].self) else { return [] }
            store(found, for: finding.key, state: state)
            return jumpToMatch(forward: finding.forward, includingCursor: finding.includingCursor, state: state)
                .map { [.message($0)] } ?? []
        case .failed(let message): return [.error(message)]
        case .cancelled: return [.message("search stopped")]
        case .running: return []
        }
    }
}
