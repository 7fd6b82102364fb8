import TuttiCore
import TuttiTerminal

/// The rows that pass the filter, in a virtual table: only the visible rows are read, so
/// scrolling through a million rows costs nothing. Selected rows are marked; Space toggles
/// a row into the selection; `s` sorts by the column under the cursor; Enter shows a row.
public final class RowsPane: Pane {
    public let kind = PaneKind.rows
    public let title = "Rows"
    /// The column under the cursor.
    public private(set) var columnCursor = 0
    /// The sort: a column name and direction.
    public private(set) var sort: (column: String, ascending: Bool)?
    /// The columns on screen at the last render, left to right (what "visible columns" exports).
    public private(set) var visibleColumns: [String] = []
    /// The row and column under the cursor at the last render.
    public private(set) var focusedCell: (row: Int, column: String)?
    private var list = ListCursor()
    private var firstColumn = 0
    private var order: [Int] = []
    private var orderKey: (filter: RowSet, sort: String)?

    public init(sort: (column: String, ascending: Bool)? = nil) { self.sort = sort }

    /// Index into the ordered rows of the row under the cursor.
    public var cursor: Int { list.index }

    public var keyHints: [KeyHint] {
        [KeyHint("↑↓", "row"), KeyHint("←→", "column"), KeyHint("Space", "select row"), KeyHint("s", "sort"),
         KeyHint("Enter", "details")]
    }

    /// The rows shown, in order (the filtered rows, sorted).
    public func orderedRows(_ state: ExplorerState) -> [Int] {
        let sortKey = sort.map { "\($0.column)\($0.ascending)" } ?? ""
        if let key = orderKey, key.filter == state.filter.rows, key.sort == sortKey { return order }
        var rows = state.filter.rows.members
        if let sort, let column = state.dataset.column(named: sort.column) {
            rows = RowOrdering.sorted(rows, by: column, ascending: sort.ascending)
        }
        order = rows
        orderKey = (state.filter.rows, sortKey)
        list.set(list.index, count: rows.count)
        return rows
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        let dataset = context.state.dataset
        let rows = orderedRows(context.state)
        list.fit(lines: height - 1, count: rows.count)
        let shown = Array(rows[min(list.scroll, rows.count)..<min(list.scroll + list.visible, rows.count)])
        let numberWidth = String(max(dataset.rowCount - 1, 0)).count
        let prefix = 2 + numberWidth
        // Column widths fit the header and the visible cells.
        let widths = dataset.columns.map { column -> Int in
            var widest = DisplayWidth.of(column.name) + 1
            for row in shown { widest = max(widest, DisplayWidth.of(column.text(at: row), limit: 24)) }
            return min(widest, 24)
        }
        columnCursor = min(columnCursor, max(0, dataset.columns.count - 1))
        if columnCursor < firstColumn { firstColumn = columnCursor }
        var columns = ColumnWindow(widths: widths, first: firstColumn, x: prefix + 1, width: width)
        while firstColumn < columnCursor, !columns.showsWhole(columnCursor, widths: widths) {
            firstColumn += 1
            columns = ColumnWindow(widths: widths, first: firstColumn, x: prefix + 1, width: width)
        }
        canvas.text(TextFitting.pad("#", numberWidth, right: true), x: 2, y: 0, style: theme[.header])
        canvas.columnMarks(columns, y: 0, style: theme[.muted])
        visibleColumns = columns.placed.map { dataset.columns[$0.index].name }
        let cursorRow = cursor < rows.count ? rows[cursor] : nil
        focusedCell = dataset.columns.isEmpty ? nil : cursorRow.map { ($0, dataset.columns[columnCursor].name) }
        for column in columns.placed {
            var name = dataset.columns[column.index].name
            if let sort, sort.column == name { name += sort.ascending ? "↑" : "↓" }
            let style = column.index == columnCursor && context.focused ? theme[.cursor] : theme[.header]
            canvas.cell(name, x: column.x, y: 0, width: column.width, style: style)
        }
        let selection = context.state.selection?.rows
        for (line, row) in shown.enumerated() {
            let y = line + 1
            let isCursor = list.scroll + line == cursor && context.focused
            let isSelected = context.brush?.contains(row) ?? selection?.contains(row) ?? false
            var style = isCursor ? theme[.cursor] : theme[.text]
            if isSelected && !isCursor { style = theme[.selected] }
            if isCursor { canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: style) }
            if isSelected { canvas.set(x: 0, y: y, context.glyphs.selectionMark, style: isCursor ? style : theme[.selected]) }
            canvas.text(TextFitting.pad(String(row), numberWidth, right: true), x: 2, y: y,
                        style: isCursor ? style : theme[.muted])
            for placed in columns.placed {
                let column = dataset.columns[placed.index]
                let text = column.isPresent(row) ? column.text(at: row) : ""
                canvas.cell(text.replacingNewlines(), x: placed.x, y: y, width: placed.width, right: column.kind.isNumeric,
                            style: style)
            }
        }
        if rows.isEmpty {
            canvas.fittedText("no rows pass the filter", x: 2, y: 1, style: theme[.muted])
        }
    }

    public func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        let rows = orderedRows(context.state)
        let columns = context.state.dataset.columns
        if list.move(input, count: rows.count) { return [] }
        switch input {
        case .left: columnCursor = max(0, columnCursor - 1)
        case .right: columnCursor = min(columns.count - 1, columnCursor + 1)
        case .mousePress(_, let y):
            list.click(line: y - 1, count: rows.count)
        case .space:
            guard !rows.isEmpty else { return [] }
            let row = rows[cursor]
            list.set(cursor + 1, count: rows.count)
            return [.dispatch(.toggleRow(row))]
        case .enter:
            guard !rows.isEmpty else { return [] }
            return [.showRow(rows[cursor])]
        case .character("s"):
            let name = columns[columnCursor].name
            if let sort, sort.column == name {
                self.sort = sort.ascending ? (name, false) : nil
            } else {
                sort = (name, true)
            }
            list.set(0, count: rows.count)
            return [.message(sort.map { "sorted by \($0.column) \($0.ascending ? "ascending" : "descending")" } ?? "unsorted")]
        default:
            break
        }
        return []
    }
}

extension String {
    /// The text on one line: line breaks and tabs shown as spaces. A cell is never shown
    /// wider than a screen, so only the first 1,000 characters are kept (a huge cell costs as
    /// little as a short one).
    func replacingNewlines() -> String {
        String(prefix(1_000).map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
