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
    func draw(_ canvas: inout Canvas, counts: ConfusionCounts, cursor: (label: Int, prediction: Int)?) {
        let theme = context.theme, glyphs = context.glyphs
        canvas.text(TextFitting.pad("label ╲ pred", labelWidth, ellipsis: glyphs.ellipsis), x: 0, y: 0, style: theme[.header])
        for (p, name) in predictionNames.enumerated() {
            canvas.text(TextFitting.pad(name, cellWidth, right: true, ellipsis: glyphs.ellipsis),
                        x: labelWidth + p * (cellWidth + 1), y: 0, style: theme[.header])
        }
        let total = counts.filtered.dropLast().reduce(0) { $0 + $1.dropLast().reduce(0, +) }
        for (l, name) in labelNames.enumerated() {
            let y = 1 + l * 2
            canvas.text(TextFitting.pad(name, labelWidth, ellipsis: glyphs.ellipsis), x: 0, y: y, style: theme[.header])
            for p in predictionNames.indices {
                let x = labelWidth + p * (cellWidth + 1)
                let isCursor = cursor.map { $0 == (l, p) } ?? false
                let diagonal = labelNames[l] == predictionNames[p]
                let selected = counts.selected[l][p]
                var style = isCursor ? theme[.cursor] : diagonal ? theme[.text].adding(.bold) : theme[.text]
                if !isCursor && selected > 0 { style = theme[.selected] }
                let share = total > 0 ? Double(counts.filtered[l][p]) / Double(total) * 100 : 0
                canvas.text(TextFitting.pad(NumberFormatting.grouped(counts.filtered[l][p]), cellWidth, right: true),
                            x: x, y: y, style: style)
                let detail = selected > 0 ? "\(glyphs.selectionMark)\(NumberFormatting.grouped(selected))"
                                          : NumberFormatting.compact(share, significant: 2) + "%"
                canvas.text(TextFitting.pad(detail, cellWidth, right: true), x: x, y: y + 1,
                            style: selected > 0 ? theme[.selected] : theme[.muted])
            }
        }
    }
}
