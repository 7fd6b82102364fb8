import Foundation

/// Owns the shared state and its history: applies actions (the one reducer), and undoes and
/// redoes them. Every change, the selection included, can be undone.
public struct Explorer: Sendable {
    /// The current state.
    public private(set) var state: ExplorerState
    private var undoStack: [ExplorerState] = []
    private var redoStack: [ExplorerState] = []
    /// How many states are kept for undo.
    public let historyLimit: Int

    public init(state: ExplorerState, historyLimit: Int = 200) {
        self.state = state
        self.historyLimit = historyLimit
    }

    /// Whether there is something to undo / redo.
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Applies `action`. Throws (leaving the state as it was) for an invalid filter or column.
    @discardableResult
    public mutating func apply(_ action: ExplorerAction) throws -> StateChange {
        let (next, change) = try Self.reduce(state, action)
        guard !change.isEmpty else { return [] }
        if case .previewThreshold = action {
            state = next
            return change
        }
        if change == .focus {
            state = next
            return change
        }
        undoStack.append(state)
        if undoStack.count > historyLimit { undoStack.removeFirst() }
        redoStack.removeAll()
        state = next
        return change
    }

    /// Goes back one change; returns what changed (empty if nothing to undo).
    @discardableResult
    public mutating func undo() -> StateChange {
        guard var previous = undoStack.popLast() else { return [] }
        (previous.focusedRow, previous.search, previous.imageShape, previous.neighborCount)
            = (state.focusedRow, state.search, state.imageShape, state.neighborCount)
        let change = Self.difference(state, previous)
        redoStack.append(state)
        state = previous
        return change
    }

    /// Re-applies the last undone change.
    @discardableResult
    public mutating func redo() -> StateChange {
        guard var next = redoStack.popLast() else { return [] }
        (next.focusedRow, next.search, next.imageShape, next.neighborCount)
            = (state.focusedRow, state.search, state.imageShape, state.neighborCount)
        let change = Self.difference(state, next)
        undoStack.append(state)
        state = next
        return change
    }

    /// The reducer: the new state and what changed.
    public static func reduce(_ state: ExplorerState, _ action: ExplorerAction) throws -> (ExplorerState, StateChange) {
        var next = state
        let dataset = state.dataset
        switch action {
        case .setFilter(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                next.filter = .all(rowCount: dataset.rowCount)
            } else {
                let expression = try FilterExpression(trimmed, dataset: dataset)
                next.filter = FilterState(expression: trimmed, rows: try expression.evaluate(dataset), isExpression: true)
            }
            return (next, next.filter == state.filter ? [] : .filter)
        case .filterToSelection:
            guard let selection = state.selection else { return (state, []) }
            let rows = selection.rows.intersection(state.filter.rows)
            if let text = SelectionExpression.text(for: selection.source, dataset: dataset) {
                let combined = state.filter.isEmpty ? text
                    : state.filter.isExpression ? "(\(state.filter.expression)) and (\(text))" : text
                next.filter = FilterState(expression: combined, rows: rows, isExpression: state.filter.isExpression)
            } else {
                next.filter = FilterState(expression: rowListDescription(rows.count, source: selection.source),
                                          rows: rows, isExpression: false)
            }
            next.selection = nil
            return (next, [.filter, .selection])
        case .select(let rows, let source):
            precondition(rows.rowCount == dataset.rowCount, "a selection over another dataset")
            next.selection = Selection(rows: rows, source: source)
            return (next, next.selection == state.selection ? [] : .selection)
        case .toggleRow(let row):
            guard row >= 0, row < dataset.rowCount else { return (state, []) }
            var rows = state.selection?.rows ?? RowSet(rowCount: dataset.rowCount)
            rows.toggle(row)
            next.selection = rows.isEmpty ? nil : Selection(rows: rows, source: .rows)
            return (next, .selection)
        case .clearSelection:
            next.selection = nil
            return (next, state.selection == nil ? [] : .selection)
        case .setGroupColumns(let columns):
            for column in columns where dataset.columnIndex(named: column) == nil {
                throw TuttiError.unknownColumn(column, suggestion: NameSuggestion.nearest(to: column, in: dataset.columnNames))
            }
            next.groupColumns = columns
            return (next, columns == state.groupColumns ? [] : .groups)
        case .setRole(let role, let column):
            if let column {
                try next.roles.assign(role, to: column, in: dataset)
            } else {
                next.roles.clear(role)
            }
            return (next, next.roles == state.roles ? [] : .roles)
        case .derive(let derived):
            next.dataset = try dataset.adding(derived)
            return (next, .columns)
        case .focusRow(let row):
            guard row >= 0, row < dataset.rowCount, row != state.focusedRow else { return (state, []) }
            next.focusedRow = row
            return (next, .focus)
        case .setSearch(let search):
            next.search = search
            return (next, search == state.search ? [] : .focus)
        case .setImageShape(let shape):
            next.imageShape = shape
            return (next, shape == state.imageShape ? [] : .focus)
        case .setNeighborCount(let k):
            guard k >= 1, k != state.neighborCount else { return (state, []) }
            next.neighborCount = k
            return (next, .focus)
        case .setThreshold(let threshold), .previewThreshold(let threshold):
            if let threshold, threshold == state.threshold {
                // The same cut, perhaps with its rows now in score order: nothing is derived again.
                next.threshold = threshold
                return (next, threshold.order === state.threshold?.order ? [] : .threshold)
            }
            next = try thresholded(state, threshold)
            return (next, next.threshold == state.threshold ? [] : [.threshold, .columns])
        }
    }

    /// `state` with its predictions re-derived by `threshold` (nil: the predictions as loaded); an
    /// expression filter is evaluated again on the new predictions.
    private static func thresholded(_ state: ExplorerState, _ threshold: ScoreThreshold?) throws -> ExplorerState {
        var next = state
        if let threshold {
            guard threshold.original.rowCount == state.dataset.rowCount else { throw TuttiError("a threshold made on other data") }
            // A step from the threshold in force writes only the rows between the two cuts.
            let column = state.threshold.flatMap { old in
                threshold.flips(since: old).flatMap { flips in
                    state.dataset.column(named: threshold.prediction).map { threshold.predictionColumn(updating: $0, flips) }
                }
            }
            next.dataset = try state.dataset.replacing(column ?? threshold.predictionColumn())
            next.threshold = threshold
        } else if let threshold = state.threshold {
            next.dataset = try state.dataset.replacing(threshold.original)
            next.threshold = nil
        } else {
            return state
        }
        if state.filter.isExpression, !state.filter.isEmpty {
            let rows = try FilterExpression(state.filter.expression, dataset: next.dataset).evaluate(next.dataset)
            next.filter = FilterState(expression: state.filter.expression, rows: rows, isExpression: true)
        }
        return next
    }

    /// How a filter to a row list reads: "1,234 rows in exact-duplicate clusters" for every
    /// cluster of a kind (a duplicate-cluster source with index -1), what a pane said of the rows
    /// it picked ("10 rows like #123"), else "12 picked rows".
    private static func rowListDescription(_ count: Int, source: SelectionSource) -> String {
        let rows = NumberFormatting.grouped(count)
        if case .described(let text) = source { return text }
        guard case .duplicateCluster(let kind, -1) = source else { return "\(rows) picked rows" }
        let clusters = switch DuplicateKind(rawValue: kind) {
        case .exact: "exact-duplicate"
        case .conflict: "label-conflict"
        case .leak: "split-leak"
        case .nearText: "near-duplicate text"
        case .nearVector: "near-duplicate vector"
        case nil: kind
        }
        return "\(rows) row\(count == 1 ? "" : "s") in \(clusters) clusters"
    }

    private static func difference(_ a: ExplorerState, _ b: ExplorerState) -> StateChange {
        var change: StateChange = []
        if a.filter != b.filter { change.insert(.filter) }
        if a.selection != b.selection { change.insert(.selection) }
        if a.groupColumns != b.groupColumns { change.insert(.groups) }
        if a.roles != b.roles { change.insert(.roles) }
        if a.dataset !== b.dataset { change.insert(.columns) }
        if a.threshold != b.threshold { change.insert(.threshold) }
        return change
    }
}
