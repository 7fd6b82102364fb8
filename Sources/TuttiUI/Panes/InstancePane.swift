import TuttiCore
import TuttiTerminal

/// The focused row whole (the rows pane's cursor row): every column, long text wrapped with
/// the search's matches marked, a vector as a sparkline — and as an image when its width makes
/// one (a square of greys, 32×32×3 colours, or the `--image-shape`). `[` and `]` step through
/// the selected rows (the filtered rows when nothing is selected); ↑↓ scroll. Compared with
/// another row (`InstanceComparison`: one pinned with `d`, or the first of the duplicate
/// cluster selected), the cells that differ carry `≠` and their differing words are marked.
public struct InstancePane: Pane {
    public let kind = PaneKind.instance
    /// The row shown at the last layout.
    public private(set) var row: Int?
    private var scroll = 0
    private var lines: [Line] = []
    private var heading = ""
    private var lastHeight = 0
    private var rowsLikeThis = RowsLikeThis()
    private var comparison = InstanceComparison()

    /// One line of the pane: a column's name (on its first line) and what follows it.
    private enum Line {
        case text(name: String, runs: [TextRun], missing: Bool, differs: Bool)
        case sparkline(name: String, characters: [Character], note: String, differs: Bool)
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
        case .action(.compareWithRow):
            guard let row else { return [.message("no row to compare with")] }
            comparison.toggle(row)
            return [.message(comparison.pinned == nil ? "no longer comparing with row \(row)"
                : "comparing other rows with row \(row): what differs is marked (d here again: stop)")]
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
        let reference = comparison.reference(for: shown, state: state)
        heading = "row \(shown)" + (selected ? " · selected" : "") + (state.filter.rows.contains(shown) ? "" : " · filtered out")
            + Self.comparisonNote(reference, pinnedShown: comparison.pinned == shown)
            + " · [ ] step through the \(NumberFormatting.grouped(stepped.count)) \(state.visibleSelection?.isEmpty == false ? "selected" : "filtered") rows"
        let nameWidth = Self.nameWidth(dataset, width: width)
        let valueWidth = max(4, width - nameWidth - 1)
        var made: [Line] = []
        for column in dataset.columns {
            let differs = reference.map { Self.differ(column, shown, $0.row) } ?? false
            guard column.isPresent(shown) else {
                made.append(.text(name: column.name, runs: [TextRun(text: "(missing)", mark: .plain)], missing: true, differs: differs))
                continue
            }
            if case .vector(let size, let values) = column.data {
                let slice = values[(shown * size)..<((shown + 1) * size)]
                made.append(Self.sparkline(column.name, slice, width: valueWidth, glyphs: glyphs, differs: differs))
                if let shape = ImageShape.inferred(forWidth: size, preferred: state.imageShape) {
                    let image = VectorImage(values: slice, shape: shape, scale: VectorImage.scale(for: shape, width: valueWidth, lines: 8))
                    made += (0..<image.size.lines).map { .image(image, line: $0) }
                }
                continue
            }
            let referenceText = differs ? reference.flatMap { column.isPresent($0.row) ? column.text(at: $0.row) : nil } : nil
            made += Self.wrapped(column.name, text: column.text(at: shown), reference: referenceText, search: state.search,
                                 width: valueWidth, differs: differs)
        }
        lines = made
        scroll = min(scroll, max(0, lines.count - 1))
    }

    /// The names' column width: the longest name, at most a third of the pane.
    private static func nameWidth(_ dataset: Dataset, width: Int) -> Int {
        min(max(dataset.columns.map { DisplayWidth.of($0.name) }.max() ?? 4, 4), max(4, width / 3))
    }

    /// The heading's words on the comparison: the row compared with, or that the shown row is
    /// the pinned one.
    private static func comparisonNote(_ reference: (row: Int, reason: String)?, pinnedShown: Bool) -> String {
        if let reference { return " · ≠ from row \(reference.row) (\(reference.reason))" }
        return pinnedShown ? " · pinned: ≠ marks other rows" : ""
    }

    /// Whether `column` holds different values in rows `a` and `b` (a missing value differs from
    /// any present one).
    private static func differ(_ column: Column, _ a: Int, _ b: Int) -> Bool {
        guard column.isPresent(a), column.isPresent(b) else { return column.isPresent(a) != column.isPresent(b) }
        if case .vector(let size, let values) = column.data {
            return values[(a * size)..<((a + 1) * size)] != values[(b * size)..<((b + 1) * size)]
        }
        return column.text(at: a) != column.text(at: b)
    }

    /// `text` cut to `longestText` characters, and what was cut said.
    private static func cut(_ text: String) -> (text: String, note: String?) {
        guard text.count > longestText else { return (text, nil) }
        return (String(text.prefix(longestText)), "… (\(NumberFormatting.grouped(text.count - longestText)) more characters)")
    }

    /// A cell's text wrapped to `width`, the words holding a match of `search` marked, and the
    /// words that differ from `reference` (the compared row's text, when the cells differ).
    private static func wrapped(_ name: String, text: String, reference: String?, search: CellSearch?, width: Int,
                                differs: Bool) -> [Line] {
        let (shown, note) = cut(text)
        var paragraphs = InstanceComparison.markedParagraphs(shown, reference: reference.map { cut($0).text }, search: search)
        if let note { paragraphs[paragraphs.count - 1] += note.split(separator: " ").map { (String($0), TextMark.plain) } }
        var made: [Line] = []
        for words in paragraphs {
            for runs in TextWrapping.wrap(words, width: width) {
                made.append(.text(name: made.isEmpty ? name : "", runs: runs, missing: false, differs: differs && made.isEmpty))
            }
        }
        return made
    }

    /// A vector's values as a sparkline of at most `width` cells (means of neighbouring values).
    private static func sparkline(_ name: String, _ values: ArraySlice<Float>, width: Int, glyphs: Glyphs, differs: Bool) -> Line {
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
        return .sparkline(name: name, characters: characters, note: note, differs: differs)
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
            case .text(let name, let runs, let missing, let differs):
                canvas.fittedText(name, x: 0, y: y, style: theme[.header], maxWidth: nameWidth)
                if differs { canvas.set(x: nameWidth, y: y, "≠", style: theme[.error]) }
                var at = x
                for run in runs {
                    at += canvas.fittedText(run.text, x: at, y: y, style: missing ? theme[.muted] : Self.style(run.mark, theme),
                                            maxWidth: max(0, width - at))
                }
            case .sparkline(let name, let characters, let note, let differs):
                canvas.fittedText(name, x: 0, y: y, style: theme[.header], maxWidth: nameWidth)
                if differs { canvas.set(x: nameWidth, y: y, "≠", style: theme[.error]) }
                for (offset, character) in characters.enumerated() { canvas.set(x: x + offset, y: y, character, style: theme[.bar]) }
                canvas.fittedText(note, x: x + characters.count, y: y, style: theme[.muted])
            case .image(let image, let line):
                image.draw(line: line, into: &canvas, x: x, y: y, colors: theme.colors, glyphs: context.glyphs, style: theme[.text])
            }
        }
    }

    /// A search match in the selected tone reversed; a word that differs as the duplicate pair
    /// viewer marks it.
    private static func style(_ mark: TextMark, _ theme: Theme) -> CellStyle {
        switch mark {
        case .plain: theme[.text]
        case .match: theme[.selected].adding(.reverse)
        case .changed: theme[.error].adding(.underline)
        }
    }
}
