import TuttiCore
import TuttiTerminal

/// The focused row whole (the rows pane's cursor row): every column, long text wrapped with
/// the search's matches marked, a vector as a sparkline — and as an image when its width makes
/// one (a square of greys, 32×32×3 colours, or the `--image-shape`). `[` and `]` step through
/// the selected rows (the filtered rows when nothing is selected); ↑↓ scroll.
public struct InstancePane: Pane {
    public let kind = PaneKind.instance
    /// The row shown at the last layout.
    public private(set) var row: Int?
    private var scroll = 0
    private var lines: [Line] = []
    private var heading = ""
    private var lastHeight = 0
    private var rowsLikeThis = RowsLikeThis()

    /// One line of the pane: a column's name (on its first line) and what follows it.
    private enum Line {
        case text(name: String, runs: [TextRun], missing: Bool)
        case sparkline(name: String, characters: [Character], note: String)
        case image(VectorImage, line: Int)
    }

    /// Cells of text a cell shows before it is cut (a huge cell costs no more than this).
    static let longestText = 20_000

    /// The row a view file saved, shown until a row is focused.
    private let savedRow: Int?

    /// A pane showing the focused row, or `row` (a saved view's) until one is focused.
    public init(row: Int? = nil) {
        savedRow = row
    }

    public var savedSettings: PaneSettings { PaneSettings(row: row) }

    public var title: String { row.map { "Instance: row \($0)" } ?? "Instance" }

    /// The rows `[` and `]` step through: the visible selection, else the filtered rows.
    private static func steppedRows(_ state: ExplorerState) -> RowSet {
        if let selected = state.visibleSelection, !selected.isEmpty { return selected }
        return state.filter.rows
    }

    public mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        switch message {
        case .layout(let width, let height):
            layOut(width: width, height: height, state: context.state, glyphs: context.glyphs)
        case .input(let input):
            return handle(input, state: context.state)
        case .jobEnded(let handle):
            return rowsLikeThis.receive(handle, state: context.state) ?? []
        case .find, .goToRow:
            break
        }
        return []
    }

    private mutating func handle(_ input: PaneInput, state: ExplorerState) -> [PaneCommand] {
        let page = max(1, lastHeight - 2)
        switch input {
        case .up, .scrollUp: scroll = max(0, scroll - 1)
        case .down, .scrollDown: scroll = min(max(0, lines.count - 1), scroll + 1)
        case .pageUp: scroll = max(0, scroll - page)
        case .pageDown: scroll = min(max(0, lines.count - 1), scroll + page)
        case .home: scroll = 0
        case .action(.previousRow), .action(.nextRow):
            let rows = Self.steppedRows(state)
            let forward = input == .action(.nextRow)
            guard let next = Self.step(rows, from: row, forward: forward) else {
                return [.message(rows.isEmpty ? "no row to show" : forward ? "the last row" : "the first row")]
            }
            scroll = 0
            return [.dispatch(.focusRow(next))]
        case .action(.rowsLikeThis):
            return rowsLikeThis.start(row: row, state: state)
        case .action(.nextNeighborCount):
            return RowsLikeThis.nextCount(state)
        default: break
        }
        return []
    }

    /// The member of `rows` after (or before) `current`; the first (or last) when `current` is nil.
    static func step(_ rows: RowSet, from current: Int?, forward: Bool) -> Int? {
        let words = rows.words
        if forward {
            var row = (current ?? -1) + 1
            while row < rows.rowCount {
                let word = words[row >> 6] >> UInt64(row & 63)
                if word != 0 { return row + word.trailingZeroBitCount }
                row = (row | 63) + 1
            }
            return nil
        }
        var row = (current ?? rows.rowCount) - 1
        while row >= 0 {
            let word = words[row >> 6] << UInt64(63 - row & 63)
            if word != 0 { return row - word.leadingZeroBitCount }
            row = (row & ~63) - 1
        }
        return nil
    }

    /// Makes the lines of the focused row (the saved row, else the first filtered row, before any is focused).
    private mutating func layOut(width: Int, height: Int, state: ExplorerState, glyphs: Glyphs) {
        lastHeight = height
        let saved = savedRow.flatMap { $0 >= 0 && $0 < state.dataset.rowCount ? $0 : nil }
        let shown = state.focusedRow ?? saved ?? Self.step(state.filter.rows, from: nil, forward: true)
        if shown != row { scroll = 0 }
        row = shown
        guard let shown else {
            heading = "no row passes the filter"
            lines = []
            return
        }
        let dataset = state.dataset
        let stepped = Self.steppedRows(state)
        let selected = state.selection?.rows.contains(shown) ?? false
        heading = "row \(shown)" + (selected ? " · selected" : "") + (state.filter.rows.contains(shown) ? "" : " · filtered out")
            + " · [ ] step through the \(NumberFormatting.grouped(stepped.count)) \(state.visibleSelection?.isEmpty == false ? "selected" : "filtered") rows"
        let nameWidth = Self.nameWidth(dataset, width: width)
        let valueWidth = max(4, width - nameWidth - 1)
        var made: [Line] = []
        for column in dataset.columns {
            guard column.isPresent(shown) else {
                made.append(.text(name: column.name, runs: [TextRun(text: "(missing)", marked: false)], missing: true))
                continue
            }
            if case .vector(let size, let values) = column.data {
                let slice = values[(shown * size)..<((shown + 1) * size)]
                made.append(Self.sparkline(column.name, slice, width: valueWidth, glyphs: glyphs))
                if let shape = ImageShape.inferred(forWidth: size, preferred: state.imageShape) {
                    let image = VectorImage(values: slice, shape: shape, scale: VectorImage.scale(for: shape, width: valueWidth, lines: 8))
                    made += (0..<image.size.lines).map { .image(image, line: $0) }
                }
                continue
            }
            made += Self.wrapped(column.name, text: column.text(at: shown), search: state.search, width: valueWidth)
        }
        lines = made
        scroll = min(scroll, max(0, lines.count - 1))
    }

    /// The names' column width: the longest name, at most a third of the pane.
    private static func nameWidth(_ dataset: Dataset, width: Int) -> Int {
        min(max(dataset.columns.map { DisplayWidth.of($0.name) }.max() ?? 4, 4), max(4, width / 3))
    }

    /// A cell's text wrapped to `width`, the words holding a match of `search` marked.
    private static func wrapped(_ name: String, text: String, search: CellSearch?, width: Int) -> [Line] {
        let cut = text.count > longestText ? String(text.prefix(longestText)) + " … (\(NumberFormatting.grouped(text.count - longestText)) more characters)" : text
        var made: [Line] = []
        for paragraph in cut.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(separator: " ").map(String.init)
            let marks = search?.matching(words) ?? words.map { _ in false }
            for runs in TextWrapping.wrap(Array(zip(words, marks)).map { (text: $0.0, marked: $0.1) }, width: width) {
                made.append(.text(name: made.isEmpty ? name : "", runs: runs, missing: false))
            }
        }
        return made
    }

    /// A vector's values as a sparkline of at most `width` cells (means of neighbouring values).
    private static func sparkline(_ name: String, _ values: ArraySlice<Float>, width: Int, glyphs: Glyphs) -> Line {
        let low = Double(values.min() ?? 0), high = Double(values.max() ?? 0)
        let note = " \(values.count) values, \(NumberFormatting.compact(low))…\(NumberFormatting.compact(high))"
        let cells = max(1, min(values.count, width - DisplayWidth.of(note)))
        let levels = glyphs.sparkline
        let characters = (0..<cells).map { cell -> Character in
            let start = values.startIndex + cell * values.count / cells, end = values.startIndex + max((cell + 1) * values.count / cells, cell * values.count / cells + 1)
            let mean = values[start..<end].reduce(0.0) { $0 + Double($1) } / Double(end - start)
            let level = high > low ? Int(((mean - low) / (high - low) * Double(levels.count - 1)).rounded()) : 0
            return levels[min(max(level, 0), levels.count - 1)]
        }
        return .sparkline(name: name, characters: characters, note: note)
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        canvas.fittedText(heading, x: 0, y: 0, style: theme[.muted])
        let nameWidth = Self.nameWidth(context.state.dataset, width: width)
        let x = nameWidth + 1
        for (index, line) in lines.dropFirst(scroll).prefix(max(0, height - 1)).enumerated() {
            let y = index + 1
            switch line {
            case .text(let name, let runs, let missing):
                canvas.fittedText(name, x: 0, y: y, style: theme[.header], maxWidth: nameWidth)
                var at = x
                for run in runs {
                    let style = missing ? theme[.muted] : run.marked ? theme[.selected].adding(.reverse) : theme[.text]
                    at += canvas.fittedText(run.text, x: at, y: y, style: style, maxWidth: max(0, width - at))
                }
            case .sparkline(let name, let characters, let note):
                canvas.fittedText(name, x: 0, y: y, style: theme[.header], maxWidth: nameWidth)
                for (offset, character) in characters.enumerated() { canvas.set(x: x + offset, y: y, character, style: theme[.bar]) }
                canvas.fittedText(note, x: x + characters.count, y: y, style: theme[.muted])
            case .image(let image, let line):
                image.draw(line: line, into: &canvas, x: x, y: y, colors: theme.colors, glyphs: context.glyphs, style: theme[.text])
            }
        }
    }
}
