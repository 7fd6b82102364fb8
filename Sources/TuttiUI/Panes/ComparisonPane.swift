import TuttiCore
import TuttiTerminal

/// Two models side by side (Zeno's model comparison): each model's error over the filtered rows,
/// the agreement matrix (both right, only A right, only B right, both wrong) whose cells select
/// their rows, then the slices where A loses most to B — per group of the group columns, and
/// found by SliceLine on "A wrong and B right" in the background — each sorted by the delta
/// (A's error minus B's). The models are the data's (`--models`, or inferred from column names);
/// `a` and `b` choose others for A and B. Follows the filter and the score threshold: the
/// models are measured again in the background, the last figures drawn until the new ones arrive
/// (the title says `updating…`), then the slices are searched on them.
public struct ComparisonPane: BackgroundComputedPane {
    public let kind = PaneKind.comparison
    /// The models a view file named (A, B), found in the data at the first layout.
    private var savedModels: [String]?
    /// The models that can be compared, and the indexes of A and B among them.
    private var candidates: [ModelColumns] = []
    private var choice = (a: 0, b: 1)
    /// The agreement cell under the cursor, or nil when the cursor is on a slice.
    private(set) var cell: ComparisonModels.Cell? = .bothRight
    private var list = ListCursor()
    private var scroll = 0
    /// The line the slice list starts on, at the last layout.
    private var listTop = 0
    /// The models as last measured (for the current state when `measuring` is fresh).
    private var measured: ComparisonModels?
    private var measuring = RefreshingValue<MeasuredKey, Measured>()
    private var failure: String?
    private var slices = BackgroundValue<SlicesKey, ComparisonSlices>()
    private var found: ComparisonSlices?
    private var slicesNote: String?
    private var stopped = false

    /// What the evaluators are built from.
    private struct MeasuredKey: Equatable, Sendable {
        let models: [ModelColumns]
        let roles: ColumnRoles
        let threshold: ScoreThreshold?
        let columns: Int
        let filter: RowSet
    }

    /// Models measured, and what they were measured from.
    private struct Measured: Sendable {
        let key: MeasuredKey
        let models: ComparisonModels
    }

    /// What the slices are found from.
    private struct SlicesKey: Equatable {
        let measured: MeasuredKey
        let groups: [String]
    }

    /// The lines of the matrix block: the two model lines, a blank, the header and two rows.
    private static let matrixLines = 6

    /// A pane comparing the models `models` names (A, B as `name=prediction[:score]`), or the
    /// data's first two.
    public init(models: [String]? = nil) {
        savedModels = models
    }

    public var title: String {
        guard let measured else { return "Comparison" }
        return "Comparison: \(measured.models[0].name) (A) vs \(measured.models[1].name) (B)"
            + (measuring.isFresh ? "" : " · updating…")
    }

    public var savedSettings: PaneSettings {
        PaneSettings(models: measured.map { $0.models.map(ComparisonModels.saved) } ?? savedModels)
    }

    /// The two models chosen, found in the state's data.
    private mutating func chosenModels(_ state: ExplorerState) throws -> [ModelColumns] {
        if let saved = savedModels {
            savedModels = nil
            let models = try ModelList.parse(saved.joined(separator: ","), dataset: state.dataset, roles: state.roles)
            candidates = state.roles.models.filter { $0.prediction != nil }
            for model in models where !candidates.contains(model) { candidates.append(model) }
            choice = (candidates.firstIndex(of: models[0]) ?? 0, candidates.firstIndex(of: models[1]) ?? 1)
        } else if candidates.isEmpty {
            candidates = state.roles.models.filter { $0.prediction != nil }
            choice = (0, 1)
        }
        guard candidates.count >= 2 else {
            throw TuttiError("comparing needs two models: start tutti with --models a=prediction_a:score_a,b=prediction_b "
                             + "(or name the columns prediction_a, prediction_b, …)")
        }
        return [candidates[choice.a], candidates[choice.b]]
    }

    mutating func sync(_ context: PaneContext) -> [PaneCommand] {
        let state = context.state
        let models: [ModelColumns]
        do {
            models = try chosenModels(state)
        } catch {
            failure = "\(error)"
            measured = nil
            return []
        }
        let key = MeasuredKey(models: models, roles: state.roles, threshold: state.threshold, columns: state.dataset.columns.count,
                              filter: state.filter.rows)
        // The evaluators are kept when only the filter changed; the measure runs in the background.
        let last = measuring.value
        let kept = last.flatMap { last in
            last.key.models == key.models && last.key.roles == key.roles && last.key.threshold == key.threshold
                && last.key.columns == key.columns ? last.models.evaluators : nil
        }
        var commands = measuring.request(for: key, label: "model comparison") { _ in
            Measured(key: key, models: try kept.map { try ComparisonModels(models: models, evaluators: $0, filter: key.filter) }
                                 ?? ComparisonModels(models: models, state: state))
        }
        measured = measuring.value?.models
        failure = measuring.problem
        if failure != nil { measured = nil }
        // The slices are searched on the models measured for the current state.
        guard let measured, measuring.isFresh else { return commands }
        let evaluators = measured.evaluators
        commands += slices.request(for: SlicesKey(measured: key, groups: state.groupColumns), label: "SliceLine (comparison)") { handle in
            try ComparisonSlices.compute(models: models, evaluators: evaluators, state: state,
                                         work: WorkContext(cancellation: handle.cancellation))
        }
        let status = slices.status
        stopped = status.isStopped
        slicesNote = status.explanation(doing: "finding where B beats A", work: "the slice search")
        if case .ready(let value) = status {
            if found.map({ !Self.same($0, value) }) ?? true { list.set(0, count: 0) }
            found = value
        } else {
            found = nil
        }
        return commands
    }

    private static func same(_ a: ComparisonSlices, _ b: ComparisonSlices) -> Bool {
        a.sections.map { $0.slices.map(\.expression) } == b.sections.map { $0.slices.map(\.expression) }
    }

    mutating func receive(_ ended: JobHandle) -> Bool { measuring.receive(ended) || slices.receive(ended) }

    var isStopped: Bool { found == nil && stopped }

    mutating func retry() -> [PaneCommand] { slices.retry() }

    /// The slices on screen, numbered across sections.
    private var sliceItems: [ModelComparison.Slice] { found?.sections.flatMap(\.slices) ?? [] }

    private var sectionLines: SectionLines {
        SectionLines(itemCounts: found?.sections.map(\.slices.count) ?? [], headed: true)
    }

    mutating func layOut(width: Int, height: Int, context: PaneContext) {
        listTop = Self.matrixLines + 1
        let count = sliceItems.count
        list.fit(lines: height - listTop, count: count)
        scroll = sectionLines.scroll(scroll, showing: list.index, visible: list.visible)
    }

    mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        guard let measured else { return [] }
        switch input {
        case .action(.nextModelA), .action(.nextModelB):
            guard candidates.count > 2 else { return [.message("only two models: nothing else to compare")] }
            let isA = input == .action(.nextModelA)
            var index = isA ? choice.a : choice.b
            let other = isA ? choice.b : choice.a
            repeat { index = (index + 1) % candidates.count } while index == other
            if isA { choice.a = index } else { choice.b = index }
            return [.message("model \(isA ? "A" : "B"): \(candidates[index].name)")]
        case .enter, .space:
            return select(measured, context: context)
        default:
            move(input)
            return []
        }
    }

    /// Moves the cursor over the matrix cells, then down into the slices and back.
    private mutating func move(_ input: PaneInput) {
        let count = sliceItems.count
        guard let current = cell else {
            if (input == .up || input == .scrollUp) && list.index == 0 {
                cell = .onlyB
            } else {
                _ = list.move(input, count: count)
            }
            return
        }
        let row = current.rawValue / 2, column = current.rawValue % 2
        switch input {
        case .left where column == 1: cell = ComparisonModels.Cell(rawValue: row * 2)
        case .right where column == 0: cell = ComparisonModels.Cell(rawValue: row * 2 + 1)
        case .up where row == 1: cell = ComparisonModels.Cell(rawValue: column)
        case .down where row == 0: cell = ComparisonModels.Cell(rawValue: 2 + column)
        case .down where count > 0, .pageDown where count > 0:
            cell = nil
            list.set(0, count: count)
        default: break
        }
    }

    /// Selects the rows of the cell or slice under the cursor.
    private func select(_ measured: ComparisonModels, context: PaneContext) -> [PaneCommand] {
        let state = context.state
        if let cell {
            guard let rows = measured.rows(cell), let label = state.roles[.label] else {
                return [.message("the agreement matrix needs classes, not a numeric label")]
            }
            return [.dispatch(.select(rows, .slice(measured.predicates(cell, label: label))))]
        }
        let items = sliceItems
        guard list.index < items.count else { return [] }
        let slice = items[list.index]
        do {
            let rows = try FilterExpression(slice.expression, dataset: state.dataset).evaluate(state.dataset)
            return [.dispatch(.select(rows, .slice(slice.predicates)))]
        } catch {
            return [.error("\(error)")]
        }
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        guard let measured else {
            canvas.message(failure ?? "measuring the models…", style: theme[.muted])
            return
        }
        drawMatrix(&canvas, measured, context: context)
        drawSlices(&canvas, context: context)
    }

    /// The model lines and the agreement matrix.
    private func drawMatrix(_ canvas: inout Canvas, _ measured: ComparisonModels, context: PaneContext) {
        let theme = context.theme, comparison = measured.comparison, metric = comparison.metric
        for (index, model) in measured.models.enumerated() {
            let value = comparison.overall[index].value(metric).map { metric == .error ? NumberFormatting.percent($0) : NumberFormatting.compact($0) }
            let text = "\(index == 0 ? "A" : "B") \(model.name): \(model.prediction ?? "")"
                + (model.score.map { ", \($0)" } ?? "") + " · \(metric.title) \(value ?? "–")"
            canvas.fittedText(text, x: 0, y: index, style: theme[.text])
        }
        guard comparison.agreement != nil else {
            canvas.fittedText("a regression: no agreement matrix; slices by mean absolute error", x: 0, y: 3, style: theme[.muted])
            return
        }
        let total = ComparisonModels.Cell.allCases.reduce(0) { $0 + (measured.count($1) ?? 0) }
        let selection = context.state.visibleSelection
        let labelWidth = 9, cellWidth = min(22, max(16, (canvas.size.width - labelWidth) / 2 - 1))
        canvas.cell("B right", x: labelWidth, y: 3, width: cellWidth, right: true, style: theme[.header])
        canvas.cell("B wrong", x: labelWidth + cellWidth + 1, y: 3, width: cellWidth, right: true, style: theme[.header])
        for row in 0..<2 {
            canvas.cell(row == 0 ? "A right" : "A wrong", x: 0, y: 4 + row, width: labelWidth - 1, style: theme[.header])
            for column in 0..<2 {
                guard let cell = ComparisonModels.Cell(rawValue: row * 2 + column), let count = measured.count(cell) else { continue }
                let selected = selection.flatMap { rows in measured.rows(cell).map { $0.intersection(context.state.filter.rows).intersectionCount(rows) } } ?? 0
                var text = "\(NumberFormatting.grouped(count)) (\(NumberFormatting.percent(count, of: total)))"
                if selected > 0 { text = "\(context.glyphs.selectionMark)\(NumberFormatting.grouped(selected)) " + text }
                let isCursor = self.cell == cell && context.focused
                let style = isCursor ? theme[.cursor] : selected > 0 ? theme[.selected] : cell == .onlyB ? theme[.text].adding(.bold) : theme[.text]
                canvas.cell(text, x: labelWidth + column * (cellWidth + 1), y: 4 + row, width: cellWidth, right: true, style: style)
            }
        }
    }

    /// The slice sections under the matrix: the slice, its size, each model's metric and the delta.
    private func drawSlices(_ canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme, (width, height) = canvas.size
        let top = listTop
        guard let found else {
            if let slicesNote { canvas.fittedText(slicesNote, x: 0, y: top - 1, style: theme[.muted]) }
            return
        }
        let names = measured?.models.map(\.name) ?? ["A", "B"]
        let metric = found.metric
        let columns = ["rows", names[0], names[1], "delta"]
        let numberWidth = 9
        var x = 0
        for title in columns {
            canvas.cell(title, x: x, y: top - 1, width: numberWidth - 1, right: true, style: theme[.header])
            x += numberWidth
        }
        canvas.fittedText("slice (\(metric.title), delta = \(names[0]) − \(names[1]))", x: x, y: top - 1, style: theme[.header])
        let items = sliceItems, layout = sectionLines
        for line in 0..<max(0, min(list.visible, layout.lines.count - scroll, height - top)) {
            let y = top + line
            switch layout.lines[scroll + line] {
            case .heading(let section):
                canvas.fittedText(found.sections[section].heading, x: 0, y: y, style: theme[.muted])
            case .empty:
                canvas.fittedText("  no slice found", x: 0, y: y, style: theme[.muted])
            case .item(_, let item):
                let slice = items[item]
                let isCursor = cell == nil && item == list.index && context.focused
                let style = isCursor ? theme[.cursor] : theme[.text]
                if isCursor { canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: style) }
                let values = [NumberFormatting.grouped(slice.metrics[0].size)]
                    + slice.metrics.map { value in value.value(metric).map { metric == .error ? NumberFormatting.percent($0) : NumberFormatting.compact($0) } ?? "–" }
                    + [Self.delta(slice, metric)]
                for (index, value) in values.enumerated() {
                    canvas.cell(value, x: index * numberWidth, y: y, width: numberWidth - 1, right: true, style: style)
                }
                canvas.fittedText(slice.expression, x: values.count * numberWidth, y: y, style: style)
            }
        }
    }

    /// A's metric minus B's, signed ("+12.5%" for error rates).
    private static func delta(_ slice: ModelComparison.Slice, _ metric: SliceMetric) -> String {
        guard let a = slice.metrics[0].value(metric), let b = slice.metrics[1].value(metric) else { return "–" }
        let difference = a - b
        let text = metric == .error ? NumberFormatting.percent(abs(difference), marksTiny: false) : NumberFormatting.compact(abs(difference))
        return (difference > 0 ? "+" : difference < 0 ? "−" : "") + text
    }
}
