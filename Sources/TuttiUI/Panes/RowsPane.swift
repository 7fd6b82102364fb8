import TuttiCore
import TuttiTerminal

/// The rows that pass the filter, in a virtual table: only the visible rows are read, so
/// scrolling through a million rows costs nothing. Columns size themselves from their header
/// and the values on screen; the focused column can be widened, narrowed, moved or hidden.
/// Space toggles a row into the selection; `s` sorts by the focused column; `F` searches the
/// rows for a value (`n` / `N` go to the next and previous match, Esc ends the search); with no
/// search, `n` selects the row and the rows most like it; `:` goes to a row number; Enter shows a
/// row.
public struct RowsPane: Pane {
    public let kind = PaneKind.rows
    public let title = "Rows"
    /// The focused column: an index into `shownColumns`.
    public internal(set) var columnCursor = 0
    /// The sort: a column name and direction.
    public private(set) var sort: (column: String, ascending: Bool)?
    /// The columns on screen at the last layout, left to right.
    public private(set) var visibleColumns: [String] = []
    /// The row and column under the cursor at the last layout.
    public private(set) var focusedCell: (row: Int, column: String)?
    /// The search `F` started; `n` and `N` repeat it.
    public internal(set) var search: CellSearch?
    var columns: RowsColumns
    var found: SearchMatches?
    /// The search running in the background, and where to go once it has found the matches.
    var finding: (handle: JobHandle, key: SearchMatches.Key, forward: Bool, includingCursor: Bool)?
    var list = ListCursor()
    private var rowsLikeThis = RowsLikeThis()
    private var firstColumn = 0
    /// The width each column on screen had at the last layout.
    private var lastWidths: [String: Int] = [:]
    /// What the last layout placed: the shown columns, the rows in view and where each column goes.
    private var screen: (columns: [Column], rows: [Int], placed: ColumnWindow, rowCount: Int)?
    private var order: [Int] = []
    /// The focused row as the shared state last had it from or for this pane.
    private var sharedRow: Int?
    private var orderKey: (filter: RowSet, sort: String)?

    /// Cells `[` and `]` take from or give to the focused column.
    static let widthStep = 2

    /// A rows pane sorted by `sort`, showing `shownColumns` in that order (every column when
    /// nil) with the widths in `columnWidths`.
    public init(sort: (column: String, ascending: Bool)? = nil, shownColumns: [String]? = nil, columnWidths: [String: Int] = [:]) {
        self.sort = sort
        columns = RowsColumns(shown: shownColumns, widths: columnWidths)
    }

    /// Index into the ordered rows of the row under the cursor.
    public var cursor: Int { list.index }

    /// The columns the pane shows (scrolled into view or not), left to right: every column but
    /// the hidden ones, in the pane's order. Known after the first render or key.
    public var shownColumns: [String] { columns.shown }

    /// Whether columns are hidden or moved.
    public var choosesColumns: Bool { columns.isChosen }

    /// Widths the user set, by column name.
    public var columnWidths: [String: Int] { columns.widths }

    public var savedSettings: PaneSettings {
        PaneSettings(sortColumn: sort?.column, descending: sort.map { !$0.ascending }, columns: choosesColumns ? shownColumns : nil,
                     columnWidths: columnWidths.isEmpty ? nil : columnWidths)
    }

    /// The rows shown, in order (the filtered rows, sorted).
    public mutating func orderedRows(_ state: ExplorerState) -> [Int] {
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

    /// The shown columns of `dataset`, the choice first fitted to it.
    mutating func shown(in dataset: Dataset) -> [Column] {
        columns.adopt(dataset.columnNames)
        let byName = Dictionary(dataset.columns.map { ($0.name, $0) }) { first, _ in first }
        let shown = columns.shown.compactMap { byName[$0] }
        columnCursor = min(columnCursor, max(0, shown.count - 1))
        return shown
    }

    /// Lays the table out for an interior of `width` × `height`: the rows in view, the columns
    /// that fit (scrolled so the focused one shows whole) and their widths.
    private mutating func layOut(width: Int, height: Int, state: ExplorerState) {
        let rows = orderedRows(state)
        let shownColumns = shown(in: state.dataset)
        list.fit(lines: height - 1, count: rows.count)
        let shownRows = Array(rows[min(list.scroll, rows.count)..<min(list.scroll + list.visible, rows.count)])
        let placed = placeColumns(shownColumns, rows: shownRows, x: Self.numberWidth(state.dataset) + 3, width: width)
        visibleColumns = placed.placed.map { shownColumns[$0.index].name }
        let cursorRow = cursor < rows.count ? rows[cursor] : nil
        focusedCell = shownColumns.isEmpty ? nil : cursorRow.map { ($0, shownColumns[columnCursor].name) }
        screen = (shownColumns, shownRows, placed, rows.count)
    }

    /// The width of the row number column.
    private static func numberWidth(_ dataset: Dataset) -> Int { String(max(dataset.rowCount - 1, 0)).count }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let width = canvas.size.width
        let theme = context.theme
        guard let (shownColumns, shownRows, placed, rowCount) = screen else { return }
        let numberWidth = Self.numberWidth(context.state.dataset)
        canvas.text(TextFitting.pad("#", numberWidth, right: true), x: 2, y: 0, style: theme[.header])
        canvas.columnMarks(placed, y: 0, style: theme[.muted])
        for column in placed.placed {
            var name = shownColumns[column.index].name
            if let sort, sort.column == name { name += sort.ascending ? "↑" : "↓" }
            let style = column.index == columnCursor && context.focused ? theme[.cursor] : theme[.header]
            canvas.cell(name, x: column.x, y: 0, width: column.width, style: style)
        }
        let selection = context.state.selection?.rows
        let missing = String(Self.missingMark(context.glyphs))
        for (line, row) in shownRows.enumerated() {
            let y = line + 1
            let isCursor = list.scroll + line == cursor && context.focused
            let isSelected = context.brush?.contains(row) ?? selection?.contains(row) ?? false
            var style = isCursor ? theme[.cursor] : theme[.text]
            if isSelected && !isCursor { style = theme[.selected] }
            if isCursor { canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: style) }
            if isSelected { canvas.set(x: 0, y: y, context.glyphs.selectionMark, style: isCursor ? style : theme[.selected]) }
            canvas.text(TextFitting.pad(String(row), numberWidth, right: true), x: 2, y: y,
                        style: isCursor ? style : theme[.muted])
            for cell in placed.placed {
                let column = shownColumns[cell.index]
                let right = column.kind.isNumeric
                if column.isPresent(row) {
                    canvas.cell(column.text(at: row).replacingNewlines(), x: cell.x, y: y, width: cell.width, right: right, style: style)
                } else {
                    canvas.cell(missing, x: cell.x, y: y, width: cell.width, right: right, style: isCursor ? style : theme[.muted])
                }
            }
        }
        if rowCount == 0 {
            canvas.fittedText("no rows pass the filter", x: 2, y: 1, style: theme[.muted])
        }
    }

    /// Marks a missing cell: `·`, or `.` on an ASCII terminal.
    static func missingMark(_ glyphs: Glyphs) -> Character { glyphs.isASCII ? "." : "·" }

    /// Sizes `shown` from their headers and the values of `rows`, scrolls so the focused column
    /// shows whole, and gives spare width to text columns when every remaining column fits.
    private mutating func placeColumns(_ shown: [Column], rows: [Int], x: Int, width: Int) -> ColumnWindow {
        let sizing = shown.map { column -> RowsColumnWidths.Sizing in
            var header = DisplayWidth.of(column.name)
            if sort?.column == column.name { header += 1 }
            var widest = 0
            for row in rows {
                widest = max(widest, column.isPresent(row) ? DisplayWidth.of(column.text(at: row).replacingNewlines()) : 1)
            }
            return RowsColumnWidths.Sizing(header: header, widestValue: widest, isText: column.kind == .text,
                                           isNumeric: column.kind.isNumeric, fixed: columns.widths[column.name])
        }
        var widths = RowsColumnWidths.capped(sizing, room: width - x)
        if columnCursor < firstColumn { firstColumn = columnCursor }
        var window = ColumnWindow(widths: widths, first: firstColumn, x: x, width: width)
        while firstColumn < columnCursor, !window.showsWhole(columnCursor, widths: widths) {
            firstColumn += 1
            window = ColumnWindow(widths: widths, first: firstColumn, x: x, width: width)
        }
        if !window.moreRight, let last = window.placed.last, last.width == widths[last.index] {
            widths = RowsColumnWidths.spread(width - last.x - last.width, over: widths,
                                             candidates: window.placed.map(\.index), columns: sizing)
            window = ColumnWindow(widths: widths, first: firstColumn, x: x, width: width)
        }
        lastWidths = Dictionary(uniqueKeysWithValues: window.placed.map { (shown[$0.index].name, $0.width) })
        return window
    }

    public mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        switch message {
        case .input(let input): return handle(input, context: context)
        case .layout(let width, let height):
            followFocus(context.state)
            layOut(width: width, height: height, state: context.state)
            return shareFocus()
        case .jobEnded(let handle): return rowsLikeThis.receive(handle, state: context.state) ?? searchEnded(handle, state: context.state)
        case .find(let search):
            begin(search)
            return [.dispatch(.setSearch(search))] + find(forward: true, includingCursor: true, state: context.state)
        case .goToRow(let row): return [.message(goTo(row: row, state: context.state))]
        }
    }

    /// Moves the cursor to the shared focused row when another pane moved it (the instance
    /// pane's `[` `]`) and the row is in the list.
    private mutating func followFocus(_ state: ExplorerState) {
        guard let row = state.focusedRow, row != sharedRow else { return }
        sharedRow = row
        let rows = orderedRows(state)
        if let index = rows.firstIndex(of: row) { list.set(index, count: rows.count) }
    }

    /// Makes the row under the cursor the shared focused row, when it moved.
    private mutating func shareFocus() -> [PaneCommand] {
        guard let row = focusedCell?.row, row != sharedRow else { return [] }
        sharedRow = row
        return [.dispatch(.focusRow(row))]
    }

    /// `n` is rows like this while no search is on.
    public func label(for action: PaneAction) -> String? {
        action == .nextMatch && search == nil ? "rows like this" : nil
    }

    /// Esc ends the search, so `n` is rows like this again.
    public mutating func closeInnerView() -> Bool {
        guard search != nil else { return false }
        search = nil
        found = nil
        return true
    }

    public func rowsListing(_ state: ExplorerState) -> RowsListing? {
        var pane = self
        let columns = pane.shown(in: state.dataset)
        return RowsListing(columns: columns, sort: sort, order: sort == nil ? nil : pane.orderedRows(state),
                           focusedCell: focusedCell, search: search)
    }

    private mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        let rows = orderedRows(context.state)
        let shownColumns = shown(in: context.state.dataset)
        if list.move(input, count: rows.count) { return [] }
        let focused = shownColumns.isEmpty ? nil : shownColumns[columnCursor].name
        switch input {
        case .left: columnCursor = max(0, columnCursor - 1)
        case .right: columnCursor = min(shownColumns.count - 1, columnCursor + 1)
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
        case .action(.sort):
            guard let name = focused else { return [] }
            if let sort, sort.column == name {
                self.sort = sort.ascending ? (name, false) : nil
            } else {
                sort = (name, true)
            }
            list.set(0, count: rows.count)
            return [.message(sort.map { "sorted by \($0.column) \($0.ascending ? "ascending" : "descending")" } ?? "unsorted")]
        case .action(.find): return [.prompt(.searchRows)]
        case .action(.goToRow): return [.prompt(.goToRow)]
        case .action(.nextMatch) where search == nil:
            return rowsLikeThis.start(row: rows.isEmpty ? nil : rows[cursor], state: context.state)
        case .action(.nextNeighborCount):
            return RowsLikeThis.nextCount(context.state)
        case .action(.nextMatch), .action(.previousMatch):
            let forward = input == .action(.nextMatch)
            guard search != nil else { return [.message("no search yet: F finds a value in the rows")] }
            return find(forward: forward, includingCursor: false, state: context.state)
        case .action(let action):
            guard let focused else { return [] }
            return columnKey(action, column: focused).map { [.message($0)] } ?? []
        default:
            break
        }
        return []
    }

    /// The column keys: `[` `]` `_` resize, `-` `+` hide and show, `H` `L` move; returns what to say.
    private mutating func columnKey(_ action: PaneAction, column name: String) -> String? {
        switch action {
        case .narrowColumn, .widenColumn:
            let current = columns.widths[name] ?? lastWidths[name] ?? DisplayWidth.of(name)
            let width = columns.setWidth(name, current + (action == .widenColumn ? Self.widthStep : -Self.widthStep))
            return "\(name) is \(width) cells wide · _ fits it to its values"
        case .fitColumn:
            columns.resetWidth(name)
            return "\(name) fits its values"
        case .hideColumn:
            guard columns.hide(name) else { return "the last column shown cannot be hidden" }
            columnCursor = min(columnCursor, columns.shown.count - 1)
            return "hid \(name) · + shows the \(columns.hidden.count) hidden"
        case .showHiddenColumns:
            let count = columns.showAll()
            return count == 0 ? "no column is hidden" : "showing \(count) hidden column\(count == 1 ? "" : "s") again"
        case .moveColumnLeft, .moveColumnRight:
            guard columns.move(name, by: action == .moveColumnLeft ? -1 : 1) else { return nil }
            columnCursor += action == .moveColumnLeft ? -1 : 1
            return nil
        default:
            return nil
        }
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
