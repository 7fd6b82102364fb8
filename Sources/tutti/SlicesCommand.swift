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
        where the error of a row is a wrong prediction (--metric error), its absolute error |prediction - label| \
        (--metric mae, for a regression), its loss (--metric loss), a missed \
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
        classes), false-positive and false-negative rates, base rate, mean score, mean loss and the score's \
        expected calibration error (ECE, 10 equal-width bins), as the column roles allow; for a regression (a \
        numeric label with more than 20 values and a numeric prediction): MAE, RMSE, R² and mean error \
        (prediction - label). Rates come with 95% Wilson intervals, and each metric with its gap to all rows \
        passing --where. \
        Every slice is printed as a filter expression that selects its rows again (with --where).

        --per-class adds each class's precision, recall, F1 and support and their macro, micro and weighted \
        averages (as scikit-learn's classification_report): a table of all rows under the slices (table, \
        markdown), "per_class" in the overall metrics and in each slice's (json), or, in place of the slices, \
        one line per slice and class (csv).
        """
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Group by these columns (1 to 3, comma-separated).", valueName: "cols"))
    var by: String?

    @Flag(help: "Find the worst slices with SliceLine (the default without --by).") var discover = false
    @Flag(help: "Show every slice SliceLine finds, also those mostly inside a better slice (--discover).") var all = false

    @Option(help: ArgumentHelp("The columns SliceLine searches (comma-separated; default: every number, boolean and category without a role).",
                               valueName: "cols"))
    var columns: String?

    @OptionGroup var filter: WhereOption

    @Option(help: ArgumentHelp("What counts as an error (default: error with label and prediction columns, else loss); --by sorts by it.",
                               valueName: "metric"))
    var metric: Objective?

    @Option(help: ArgumentHelp("The fewest rows a slice may have (--discover default: max(32, 1% of the rows searched)).", valueName: "n"))
    var minSize: Int?

    @Option(help: ArgumentHelp("How many slices to show (--discover default: 10; --by: all).", valueName: "k"))
    var top: Int?

    @Option(help: ArgumentHelp("The most columns a found slice combines (default: 3).", valueName: "l"))
    var maxLevel: Int?

    @Option(help: ArgumentHelp("SliceLine's weight of the error against the size, above 0 and at most 1 (default: 0.95).",
                               valueName: "a"))
    var alpha: Double?

    @OptionGroup var binningOptions: SliceBinningOptions

    @Option(help: ArgumentHelp("The positive class of a binary task (default: 1, true, or the rarer label).", valueName: "value"))
    var positive: String?

    @Flag(help: "Add precision, recall, F1 and support per class, with macro, micro and weighted averages.")
    var perClass = false

    @Option(help: ArgumentHelp("With a database and --discover: search a random sample of this many rows passing --where "
                               + "(default: 100,000); the slices found are then measured by the database over every row.",
                               valueName: "n"))
    var sample: Int?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: AnswerFormat = .table

    enum Objective: String, ExpressibleByArgument, CaseIterable {
        case error, mae, loss, fnr, fpr

        var objective: SliceObjective {
            switch self {
            case .error: .error
            case .mae: .absoluteError
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
        if let sample {
            if by != nil { throw ValidationError("--sample applies to --discover, not --by") }
            if !data.isDatabase { throw ValidationError("--sample applies to a database; a file is searched whole") }
            if sample < 1 { throw ValidationError("--sample must be at least 1, got \(sample)") }
        }
        for (flag, value) in [("--min-size", minSize), ("--top", top), ("--max-level", maxLevel)] {
            if let value, value < 1 { throw ValidationError("\(flag) must be at least 1, got \(value)") }
        }
    }

    func run() throws {
        // Quantile bins need every value: the database's rows are pulled for them, as for a file.
        if data.isDatabase, by == nil || binningOptions.quantiles == nil { return try runOnDatabase() }
        let (dataset, roles) = try data.load()
        let rows = try filter.rows(in: dataset)
        let evaluator = try SliceEvaluator(dataset: dataset, roles: roles, positiveClass: positive)
        let objective = try objective(evaluator)
        let binning = binningOptions.binning
        var report: SliceReport
        if let by {
            try checkGrouped(evaluator, objective)
            report = try SliceReport.grouped(dataset: dataset, evaluator: evaluator, columns: CommaList.names(by), binning: binning,
                                             filter: rows)
            trimGrouped(&report, objective)
        } else {
            let options = SliceLineOptions(alpha: alpha ?? 0.95, minimumSupport: minSize, maxLevel: maxLevel ?? 3,
                                           count: top ?? 10)
            if columns == nil, SliceSearchColumns(dataset: dataset, roles: roles, rows: rows).searched.isEmpty {
                throw TuttiError("there is no column to search for slices (every column has a role or holds text); "
                                 + "compare groups with --by COL")
            }
            report = try SliceReport.discovered(dataset: dataset, roles: roles, evaluator: evaluator, objective: objective,
                                                columns: columns.map(CommaList.names), binning: binning, options: options,
                                                ordering: all ? .all : .diverse, filter: rows)
        }
        try write(SlicesOutput(report: report, evaluator: evaluator, objective: objective, binning: binning, name: data.displayName,
                               rowCount: dataset.rowCount, filter: filter.expression, grouping: by.map(CommaList.names),
                               shown: top ?? 10, perClass: perClass))
    }

    /// The objective asked for (or the roles' default); checks that `--per-class` has classes.
    func objective(_ evaluator: SliceEvaluator) throws -> SliceObjective {
        if perClass, evaluator.classes == nil {
            throw TuttiError("--per-class needs label and prediction columns (set them with --label and --prediction)")
        }
        return try metric?.objective ?? defaultObjective(evaluator)
    }

    /// Checks that the roles allow sorting groups by `objective`.
    func checkGrouped(_ evaluator: SliceEvaluator, _ objective: SliceObjective) throws {
        guard evaluator.availableMetrics.contains(objective.metric) else {
            let needs = switch objective {
            case .loss: "a loss column (--loss)"
            case .absoluteError: "a numeric label with many values and a numeric prediction"
            default: "label and prediction columns with classes (--label, --prediction)"
            }
            throw TuttiError("--metric \(objective.rawValue) needs " + needs)
        }
    }

    /// Groups sorted by the objective's metric, without those under `--min-size`, the first `--top`.
    func trimGrouped(_ report: inout SliceReport, _ objective: SliceObjective) {
        report.sort(by: objective.metric)
        if let minSize { report.entries.removeAll { $0.metrics.size < minSize } }
        if let top { report.entries = Array(report.entries.prefix(top)) }
    }

    /// Prints `output` in the format asked for.
    func write(_ output: SlicesOutput) throws {
        switch format {
        case .table:
            try Console.table(output.heading() + "\n" + output.table(full: false).renderAligned()
                              + (output.perClassTable().map { "\n" + output.perClassHeading() + "\n" + $0.renderAligned() } ?? ""))
        case .markdown:
            try Console.output(output.heading() + "\n" + output.table(full: false).renderMarkdown()
                               + (output.perClassTable().map { "\n" + output.perClassHeading() + "\n\n" + $0.renderMarkdown() } ?? ""))
        case .csv: try Console.output((output.perClassLongTable() ?? output.table(full: true)).renderCSV())
        case .json: try Console.output(try output.json() + "\n")
        }
    }

    func defaultObjective(_ evaluator: SliceEvaluator) throws -> SliceObjective {
        if let objective = evaluator.defaultObjective { return objective }
        throw TuttiError("slices need label and prediction columns or a loss column (set them with --label, --prediction, --loss)")
    }
}
