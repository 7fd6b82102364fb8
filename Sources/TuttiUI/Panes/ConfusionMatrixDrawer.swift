import Foundation
import TuttiCore
import TuttiTerminal

/// Draws one confusion matrix: a header line of prediction names, then two lines per label —
/// the count of each cell, and below it the cell's share of the matrix or its selected count;
/// with row percentages, the cell's share of its label's rows (recall on the diagonal), and
/// below it the count or the selected count. A matrix larger than its canvas shows the part a
/// `ConfusionViewport` says: the label names and the header stay, `‹` `›` mark prediction
/// columns left out, `↑` `↓` label rows left out. Long names are cut with `…`.
struct ConfusionMatrixDrawer {
    let context: PaneContext
    let labelNames: [String]
    let predictionNames: [String]
    let labelWidth: Int
    let cellWidth: Int
    let rowPercentages: Bool

    /// The widest a prediction column gets for its name; longer names are cut.
    static let widestCell = 14
    /// Marks label rows left out above and below (in the gap after the label names).
    static let moreAbove: Character = "↑"
    static let moreBelow: Character = "↓"

    /// A drawer for matrices of these bins, sized for a pane `paneWidth` cells wide.
    init(context: PaneContext, labels: ColumnBinning, predictions: ColumnBinning, paneWidth: Int, rowPercentages: Bool = false) {
        self.context = context
        self.rowPercentages = rowPercentages
        labelNames = labels.labels
        predictionNames = predictions.labels
        cellWidth = min(max(10, (predictionNames.map { DisplayWidth.of($0) }.max() ?? 0) + 1), Self.widestCell)
        labelWidth = min(max(13, (labelNames.map { DisplayWidth.of($0) }.max() ?? 0) + 1), max(13, paneWidth / 3))
    }

    /// The size of the whole matrix.
    var width: Int { labelWidth + predictionNames.count * (cellWidth + 1) - 1 }
    var height: Int { 1 + 2 * labelNames.count }

    /// The widths of the prediction columns.
    var cellWidths: [Int] { predictionNames.map { _ in cellWidth } }

    /// The prediction columns that fit a canvas `width` wide, from prediction `first`.
    func columns(from first: Int, width: Int) -> ColumnWindow {
        ColumnWindow(widths: cellWidths, first: first, x: labelWidth, width: width)
    }

    /// The label rows that fit a canvas `height` high (at least one).
    func labelsShown(height: Int) -> Int { max(1, (height - 1) / 2) }

    /// Draws the part of `counts` that `viewport` says from the canvas origin; `cursor` is the
    /// cell to show as the cursor.
    func draw(_ canvas: inout Canvas, counts: ConfusionCounts, cursor: (label: Int, prediction: Int)?,
              viewport: ConfusionViewport = ConfusionViewport()) {
        let theme = context.theme
        let window = columns(from: viewport.firstPrediction, width: canvas.size.width)
        let shown = window.placed.map { (prediction: $0.index, x: $0.x, width: $0.width) }
        canvas.cell("label ╲ pred", x: 0, y: 0, width: labelWidth - 1, style: theme[.header])
        for column in shown {
            canvas.cell(predictionNames[column.prediction], x: column.x, y: 0, width: column.width, right: true, style: theme[.header])
        }
        canvas.columnMarks(window, y: 0, leftX: labelWidth - 1, style: theme[.muted])
        let total = counts.filtered.dropLast().reduce(0) { $0 + $1.dropLast().reduce(0, +) }
        let labels = viewport.firstLabel..<min(labelNames.count, viewport.firstLabel + labelsShown(height: canvas.size.height))
        for l in labels {
            let y = 1 + (l - viewport.firstLabel) * 2
            canvas.cell(labelNames[l], x: 0, y: y, width: labelWidth - 1, style: theme[.header])
            let rowTotal = counts.filtered[l].dropLast().reduce(0, +)
            for (p, x, width) in shown {
                let isCursor = cursor.map { $0 == (l, p) } ?? false
                let diagonal = labelNames[l] == predictionNames[p]
                let count = counts.filtered[l][p], selected = counts.selected[l][p]
                var style = isCursor ? theme[.cursor] : diagonal ? theme[.text].adding(.bold) : theme[.text]
                if !isCursor && selected > 0 { style = theme[.selected] }
                let main: String, detail: String
                if rowPercentages {
                    main = Self.percent(count, of: rowTotal)
                    detail = NumberFormatting.grouped(count)
                } else {
                    main = NumberFormatting.grouped(count)
                    detail = total > 0 ? NumberFormatting.compact(Double(count) / Double(total) * 100, significant: 2) + "%" : "0%"
                }
                canvas.cell(main, x: x, y: y, width: width, right: true, style: style)
                canvas.cell(selected > 0 ? "\(context.glyphs.selectionMark)\(NumberFormatting.grouped(selected))" : detail,
                            x: x, y: y + 1, width: width, right: true, style: selected > 0 ? theme[.selected] : theme[.muted])
            }
        }
        if viewport.firstLabel > 0 { canvas.set(x: labelWidth - 1, y: 1, Self.moreAbove, style: theme[.muted]) }
        if labels.upperBound < labelNames.count {
            canvas.set(x: labelWidth - 1, y: 2 * labels.count, Self.moreBelow, style: theme[.muted])
        }
    }

    /// `part` as a percentage of `whole` with one decimal ("97.3%"), "0%" for none.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard part > 0, whole > 0 else { return "0%" }
        return String(format: "%.1f%%", Double(part) / Double(whole) * 100)
    }
}
