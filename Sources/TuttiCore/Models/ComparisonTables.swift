/// A comparison of two models as text tables, the way `tutti compare` prints them.
public struct ComparisonTables: Sendable {
    public let comparison: ModelComparison

    public init(_ comparison: ModelComparison) {
        self.comparison = comparison
    }

    /// The metrics shown per model, as the roles allow.
    private static let shownMetrics: [SliceMetric] = [.accuracy, .error, .f1, .fpr, .fnr, .ece, .mae, .rmse, .r2, .meanError, .meanLoss]

    /// One line per model: its columns and metrics over the filtered rows.
    public func overall() -> TextTable {
        let metrics = Self.shownMetrics.filter { metric in comparison.evaluators.allSatisfy { $0.availableMetrics.contains(metric) } }
        let rows = comparison.models.indices.map { index in
            let model = comparison.models[index]
            return [model.name, model.prediction ?? "", model.score ?? ""]
                + metrics.map { NumberFormatting.metric(comparison.overall[index].value($0)) }
        }
        return TextTable(headers: ["model", "prediction", "score"] + metrics.map(\.title), rows: rows,
                         rightAligned: Set(3..<(3 + metrics.count)))
    }

    /// The agreement matrix: A right or wrong by B right or wrong, counts and shares of the rows
    /// both classify; nil for a regression.
    public func agreement() -> TextTable? {
        guard let counts = comparison.agreement else { return nil }
        let total = counts.bothRight + counts.onlyA + counts.onlyB + counts.bothWrong
        let cell = { (count: Int) in "\(NumberFormatting.grouped(count)) (\(NumberFormatting.percent(count, of: total)))" }
        let a = comparison.models[0].name, b = comparison.models[1].name
        return TextTable(headers: ["", "\(b) right", "\(b) wrong"],
                         rows: [["\(a) right", cell(counts.bothRight), cell(counts.onlyA)],
                                ["\(a) wrong", cell(counts.onlyB), cell(counts.bothWrong)]],
                         rightAligned: [1, 2])
    }

    /// One line per slice: its rows, each model's metric, the delta (A − B) and the slice.
    public func slices() -> TextTable {
        let metric = comparison.metric, names = comparison.models.map(\.name)
        let rows = comparison.slices.map { slice in
            [NumberFormatting.grouped(slice.metrics[0].size)]
                + slice.metrics.map { NumberFormatting.metric($0.value(metric)) }
                + [NumberFormatting.signed(comparison.delta(slice.metrics)), slice.expression]
        }
        return TextTable(headers: ["rows"] + names.map { "\($0) \(metric.title)" } + ["delta", "slice"], rows: rows,
                         rightAligned: [0, 1, 2, 3])
    }

    /// The slices for CSV: `slice, size, <a>_<metric>, <b>_<metric>, delta`, numbers in full.
    public func slicesCSV() -> TextTable {
        let metric = comparison.metric
        let raw = { (value: Double?) in value.map(NumberFormatting.shortest) ?? "" }
        let rows = comparison.slices.map { slice in
            [slice.expression, String(slice.metrics[0].size)] + slice.metrics.map { raw($0.value(metric)) }
                + [raw(comparison.delta(slice.metrics))]
        }
        return TextTable(headers: ["slice", "size"] + comparison.models.map { "\($0.name)_\(metric.rawValue)" } + ["delta"],
                         rows: rows)
    }
}
