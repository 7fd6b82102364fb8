/// Builds the state of a view opened on data, one reducer action at a time, collecting warnings
/// for what does not apply instead of failing.
struct ViewRestorer {
    private(set) var state: ExplorerState
    var warnings: [String] = []

    init(state: ExplorerState) { self.state = state }

    private var data: Dataset { state.dataset }

    private mutating func apply(_ action: ExplorerAction) throws {
        (state, _) = try Explorer.reduce(state, action)
    }

    /// Gives each saved role to its column, in `ColumnRole` order; roles of missing columns keep
    /// what `state` had.
    mutating func restoreRoles(_ roles: [String: String]) throws {
        for name in roles.keys.sorted() where ColumnRole(rawValue: name) == nil {
            warnings.append("the role '\(name)' is unknown; it was ignored")
        }
        for role in ColumnRole.allCases {
            guard let column = roles[role.rawValue] else { continue }
            guard data.columnIndex(named: column) != nil else {
                warnings.append("the \(role.rawValue) column '\(column)' is not in the data; the \(role.rawValue) role was not restored")
                continue
            }
            try apply(.setRole(role, column))
        }
    }

    /// Sets the score threshold, or warns why it no longer applies.
    mutating func restoreThreshold(_ value: Double) {
        do {
            try apply(.setThreshold(try ScoreThreshold(value: value, dataset: data, roles: state.roles)))
        } catch {
            warnings.append("the threshold \(NumberFormatting.shortest(value)) no longer applies (\(error)); the predictions are as loaded")
        }
    }

    /// Sets the filter from its expression, or from its row list: exactly, description included,
    /// on the same data; by row number, with a warning, on changed data.
    mutating func restoreFilter(_ filter: ViewFilter, sameData: Bool) throws {
        if let expression = filter.expression, !expression.isEmpty {
            do {
                try apply(.setFilter(expression))
            } catch let error as ExpressionError {
                warnings.append("the filter `\(Self.abbreviated(expression))` no longer applies (\(error.message)); it was dropped")
            }
        } else if let ranges = filter.rows {
            let (rows, dropped) = ranges.rowSet(rowCount: data.rowCount)
            if sameData, dropped == 0 {
                // No action makes a row-list filter with a given description ("filter to
                // selection" words its own), so the saved one is put back as it was.
                state.filter = FilterState(expression: filter.description, rows: rows, isExpression: false)
                return
            }
            warnings.append((sameData ? "the filter lists rows past the end of the data"
                                      : "the filter is a list of rows; it was re-applied by row number")
                            + Self.droppedNote(dropped))
            // A row-list filter is what "filter to selection" makes of picked rows.
            try apply(.select(rows, .rows))
            try apply(.filterToSelection)
        } else if !filter.description.isEmpty {
            warnings.append("the view's filter (\(filter.description)) has neither an expression nor rows; no filter was applied")
        }
    }

    /// Selects the saved rows exactly on the same data; on changed data, the rows of the expression,
    /// else of the ids, else the same row numbers.
    mutating func restoreSelection(_ selection: ViewSelection, sameData: Bool, idColumn: String?) throws {
        if !sameData, let expression = selection.expression {
            do {
                let rows = try FilterExpression(expression, dataset: data).evaluate(data)
                try apply(.select(rows, selection.source))
            } catch let error as ExpressionError {
                warnings.append("the selection `\(Self.abbreviated(expression))` no longer applies (\(error.message)); it was dropped")
            }
        } else if !sameData, let ids = selection.ids, let idColumn, let column = data.column(named: idColumn) {
            let (rows, found, wanted) = SelectionIdentifiers.rows(matching: ids, in: column)
            if found < wanted {
                warnings.append("the selection was found by its ids in column '\(idColumn)': "
                    + "\(NumberFormatting.grouped(wanted - found)) of \(NumberFormatting.grouped(wanted)) ids are no longer in the data")
            }
            try apply(.select(rows, selection.source))
        } else {
            let (rows, dropped) = selection.rows.rowSet(rowCount: data.rowCount)
            if !sameData {
                warnings.append("the selection was re-applied by row number" + Self.droppedNote(dropped))
            } else if dropped > 0 {
                warnings.append("the selection lists rows past the end of the data" + Self.droppedNote(dropped))
            }
            try apply(.select(rows, selection.source))
        }
    }

    /// Sets the group columns that exist, warning about the others.
    mutating func restoreGroupColumns(_ columns: [String]) throws {
        var present = columns.filter { data.columnIndex(named: $0) != nil }
        for column in columns where data.columnIndex(named: column) == nil {
            warnings.append("the group column '\(column)' is not in the data; it was skipped")
        }
        if present.count > SliceGroups.maxColumns {
            warnings.append("panes group by at most \(SliceGroups.maxColumns) columns; "
                            + present.dropFirst(SliceGroups.maxColumns).joined(separator: ", ") + " skipped")
            present = Array(present.prefix(SliceGroups.maxColumns))
        }
        try apply(.setGroupColumns(present))
    }

    /// "; 3 rows past the end were dropped", or nothing.
    /// An expression as quoted in a warning: its first 80 characters when longer than 100.
    private static func abbreviated(_ expression: String) -> String {
        expression.count > 100 ? expression.prefix(80) + "… (\(NumberFormatting.grouped(expression.count)) characters)" : expression
    }

    private static func droppedNote(_ dropped: Int) -> String {
        guard dropped > 0 else { return "" }
        return "; \(NumberFormatting.grouped(dropped)) \(dropped == 1 ? "row" : "rows") past the end \(dropped == 1 ? "was" : "were") dropped"
    }
}
