import ArgumentParser
import Foundation
import TuttiCore

/// `tutti slices`: metrics per slice, for slices grouped by columns or found by SliceLine.
struct SlicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slices",
        abstract: "Show where the model does badly: metrics per slice of the rows, by columns (--by) or found by SliceLine (--discover).",
        discussion: """
        --by COL,... groups the rows by 1 to 3 columns: every non-empty combination of their values is a slice \
        (categories and booleans by value, numbers in bins, missing cells as their own value), sorted by --metric.

        --discover (the default without --by) runs SliceLine (Sagadeeva & Boehm, SIGMOD 2021): the --top slices \
        of up to --max-level columns with at least --min-size rows that maximise \
        score = alpha * (slice error / mean error - 1) - (1 - alpha) * (rows / slice rows - 1), \
        where the error of a row is a wrong prediction (--metric error), its loss (--metric loss), a missed \
        positive among the positive rows (--metric fnr) or a false alarm among the negative rows (--metric fpr). \
        It searches every number, boolean and category column without a role, less the columns that copy the label \
        or the prediction under other values (like a text income beside a 0/1 label), unless --columns names them; \
        the columns left out are listed with the reason. SliceLine's best slices are often one slice in many \
        spellings, so a slice more than 90% of whose rows lie in a better slice shown is skipped (from 10 times \
        --top candidates); --all shows every slice found.

        Numbers are cut into about --bins equal-width bins (default 10, nice edges; integers with few values \
        get one slice per value) or, with --quantiles K, into K bins holding about equal numbers of the rows \
        passing --where. The first bin has no lower bound and the last no upper bound (age < 20, age >= 80): \
        they hold -inf and inf too; NaN is in no slice, missing cells are a slice of their own (is null).

        Metrics over the rows passing --where: rows, share, accuracy, error, precision, recall, F1 (binary, \
        with the positive class 1 / true / the rarer label unless --positive; macro averages for more \
        classes), false-positive and false-negative rates, base rate, mean score and mean loss, as the column \
        roles allow; rates with 95% Wilson intervals, and each metric's gap to all rows passing --where. \
        Every slice is printed as a filter expression that selects its rows again (with --where).
        """
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Group by these columns (1 to 3, comma-separated).", valueName: "cols"))
    var by: String?

    @Flag(help: "Find the worst slices with SliceLine (the default without --by).")
    var discover = false

    @Flag(help: "Show every slice SliceLine finds, also those mostly inside a better slice (--discover).")
    var all = false

    @Option(help: ArgumentHelp("The columns SliceLine searches (comma-separated; default: every number, boolean and category without a role).",
                               valueName: "cols"))
    var columns: String?

    @Option(name: .customLong("where"),
            help: ArgumentHelp("Use only the rows passing this filter expression, e.g. 'split == \"test\"'.", valueName: "expr"))
    var expression: String?

    @Option(help: ArgumentHelp("What counts as an error (default: error with label and prediction columns, else loss); --by sorts by it.",
                               valueName: "metric"))
    var metric: Objective?

    @Option(help: ArgumentHelp("The fewest rows a slice may have (--discover default: max(32, 1% of the rows searched)).",
                               valueName: "n"))
    var minSize: Int?

    @Option(help: ArgumentHelp("How many slices to show (--discover default: 10; --by: all).", valueName: "k"))
    var top: Int?

    @Option(help: ArgumentHelp("The most columns a found slice combines (default: 3).", valueName: "l"))
    var maxLevel: Int?

    @Option(help: ArgumentHelp("SliceLine's weight of the error against the size, above 0 and at most 1 (default: 0.95).",
                               valueName: "a"))
    var alpha: Double?

    @Option(help: ArgumentHelp("Cut numbers into about this many equal-width bins (default: 10).", valueName: "n"))
    var bins: Int?

    @Option(help: ArgumentHelp("Cut numbers into this many quantile bins instead.", valueName: "k"))
    var quantiles: Int?

    @Option(help: ArgumentHelp("The positive class of a binary task (default: 1, true, or the rarer label).", valueName: "value"))
    var positive: String?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: SlicesFormat = .table

    enum SlicesFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown }

    enum Objective: String, ExpressibleByArgument, CaseIterable {
        case error, loss, fnr, fpr

        var objective: SliceObjective {
            switch self {
            case .error: .error
            case .loss: .loss
            case .fnr: .fnr
            case .fpr: .fpr
            }
        }
    }

    func validate() throws {
        if let by {
            if discover { throw ValidationError("give --by or --discover, not both") }
            let count = CommaList.names(by).count
            guard (1...SliceGroups.maxColumns).contains(count) else {
                throw ValidationError("--by takes 1 to \(SliceGroups.maxColumns) columns, got \(count)")
            }
            let searchOnly = [("--columns", columns != nil), ("--max-level", maxLevel != nil), ("--alpha", alpha != nil),
                              ("--all", all)]
            if let flag = searchOnly.first(where: { $0.1 })?.0 { throw ValidationError("\(flag) applies to --discover, not --by") }
        }
        if let columns, CommaList.names(columns).isEmpty { throw ValidationError("--columns needs at least one column name") }
        if let alpha, !(alpha > 0 && alpha <= 1) { throw ValidationError("--alpha must be above 0 and at most 1, got \(alpha)") }
        for (flag, value) in [("--min-size", minSize), ("--top", top), ("--max-level", maxLevel), ("--bins", bins),
                              ("--quantiles", quantiles)] {
            if let value, value < 1 { throw ValidationError("\(flag) must be at least 1, got \(value)") }
        }
        if bins != nil, quantiles != nil { throw ValidationError("give --bins or --quantiles, not both") }
    }

    func run() throws {
        let (dataset, roles) = try data.load()
        let filter = try FilterOption.rows(expression, in: dataset)
        let evaluator = try SliceEvaluator(dataset: dataset, roles: roles, positiveClass: positive)
        let objective = try metric?.objective ?? defaultObjective(evaluator)
        let binning = quantiles.map(SliceBinning.quantiles) ?? .equalWidth(bins ?? 10)
        var report: SliceReport
        if let by {
            guard evaluator.availableMetrics.contains(objective.metric) else {
                throw TuttiError("--metric \(objective.rawValue) needs "
                                 + (objective == .loss ? "a loss column (--loss)" : "label and prediction columns (--label, --prediction)"))
            }
            report = try SliceReport.grouped(dataset: dataset, evaluator: evaluator, columns: CommaList.names(by), binning: binning,
                                             filter: filter)
            report.sort(by: objective.metric)
            if let minSize { report.entries.removeAll { $0.metrics.size < minSize } }
            if let top { report.entries = Array(report.entries.prefix(top)) }
        } else {
            let options = SliceLineOptions(alpha: alpha ?? 0.95, minimumSupport: minSize, maxLevel: maxLevel ?? 3,
                                           count: top ?? 10)
            if columns == nil, SliceSearchColumns(dataset: dataset, roles: roles, rows: filter).searched.isEmpty {
                throw TuttiError("there is no column to search for slices (every column has a role or holds text); "
                                 + "compare groups with --by COL")
            }
            report = try SliceReport.discovered(dataset: dataset, roles: roles, evaluator: evaluator, objective: objective,
                                                columns: columns.map(CommaList.names), binning: binning, options: options,
                                                ordering: all ? .all : .diverse, filter: filter)
        }
        let output = SlicesOutput(report: report, evaluator: evaluator, objective: objective, binning: binning,
                                  name: data.displayName, dataset: dataset, filter: expression, grouping: by.map(CommaList.names),
                                  shown: top ?? 10)
        switch format {
        case .table: try Console.table(output.heading() + "\n" + output.table(full: false).renderAligned())
        case .markdown: try Console.output(output.heading() + "\n" + output.table(full: false).renderMarkdown())
        case .csv: try Console.output(output.table(full: true).renderCSV())
        case .json: try Console.output(try output.json() + "\n")
        }
    }

    private func defaultObjective(_ evaluator: SliceEvaluator) throws -> SliceObjective {
        if evaluator.classes != nil { return .error }
        if evaluator.availableMetrics.contains(.meanLoss) { return .loss }
        throw TuttiError("slices need label and prediction columns or a loss column (set them with --label, --prediction, --loss)")
    }

}

/// The output of `tutti slices`: a heading, a table (text, Markdown, CSV) or JSON.
struct SlicesOutput {
    let report: SliceReport
    let evaluator: SliceEvaluator
    let objective: SliceObjective
    let binning: SliceBinning
    let name: String
    let dataset: Dataset
    let filter: String?
    let grouping: [String]?
    /// The most slices a search shows (`--top`).
    let shown: Int

    /// The metrics shown in text tables besides the objective's, when the roles allow them.
    private static let tableMetrics: [SliceMetric] = [.error, .fpr, .fnr, .f1, .meanLoss]

    /// What was measured, on which rows, how.
    func heading() -> String {
        let filtered = report.overall.size
        var lines = ["\(name): \(NumberFormatting.grouped(filtered)) of \(NumberFormatting.grouped(dataset.rowCount)) rows"
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
        }
        if !report.excludedColumns.isEmpty {
            lines.append("left out: " + report.excludedColumns.map { "\($0.name) (\($0.because))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func classesNote() -> String {
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
            var cells = [NumberFormatting.grouped(line.metrics.size), percent(line.metrics.share), fixed(line.metrics.value(main))]
            if evaluator.isRate(main) {
                cells.append(line.metrics.interval(main).map { "\(fixed($0.lower, 3))–\(fixed($0.upper, 3))" } ?? "")
            }
            cells.append(line.isOverall ? "" : signed(line.metrics.gap(main, to: report.overall)))
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
    private func fixed(_ value: Double?, _ digits: Int = 4) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "" }
    private func signed(_ value: Double?) -> String { value.map { String(format: "%+.4f", $0) } ?? "" }
    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    /// `{"file", "rows", "filtered", "where", "mode", "metric", "positive", "binning", "search",
    /// "excluded": [{"column", "reason"}], "overall": {metrics}, "slices": [{"predicates", "expression", "size",
    /// "metrics", "score"}]}`.
    func json() throws -> String {
        let available = evaluator.availableMetrics
        let proportions = Set(available.filter(evaluator.isRate))
        let search = report.search.map { result in
            SearchJSON(alpha: result.options.alpha, minSize: result.minimumSupport, maxLevel: result.options.maxLevel,
                       k: shown, rows: result.rowCount, meanError: result.averageError,
                       columns: result.features.map(\.column), evaluated: result.evaluated)
        }
        let document = DocumentJSON(
            file: name, rows: dataset.rowCount, filtered: report.overall.size, where: filter,
            mode: report.search == nil ? "groups" : "discover", metric: objective.rawValue,
            positive: evaluator.classes.flatMap { classes in classes.positive.map { classes.classes[$0] } },
            binning: binning.description, search: search,
            excluded: report.excludedColumns.map { ExcludedJSON(column: $0.name, reason: $0.because) },
            overall: MetricsJSON(metrics: report.overall, overall: nil, available: available, proportions: proportions),
            slices: report.entries.map { entry in
                SliceJSON(predicates: entry.predicates.map { PredicateJSON(column: $0.column, op: $0.op, value: $0.jsonValue ?? .string($0.value)) },
                          expression: entry.expression, size: entry.metrics.size,
                          metrics: MetricsJSON(metrics: entry.metrics, overall: report.overall, available: available,
                                               proportions: proportions),
                          score: entry.score)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}

private struct DocumentJSON: Encodable {
    let file: String
    let rows: Int
    let filtered: Int
    let `where`: String?
    let mode: String
    let metric: String
    let positive: String?
    let binning: String
    let search: SearchJSON?
    let excluded: [ExcludedJSON]
    let overall: MetricsJSON
    let slices: [SliceJSON]

    enum CodingKeys: String, CodingKey {
        case file, rows, filtered, `where`, mode, metric, positive, binning, search, excluded, overall, slices
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(rows, forKey: .rows)
        try container.encode(filtered, forKey: .filtered)
        try container.encode(`where`, forKey: .where)
        try container.encode(mode, forKey: .mode)
        try container.encode(metric, forKey: .metric)
        try container.encode(positive, forKey: .positive)
        try container.encode(binning, forKey: .binning)
        try container.encode(search, forKey: .search)
        try container.encode(excluded, forKey: .excluded)
        try container.encode(overall, forKey: .overall)
        try container.encode(slices, forKey: .slices)
    }
}

private struct SearchJSON: Encodable {
    let alpha: Double
    let minSize: Int
    let maxLevel: Int
    let k: Int
    let rows: Int
    let meanError: Double
    let columns: [String]
    let evaluated: Int

    enum CodingKeys: String, CodingKey {
        case alpha, minSize = "min_size", maxLevel = "max_level", k, rows, meanError = "mean_error", columns, evaluated
    }
}

private struct ExcludedJSON: Encodable {
    let column: String
    let reason: String
}

private struct PredicateJSON: Encodable {
    let column: String
    let op: String
    /// The value as JSON data (`"Male"`, `40`, `null`); the slice's `expression` has it as text.
    let value: PredicateValue
}

private struct SliceJSON: Encodable {
    let predicates: [PredicateJSON]
    let expression: String
    let size: Int
    let metrics: MetricsJSON
    let score: Double?

    enum CodingKeys: String, CodingKey { case predicates, expression, size, metrics, score }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(predicates, forKey: .predicates)
        try container.encode(expression, forKey: .expression)
        try container.encode(size, forKey: .size)
        try container.encode(metrics, forKey: .metrics)
        try container.encode(score, forKey: .score)
    }
}

/// `{"size", "share", "<metric>", "<metric>_low", "<metric>_high", "<metric>_gap", …}`: every
/// metric the roles allow (null where a slice has no row to measure it), intervals for rates, gaps
/// for slices.
private struct MetricsJSON: Encodable {
    let metrics: SliceMetrics
    let overall: SliceMetrics?
    let available: [SliceMetric]
    let proportions: Set<SliceMetric>

    struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(metrics.size, forKey: Key("size"))
        try container.encode(metrics.share, forKey: Key("share"))
        for metric in available {
            let name = metric.rawValue
            try container.encode(metrics.value(metric), forKey: Key(name))
            if proportions.contains(metric) {
                let interval = metrics.interval(metric)
                try container.encode(interval?.lower, forKey: Key(name + "_low"))
                try container.encode(interval?.upper, forKey: Key(name + "_high"))
            }
            if let overall { try container.encode(metrics.gap(metric, to: overall), forKey: Key(name + "_gap")) }
        }
    }
}
