import TuttiCore
import TuttiTerminal

/// Draws one confusion matrix: a header line of prediction names, then two lines per label —
/// the count of each cell, and below it the cell's share of the matrix or its selected count.
struct ConfusionMatrixDrawer {
    let context: PaneContext
    let labelNames: [String]
    let predictionNames: [String]
    let labelWidth: Int
    let cellWidth: Int

    /// A drawer for matrices of these bins, sized for a pane `paneWidth` cells wide.
    init(context: PaneContext, labels: ColumnBinning, predictions: ColumnBinning, paneWidth: Int) {
        self.context = context
        labelNames = labels.labels
        predictionNames = predictions.labels
        cellWidth = max(10, (predictionNames.map { DisplayWidth.of($0) }.max() ?? 0) + 1)
        labelWidth = min(max(13, (labelNames.map { DisplayWidth.of($0) }.max() ?? 0) + 1), max(13, paneWidth / 3))
    }

    /// The size of a matrix.
    var width: Int { labelWidth + predictionNames.count * (cellWidth + 1) - 1 }
    var height: Int { 1 + 2 * labelNames.count }

    /// Draws `counts` from the canvas origin; `cursor` is the cell to show as the cursor.
    /// Prediction columns that do not fit the canvas are left out, marked `›`.
    func draw(_ canvas: inout Canvas, counts: ConfusionCounts, cursor: (label: Int, prediction: Int)?) {
        let theme = context.theme, glyphs = context.glyphs
        let window = ColumnWindow(widths: [labelWidth - 1] + predictionNames.map { _ in cellWidth }, x: 0, width: canvas.size.width)
        let shown = window.placed.dropFirst().map { (prediction: $0.index - 1, x: $0.x, width: $0.width) }
        canvas.cell("label ╲ pred", x: 0, y: 0, width: labelWidth, style: theme[.header])
        for column in shown {
            canvas.cell(predictionNames[column.prediction], x: column.x, y: 0, width: column.width, right: true, style: theme[.header])
        }
        canvas.columnMarks(window, y: 0, style: theme[.muted])
        let total = counts.filtered.dropLast().reduce(0) { $0 + $1.dropLast().reduce(0, +) }
        for (l, name) in labelNames.enumerated() {
            let y = 1 + l * 2
            canvas.cell(name, x: 0, y: y, width: labelWidth, style: theme[.header])
            for (p, x, width) in shown {
                let isCursor = cursor.map { $0 == (l, p) } ?? false
                let diagonal = labelNames[l] == predictionNames[p]
                let selected = counts.selected[l][p]
                var style = isCursor ? theme[.cursor] : diagonal ? theme[.text].adding(.bold) : theme[.text]
                if !isCursor && selected > 0 { style = theme[.selected] }
                let share = total > 0 ? Double(counts.filtered[l][p]) / Double(total) * 100 : 0
                canvas.cell(NumberFormatting.grouped(counts.filtered[l][p]), x: x, y: y, width: width, right: true, style: style)
                let detail = selected > 0 ? "\(glyphs.selectionMark)\(NumberFormatting.grouped(selected))"
                                          : NumberFormatting.compact(share, significant: 2) + "%"
                canvas.cell(detail, x: x, y: y + 1, width: width, right: true, style: selected > 0 ? theme[.selected] : theme[.muted])
            }
        }
    }
}
