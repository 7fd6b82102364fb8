import Foundation
import TuttiCore

/// The output of `tutti slices`: a heading, a table (text, Markdown, CSV) or JSON.
struct SlicesOutput {
    let report: SliceReport
    let evaluator: SliceEvaluator
    let objective: SliceObjective
    let binning: SliceBinning
    let name: String
    /// The rows of the whole table.
    let rowCount: Int
    let filter: String?
    let grouping: [String]?
    /// The most slices a search shows (`--top`).
    let shown: Int
    /// Whether per-class metrics were asked for (`--per-class`).
    let perClass: Bool
    /// For slices found on a sample of a database's rows: its size and the rows drawn from.
    var sample: SliceReportJSON.Sample? = nil

    /// The metrics shown in text tables besides the objective's, when the roles allow them.
    private static let tableMetrics: [SliceMetric] = [.error, .fpr, .fnr, .f1, .mae, .rmse, .r2, .meanError, .meanLoss]

    /// What was measured, on which rows, how.
    func heading() -> String {
        let filtered = report.overall.size
        var lines = ["\(name): \(NumberFormatting.grouped(filtered)) of \(NumberFormatting.grouped(rowCount)) rows"
                     + (filter.map { " (where \($0))" } ?? "") + classesNote()]
        if let grouping {
            lines.append("slices of \(grouping.joined(separator: ", ")), numbers in \(binning.description), "
                         + "sorted by \(objective.metric.title)")
        } else if let search = report.search {
            let columns = search.features.count
            lines.append("SliceLine on \(objective.rawValue) over \(NumberFormatting.grouped(search.rowCount)) rows and "
                         + "\(columns) column\(columns == 1 ? "" : "s") (numbers in \(binning.description)): "
                         + "minimum size \(NumberFormatting.grouped(search.minimumSupport)), "
                         + "\(NumberFormatting.grouped(search.evaluated)) slices evaluated"
                         + (report.skippedSimilar > 0
                            ? "; \(NumberFormatting.grouped(report.skippedSimilar)) mostly inside a better slice skipped (--all shows them)"
                            : ""))
            if let sample {
                lines.append("slices found on sample \(NumberFormatting.grouped(sample.rows)) of \(NumberFormatting.grouped(sample.of)) "
                             + "rows; their sizes and metrics below are exact, counted by the database over every row")
            }
        }
        if let ece = report.overall.value(.ece) {
            lines.append("expected calibration error (ECE) of the score: \(NumberFormatting.fixed(ece)) over 10 equal-width bins")
        }
        if !report.excludedColumns.isEmpty {
            lines.append("left out: " + report.excludedColumns.map { "\($0.name) (\($0.because))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func classesNote() -> String {
        if evaluator.regression != nil { return "; regression (numeric label and prediction)" }
        guard let classes = evaluator.classes else { return "" }
        if let positive = classes.positive { return "; positive class \(classes.classes[positive])" }
        return "; \(classes.classes.count) classes (macro averages)"
    }

    /// The slices with the overall row first. `full`: every metric with its interval and gap (CSV);
    /// otherwise the objective with its interval and gap, then a few other metrics, the slice last.
    func table(full: Bool) -> TextTable {
        let available = evaluator.availableMetrics
        let scored = report.search != nil
        if full {
            var headers = ["slice", "size", "share"]
            for metric in available {
                headers.append(metric.rawValue)
                if evaluator.isRate(metric) { headers += [metric.rawValue + "_low", metric.rawValue + "_high"] }
                headers.append(metric.rawValue + "_gap")
            }
            if scored { headers.append("score") }
            let rows = lines().map { line -> [String] in
                var cells = [line.slice, String(line.metrics.size), raw(line.metrics.share)]
                for metric in available {
                    cells.append(raw(line.metrics.value(metric)))
                    if evaluator.isRate(metric) {
                        let interval = line.metrics.interval(metric)
                        cells += [raw(interval?.lower), raw(interval?.upper)]
                    }
                    cells.append(line.isOverall ? "" : raw(line.metrics.gap(metric, to: report.overall)))
                }
                if scored { cells.append(raw(line.score)) }
                return cells
            }
            return TextTable(headers: headers, rows: rows)
        }
        let main = objective.metric
        let others = Self.tableMetrics.filter { $0 != main && available.contains($0) }
        var headers = ["rows", "share", main.title]
        if evaluator.isRate(main) { headers.append("95% CI") }
        headers.append("gap")
        headers += others.map(\.title)
        if scored { headers.append("score") }
        headers.append("slice")
        let rows = lines().map { line -> [String] in
            var cells = [NumberFormatting.grouped(line.metrics.size), NumberFormatting.percent(line.metrics.share, marksTiny: false),
                         fixed(line.metrics.value(main))]
            if evaluator.isRate(main) {
                cells.append(line.metrics.interval(main).map { "\(fixed($0.lower, 3))–\(fixed($0.upper, 3))" } ?? "")
            }
            cells.append(line.isOverall ? "" : NumberFormatting.signed(line.metrics.gap(main, to: report.overall), marksZero: false))
            cells += others.map { fixed(line.metrics.value($0)) }
            if scored { cells.append(line.score.map { fixed($0) } ?? "") }
            cells.append(line.slice)
            return cells
        }
        return TextTable(headers: headers, rows: rows, rightAligned: Set(0..<(headers.count - 1)))
    }

    private struct Line {
        let slice: String
        let metrics: SliceMetrics
        let score: Double?
        let isOverall: Bool
    }

    private func lines() -> [Line] {
        [Line(slice: filter.map { "(all rows where \($0))" } ?? "(all rows)", metrics: report.overall, score: nil,
              isOverall: true)]
            + report.entries.map { Line(slice: $0.expression, metrics: $0.metrics, score: $0.score, isOverall: false) }
    }

    private func raw(_ value: Double?) -> String { value.map(NumberFormatting.shortest) ?? "" }
    private func fixed(_ value: Double?, _ decimals: Int = 4) -> String {
        value.map { NumberFormatting.fixed($0, decimals: decimals) } ?? ""
    }

    /// The report as JSON (see `SliceReportJSON`).
    func json() throws -> String {
        var document = SliceReportJSON(report: report, evaluator: evaluator, objective: objective, binning: binning, name: name,
                                       rowCount: rowCount, filter: filter, shown: shown, perClass: perClass)
        document.sample = sample
        return try document.text()
    }

    /// The line above the per-class table.
    func perClassHeading() -> String {
        "per class, " + (filter.map { "all rows where \($0)" } ?? "all rows") + ":"
    }

    /// The per-class metrics of all rows (with `--per-class`).
    func perClassTable() -> TextTable? {
        guard perClass, let classes = evaluator.classes,
              let metrics = PerClassMetrics(metrics: report.overall, classes: classes) else { return nil }
        return PerClassTable.table(metrics)
    }

    /// The per-class metrics of all rows and of each slice, one line per slice and class (with
    /// `--per-class`).
    func perClassLongTable() -> TextTable? {
        guard perClass, let classes = evaluator.classes else { return nil }
        return PerClassTable.long(lines().compactMap { line in
            PerClassMetrics(metrics: line.metrics, classes: classes).map { (line.slice, $0) }
        })
    }
}
