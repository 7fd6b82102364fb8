import TuttiCore
import TuttiTerminal

/// The per-class metrics under a confusion matrix: each class's precision, recall, F1 and
/// support, then the macro, micro and weighted averages (`PerClassMetrics`, as scikit-learn's
/// `classification_report`), counted from the matrix itself so that they follow the filter and
/// the threshold at no extra cost. Only when every bin holding rows is one class (no "other"
/// bin, no numeric range); rows missing a label or a prediction are not counted.
struct ConfusionClassScores {
    let metrics: PerClassMetrics

    /// The scores of `counts`, or nil when a bin with rows holds more than one value.
    init?(_ counts: ConfusionCounts) {
        let labels = counts.labels, predictions = counts.predictions
        let labelBins = 0..<labels.binCount, predictionBins = 0..<predictions.binCount
        let labelRows = labelBins.map { l in predictionBins.reduce(0) { $0 + counts.filtered[l][$1] } }
        let predictionRows = predictionBins.map { p in labelBins.reduce(0) { $0 + counts.filtered[$1][p] } }
        guard labelBins.allSatisfy({ labelRows[$0] == 0 || Self.isOneValue(labels, $0) }),
              predictionBins.allSatisfy({ predictionRows[$0] == 0 || Self.isOneValue(predictions, $0) }) else { return nil }
        var names: [String] = []
        for l in labelBins where labelRows[l] > 0 { names.append(labels.labels[l]) }
        for p in predictionBins where predictionRows[p] > 0 && !names.contains(predictions.labels[p]) {
            names.append(predictions.labels[p])
        }
        guard !names.isEmpty else { return nil }
        let labelBin = Dictionary(labelBins.map { (labels.labels[$0], $0) }, uniquingKeysWith: { first, _ in first })
        let predictionBin = Dictionary(predictionBins.map { (predictions.labels[$0], $0) }, uniquingKeysWith: { first, _ in first })
        let correct = names.map { name in
            labelBin[name].flatMap { l in predictionBin[name].map { counts.filtered[l][$0] } } ?? 0
        }
        let labelled = names.map { labelBin[$0].map { labelRows[$0] } ?? 0 }
        let predicted = names.map { predictionBin[$0].map { predictionRows[$0] } ?? 0 }
        metrics = PerClassMetrics(counts: ClassCounts(correct: correct, labelled: labelled, predicted: predicted), names: names)
    }

    /// Whether bin `bin` holds a single value (a class).
    private static func isOneValue(_ binning: ColumnBinning, _ bin: Int) -> Bool {
        switch binning.range(of: bin...bin) {
        case .numeric(let lower, let upper, _): lower == upper
        case .values(let values): values.count == 1
        }
    }

    /// The table's lines: a header, one line per class, then the averages.
    var lines: [(text: String, isHeader: Bool)] {
        let width = max(13, (metrics.classes.map { DisplayWidth.of($0.name) }.max() ?? 0) + 1)
        func line(_ name: String, _ values: [Double?], support: Int) -> String {
            TextFitting.fit(name, width - 1, ellipsis: "…").padding(toLength: width, withPad: " ", startingAt: 0)
                + values.map { Self.column(NumberFormatting.metric($0)) }.joined()
                + Self.column(NumberFormatting.grouped(support))
        }
        var lines = [(TextFitting.fit("class", width - 1, ellipsis: "…").padding(toLength: width, withPad: " ", startingAt: 0)
                      + ["precision", "recall", "F1", "support"].map(Self.column).joined(), true)]
        for scores in metrics.classes {
            lines.append((line(scores.name, [scores.precision, scores.recall, scores.f1], support: scores.support), false))
        }
        for (name, average) in [("macro avg", metrics.macro), ("micro avg", metrics.micro), ("weighted avg", metrics.weighted)] {
            guard let average else { continue }
            lines.append((line(name, [average.precision, average.recall, average.f1], support: metrics.support), true))
        }
        return lines
    }

    private static func column(_ text: String) -> String {
        String(repeating: " ", count: max(1, 11 - text.count)) + text
    }
}
