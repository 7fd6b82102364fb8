import TuttiCore
import TuttiTerminal

/// Where the model fails: slices of the filtered rows with their metrics, found by SliceLine.
/// With group columns, one section per value of the first (headed by the group's size and
/// metric), holding the slices found within the group — or, with more group columns, the
/// groups of the others. Sortable; a bar shows the sort metric; selected counts follow the
/// selection live; Enter selects a slice's rows (the selection remembers its predicates, the
/// group's included, so `f` filters to it). In a narrow pane the slice column keeps its room
/// (number columns drop first), and when the table cuts a slice the cursor's shows whole below it.
/// On a sample of a table in a SQL engine, the slices are found on the sample and their figures
/// are then measured over the whole table by the engine (`SliceEngineFigures`), the title says so.
public struct SlicesPane: BackgroundComputedPane {
    public let kind = PaneKind.slices
    /// The sort and the minimum size.
    public private(set) var options = SliceSectionOptions()
    private var list = ListCursor()
    private var scroll = 0
    /// The line the table's rows start on at the last layout (after the header and the titles).
    private var listTop = 2
    /// The lines under the table that show the cursor's slice whole, at the last layout.
    private var focusLineCount = 0
    /// The most lines the cursor's slice takes below the table.
    private static let mostFocusLines = 4
    /// What the slices are computed from; a change starts a new computation.
    private struct ModelKey: Equatable {
        let filter: RowSet
        let groups: [String]
        let roles: ColumnRoles
        let threshold: ScoreThreshold?
        let minimumSize: Int?
        let ordering: SliceOrdering
    }

    /// The computation, in the background.
    private var computation = BackgroundValue<ModelKey, SliceSections>()
    /// The model on screen, sorted as `options` say, and what it was computed from.
    private var model: SliceSections?
    private var modelKey: ModelKey?
    private var failure: String?
    private var stopped = false
    /// Whether the computation for the current state has its value (else `failure` says why not).
    private var ready = false
    /// On a sample of a table in a SQL engine: the figures of the whole table.
    private var exact = SliceEngineFigures()
    /// The engine's figures of the model, as the last update left them (nil: the sample's).
    private var exactFigures: SliceEngineFigures.Figures?
    /// On a sample of a table in a SQL engine: where the slices and their figures come from.
    private var engineNote: String?

    private static let sortable: [SliceMetric] = [.error, .accuracy, .fnr, .fpr, .meanLoss, .f1]

    public init() {}

    /// A pane sorted and sized as a view file's settings say (`sortMetric`, `descending`,
    /// `minimumSize`).
    public init(settings: PaneSettings) {
        if let name = settings.sortMetric, let metric = SliceMetric(rawValue: name) { options.sortMetric = metric }
        if let descending = settings.descending { options.descending = descending }
        options.minimumSize = settings.minimumSize
    }

    /// The slice under the cursor, numbered across sections.
    public var cursor: Int { list.index }

    public var title: String {
        let note = engineNote.map { " · " + $0 } ?? ""
        guard let model else { return "Slices" + note }
        return (model.groupColumns.isEmpty ? "Slices: found by SliceLine" : "Slices: groups") + note
    }

    public var savedSettings: PaneSettings {
        PaneSettings(sortMetric: options.sortMetric.rawValue, descending: options.descending, minimumSize: options.minimumSize)
    }

    /// Asks for the slices of the current state (stopping work for an old one) and, once they
    /// are found, shows them sorted as `options` say; returns the work to start or stop.
    mutating func sync(_ context: PaneContext) -> [PaneCommand] {
        let state = context.state
        let key = ModelKey(filter: state.filter.rows, groups: state.groupColumns, roles: state.roles, threshold: state.threshold,
                           minimumSize: options.minimumSize, ordering: options.ordering)
        let options = self.options
        let commands = computation.request(for: key, label: state.groupColumns.isEmpty ? "SliceLine" : "slices by group") { handle in
            try SliceSections.compute(state: state, options: options, work: WorkContext(cancellation: handle.cancellation),
                                      progress: { handle.report($0.fraction, detail: $0.detail) })
        }
        let status = computation.status
        stopped = status.isStopped
        failure = status.explanation(doing: "finding slices", work: "the slice search")
        ready = false
        guard case .ready(let fresh) = status else { return commands + askEngine(context) }
        if modelKey != key {
            var sorted = fresh
            sorted.sort(by: self.options.sortMetric, descending: self.options.descending)
            model = sorted
            modelKey = key
            list.set(0, count: 0)
        }
        ready = true
        return commands + askEngine(context)
    }

    /// On a sample of a table in a SQL engine: asks the engine to measure the slices on screen
    /// over the whole table, takes its figures once measured, and says in the title where the
    /// slices and their figures come from; returns the work to start.
    private mutating func askEngine(_ context: PaneContext) -> [PaneCommand] {
        exactFigures = nil
        guard let engine = context.engine else {
            engineNote = nil
            return []
        }
        let sample = "\(model?.isSearch == false ? "groups of" : "found on") sample \(NumberFormatting.grouped(engine.sampleRows))"
        guard ready, let model else {
            engineNote = sample
            return []
        }
        let commands = exact.prepare(model, context: context)
        exactFigures = exact.figures(model, context: context)
        let figures = exactFigures != nil ? "table of \(engine.tableRows.text)"
            : exact.reason(model, context: context).map { "sample (\($0))" } ?? (exact.isAsking ? "…" : "sample")
        engineNote = "\(sample) · figures: \(figures)"
        return commands
    }

    mutating func otherWorkEnded(_ ended: JobHandle, context: PaneContext) -> [PaneCommand] {
        let (taken, failure) = exact.receive(ended)
        guard taken else { return [] }
        return sync(context) + (failure.map { [.error($0)] } ?? [])
    }

    /// The slices on screen: nil while they are computed, after a failure or a stop; the
    /// engine's figures of the whole table once it measured them.
    private var shown: SliceSections? { ready ? exactFigures?.sections ?? model : nil }

    /// The selected rows of the slice of `predicates` and sample rows `rows`: the sample's, or
    /// the table's the engine counted (nil while it counts, or when it cannot).
    private func selectedCount(_ predicates: [SlicePredicate], rows: RowSet, context: PaneContext) -> Int? {
        guard let exactFigures else { return context.state.selection.map { rows.intersectionCount($0.rows) } ?? 0 }
        guard context.state.selection != nil else { return 0 }
        return exactFigures.selected?[SliceReport.expression(predicates)]
    }

    /// The row drawer for `model` in a pane `width` wide, and the widest slice text.
    private func measure(_ model: SliceSections, context: PaneContext, width: Int) -> (drawer: SliceRowDrawer, widest: Int) {
        let metric = options.sortMetric
        let headed = model.isHeaded
        let values = model.slices.map(\.entry.metrics) + (headed ? model.sections.map(\.metrics) : [])
        let texts = model.slices.map { (headed ? "  " : "") + $0.entry.expression }
            + (headed ? model.sections.map { SliceReport.expression($0.group) } : [])
        let widest = texts.map { DisplayWidth.of($0) }.max() ?? 0
        let drawer = SliceRowDrawer(context: context, metric: metric, maximum: values.compactMap { $0.value(metric) }.max() ?? 0,
                                    width: width, textWidth: widest)
        return (drawer, widest)
    }

    /// Lays the table out for an interior of `width` × `height`: where the rows start, the lines
    /// below that show the cursor's slice whole, and the lines in view.
    mutating func layOut(width: Int, height: Int, context: PaneContext) {
        guard let model = shown, !(model.nothingToSearch && model.groupColumns.isEmpty) else { return }
        let (drawer, widest) = measure(model, context: context, width: width)
        let slices = model.slices
        // When the table cuts a slice, the cursor's shows whole below it; in a pane too low for
        // that, the column titles go first, then the header line.
        let needed = widest > drawer.textWidth ? min(Self.focusLines(slices, width: width, glyphs: context.glyphs)
            .map(\.count).max() ?? 0, Self.mostFocusLines) : 0
        listTop = 2
        while listTop > 0, needed > height - listTop - 1 { listTop -= 1 }
        focusLineCount = min(needed, max(0, height - listTop - 1))
        let layout = SectionLines(itemCounts: model.sections.map(\.slices.count), headed: model.isHeaded)
        list.fit(lines: height - listTop - focusLineCount, count: slices.count)
        scroll = layout.scroll(scroll, showing: cursor, visible: list.visible)
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        guard let model = shown else {
            canvas.message(failure ?? "", style: theme[.muted])
            return
        }
        if model.nothingToSearch, model.groupColumns.isEmpty {
            canvas.message(Self.nothingToSearch, style: theme[.muted])
            return
        }
        let headed = model.isHeaded
        let layout = SectionLines(itemCounts: model.sections.map(\.slices.count), headed: headed)
        let slices = model.slices
        let drawer = measure(model, context: context, width: width).drawer
        let focusLines = focusLineCount
        if listTop > 0 { canvas.fittedText(header(model), x: 0, y: 0, style: theme[.muted]) }
        if listTop > 1 { drawer.drawTitles(&canvas, y: 1) }
        for line in 0..<min(list.visible, layout.lines.count - scroll) {
            let y = line + listTop
            switch layout.lines[scroll + line] {
            case .heading(let index):
                let section = model.sections[index]
                drawer.draw(&canvas, y: y, metrics: section.metrics,
                            selected: selectedCount(section.group, rows: section.rows, context: context), baseline: model.overall,
                            text: SliceReport.expression(section.group), style: theme[.header])
            case .item(let index, let item):
                let isCursor = item == cursor && context.focused
                if isCursor { canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.cursor]) }
                drawer.draw(&canvas, y: y, metrics: slices[item].entry.metrics,
                            selected: selectedCount(slices[item].predicates, rows: slices[item].rows, context: context),
                            baseline: model.sections[index].metrics, text: (headed ? "  " : "") + slices[item].entry.expression,
                            style: isCursor ? theme[.cursor] : theme[.text], isCursor: isCursor)
            case .empty(let index):
                let note = model.sections[index].minimumSize.map { "no slice of \(NumberFormatting.grouped($0))+ rows found" }
                    ?? "no rows"
                canvas.fittedText((headed ? "  " : "") + note, x: drawer.textX, y: y, style: theme[.muted])
            }
        }
        if focusLines > 0, cursor < slices.count {
            let lines = Self.focusLines([slices[cursor]], width: width, glyphs: context.glyphs)[0]
            for (index, line) in lines.prefix(focusLines).enumerated() {
                let cut = index == focusLines - 1 && lines.count > focusLines
                let text = cut ? lines[index...].joined(separator: " ") : line
                canvas.fittedText(text, x: 0, y: height - focusLines + index, style: theme[.text])
            }
        }
    }

    /// The lines of each slice's whole expression (its group's condition included), wrapped to
    /// `width` and marked as the cursor's where the mark costs no line.
    private static func focusLines(_ slices: [SliceSections.Slice], width: Int, glyphs: Glyphs) -> [[String]] {
        slices.map { slice in
            let expression = SliceReport.expression(slice.predicates)
            let marked = Array(WrappedLines("\(glyphs.cursorMark) " + expression, width: width))
            let plain = Array(WrappedLines(expression, width: width))
            return plain.count < marked.count ? plain : marked
        }
    }

    /// The first line: what the slices are, the sort, the overall value, what was left out.
    private func header(_ model: SliceSections) -> String {
        let metric = options.sortMetric
        var parts: [String] = []
        if model.nothingToSearch, let first = model.groupColumns.first {
            parts.append("\(first): no other column to search, its groups are the slices")
        } else if let first = model.groupColumns.first {
            let shown = model.sections.count, all = shown + model.omittedGroups
            parts.append("\(first): " + (all == shown ? "\(shown) groups" : "largest \(shown) of \(all) groups"))
        }
        parts.append("\(model.slices.count) slices")
        parts.append("sorted by \(metric.title) \(options.descending ? "↓" : "↑")")
        if let overall = model.overall.value(metric) { parts.append("all rows \(NumberFormatting.compact(overall))") }
        // Without a size set, each group's search has its own default.
        let size = options.minimumSize ?? (model.groupColumns.isEmpty ? model.sections.first?.minimumSize : nil)
        if model.isSearch, let size { parts.append("min size \(NumberFormatting.grouped(size))") }
        if model.isSearch {
            parts.append(options.ordering == .diverse ? "diverse (\(NumberFormatting.grouped(model.skippedSimilar)) similar hidden, d: all)"
                                                      : "all (d: diverse)")
        }
        let copies = model.excluded.filter { if case .copies = $0.reason { true } else { false } }
        if !copies.isEmpty {
            parts.append("left out " + copies.map { "\($0.name) (\($0.because))" }.joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    var isStopped: Bool { shown == nil && stopped }

    mutating func receive(_ ended: JobHandle) -> Bool { computation.receive(ended) }

    mutating func retry() -> [PaneCommand] { computation.retry() }

    mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        guard let model = shown else { return [] }
        let slices = model.slices
        if list.move(input, count: slices.count) { return [] }
        switch input {
        case .mousePress(_, let y):
            let layout = SectionLines(itemCounts: model.sections.map(\.slices.count), headed: model.isHeaded)
            let line = scroll + y - listTop
            let inTable = y >= listTop && y < listTop + list.visible
            if inTable, line < layout.lines.count, case .item(_, let item) = layout.lines[line] {
                list.set(item, count: slices.count)
            }
        case .enter, .space:
            guard cursor < slices.count else { return [] }
            return [.dispatch(.select(slices[cursor].rows, .slice(slices[cursor].predicates)))]
        case .action(.sort):
            let index = Self.sortable.firstIndex(of: options.sortMetric) ?? 0
            options.sortMetric = Self.sortable[(index + 1) % Self.sortable.count]
            resort()
        case .action(.reverse):
            options.descending.toggle()
            resort()
        case .action(.toggleDiverse):
            guard model.isSearch else { return [.message("diverse slices apply to found slices (one group column at most)")] }
            options.ordering = options.ordering == .diverse ? .all : .diverse
            list.set(0, count: 0)
            return [.message(options.ordering == .diverse ? "diverse slices: those mostly inside a better one are hidden"
                                                          : "every slice found, similar ones included")]
        case .action(.halveMinimumSize), .action(.doubleMinimumSize):
            guard model.isSearch else { return [.message("the minimum size applies to found slices (one group column at most)")] }
            let now = options.minimumSize ?? model.sections.compactMap(\.minimumSize).first ?? 32
            // Never past the filtered rows (a slice cannot be larger), so doubling cannot overflow.
            let most = max(1, context.state.filteredCount)
            options.minimumSize = input == .action(.halveMinimumSize) ? max(1, now / 2) : min(min(now, most) * 2, most)
            list.set(0, count: 0)
        default: break
        }
        return []
    }

    /// The message when there is neither a group column nor a column to search.
    static let nothingToSearch = "no column to search for slices: press b on a column in the summary to group the rows by it"

    private mutating func resort() {
        model?.sort(by: options.sortMetric, descending: options.descending)
        exactFigures?.sort(by: options)
        list.set(0, count: 0)
    }
}
