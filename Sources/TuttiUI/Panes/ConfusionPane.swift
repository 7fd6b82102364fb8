import TuttiCore
import TuttiTerminal

/// The confusion matrix: label × prediction counts of the filtered rows, with the selected
/// count in each cell. Enter selects a cell's rows.
public final class ConfusionPane: Pane {
    public let kind = PaneKind.confusion
    public let title = "Confusion: label × prediction"
    /// The cell under the cursor: (label bin, prediction bin).
    public private(set) var cursor = (label: 0, prediction: 0)
    private var binnings: (labels: ColumnBinning, predictions: ColumnBinning)?
    private var counts: ConfusionCounts?
    private var countsKey: (filter: RowSet, selection: RowSet?)?
    private var failure: String?

    public init() {}

    public var keyHints: [KeyHint] { [KeyHint("←→↑↓", "cell"), KeyHint("Enter", "select cell")] }

    private func current(_ context: PaneContext) -> ConfusionCounts? {
        let state = context.state
        if binnings == nil {
            guard let label = state.roles[.label], let prediction = state.roles[.prediction] else {
                failure = "needs label and prediction columns (tutti guesses them by name; set them with --label and --prediction)"
                return nil
            }
            do {
                binnings = (try ColumnBinning(dataset: state.dataset, column: label, bins: 12),
                            try ColumnBinning(dataset: state.dataset, column: prediction, bins: 12))
            } catch {
                failure = "\(error)"
                return nil
            }
        }
        guard let binnings else { return nil }
        let selection = state.selection?.rows
        if let key = countsKey, key.filter == state.filter.rows, key.selection == selection, let counts { return counts }
        let fresh = ConfusionCounts(labels: binnings.labels, predictions: binnings.predictions, filter: state.filter.rows,
                                    selection: selection)
        counts = fresh
        countsKey = (state.filter.rows, selection)
        return fresh
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let (width, _) = canvas.size
        let theme = context.theme
        guard let counts = current(context) else {
            canvas.message(failure ?? "", style: theme[.muted])
            return
        }
        let labelNames = counts.labels.labels, predictionNames = counts.predictions.labels
        let cellWidth = max(10, (predictionNames.map { DisplayWidth.of($0) }.max() ?? 0) + 1)
        let labelWidth = min(max(13, (labelNames.map { DisplayWidth.of($0) }.max() ?? 0) + 1), max(13, width / 3))
        canvas.text(TextFitting.pad("label ╲ pred", labelWidth, ellipsis: context.glyphs.ellipsis), x: 0, y: 0, style: theme[.header])
        for (p, name) in predictionNames.enumerated() {
            canvas.text(TextFitting.pad(name, cellWidth, right: true, ellipsis: context.glyphs.ellipsis),
                        x: labelWidth + p * (cellWidth + 1), y: 0, style: theme[.header])
        }
        let total = counts.filtered.dropLast().reduce(0) { $0 + $1.dropLast().reduce(0, +) }
        for (l, name) in labelNames.enumerated() {
            let y = 1 + l * 2
            canvas.text(TextFitting.pad(name, labelWidth, ellipsis: context.glyphs.ellipsis), x: 0, y: y, style: theme[.header])
            for p in predictionNames.indices {
                let x = labelWidth + p * (cellWidth + 1)
                let isCursor = context.focused && cursor == (l, p)
                let diagonal = labelNames[l] == predictionNames[p]
                var style = isCursor ? theme[.cursor] : diagonal ? theme[.text].adding(.bold) : theme[.text]
                if !isCursor && counts.selected[l][p] > 0 { style = theme[.selected] }
                let share = total > 0 ? Double(counts.filtered[l][p]) / Double(total) * 100 : 0
                canvas.text(TextFitting.pad(NumberFormatting.grouped(counts.filtered[l][p]), cellWidth, right: true), x: x, y: y, style: style)
                let detail = counts.selected[l][p] > 0 ? "\(context.glyphs.selectionMark)\(NumberFormatting.grouped(counts.selected[l][p]))"
                                                       : NumberFormatting.compact(share, significant: 2) + "%"
                canvas.text(TextFitting.pad(detail, cellWidth, right: true), x: x, y: y + 1,
                            style: counts.selected[l][p] > 0 ? theme[.selected] : theme[.muted])
            }
        }
    }

    public func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        guard let counts = current(context) else { return [] }
        let lastLabel = counts.labels.binCount - 1, lastPrediction = counts.predictions.binCount - 1
        switch input {
        case .up: cursor.label = max(0, cursor.label - 1)
        case .down: cursor.label = min(lastLabel, cursor.label + 1)
        case .left: cursor.prediction = max(0, cursor.prediction - 1)
        case .right: cursor.prediction = min(lastPrediction, cursor.prediction + 1)
        case .enter, .space:
            let rows = counts.rows(label: cursor.label, prediction: cursor.prediction)
            return [.dispatch(.select(rows, .confusionCell(counts.predicates(label: cursor.label, prediction: cursor.prediction))))]
        default: break
        }
        return []
    }
}
