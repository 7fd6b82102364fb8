import ArgumentParser
import Foundation
import TuttiCore

/// `tutti compare`: two models side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two models: their metrics, how often they are right together, and the slices where one beats the other.",
        discussion: """
        --models a=prediction_a:score_a,b=prediction_b names the two models (the score is optional); an item \
        may also be a model the column names imply (prediction_a and score_a make model a) or a prediction \
        column. Without --models, the first two models the column names imply.

        The metrics of both over the rows passing --where; for classifications, the agreement matrix (both \
        right, only A right, only B right, both wrong) over the rows with a label and both predictions. \
        Then slices with each model's error (the mean absolute error for a regression) and the delta, A's \
        minus B's (positive where B does better): --by COL,... groups the rows (sorted by delta, largest \
        first); --discover (the default without --by) runs SliceLine on "A wrong and B right" (for a \
        regression, on how much A's absolute error exceeds B's) to find where B is better, over every \
        number, boolean and category column that is neither a model's nor plays a role.
        """
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("The two models: name=prediction[:score], a model name, or a prediction column (comma-separated).",
                               valueName: "models"))
    var models: String?

    @Option(help: ArgumentHelp("Group by these columns (1 to 3, comma-separated).", valueName: "cols"))
    var by: String?

    @Flag(help: "Find with SliceLine where model A is wrong and model B right (the default without --by).")
    var discover = false

    @OptionGroup var filter: WhereOption

    @Option(help: ArgumentHelp("How many slices to show (--discover default: 10; --by: all).", valueName: "k"))
    var top: Int?

    @Option(help: ArgumentHelp("The fewest rows a found slice may have (default: max(32, 1% of the rows searched)).",
                               valueName: "n"))
    var minSize: Int?

    @OptionGroup var binningOptions: SliceBinningOptions

    @Option(help: ArgumentHelp("The positive class of a binary task (default: 1, true, or the rarer label).", valueName: "value"))
    var positive: String?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: AnswerFormat = .table

    func validate() throws {
        if let by {
            if discover { throw ValidationError("give --by or --discover, not both") }
            let count = CommaList.names(by).count
            guard (1...SliceGroups.maxColumns).contains(count) else {
                throw ValidationError("--by takes 1 to \(SliceGroups.maxColumns) columns, got \(count)")
            }
        }
        for (flag, value) in [("--min-size", minSize), ("--top", top)] {
            if let value, value < 1 { throw ValidationError("\(flag) must be at least 1, got \(value)") }
        }
    }

    func run() throws {
        // SliceLine searches every number column; slices by columns and the models read the named ones.
        let named = CommaList.names(by ?? "") + (models ?? "").split(whereSeparator: { ",=:".contains($0) }).map(String.init)
        let (dataset, roles) = by == nil ? try data.load() : try data.load(keepingNumbers: named, filter: filter.expression)
        let rows = try filter.rows(in: dataset)
        let chosen = try ModelList.parse(models, dataset: dataset, roles: roles)
        var comparison = try ModelComparison(dataset: dataset, roles: roles, models: chosen, filter: rows, positiveClass: positive)
        if let by {
            try comparison.group(dataset: dataset, columns: CommaList.names(by), binning: binningOptions.binning, filter: rows)
            if let minSize { comparison.keepSlices { $0.metrics[0].size >= minSize } }
            if let top { comparison.keepSlices(first: top) }
        } else {
            try comparison.discover(dataset: dataset, roles: roles, binning: binningOptions.binning,
                                    options: SliceLineOptions(minimumSupport: minSize, count: top ?? 10), filter: rows)
        }
        let tables = ComparisonTables(comparison)
        let names = chosen.map(\.name)
        let heading = "\(data.displayName): \(NumberFormatting.grouped(rows.count)) of \(NumberFormatting.grouped(dataset.rowCount)) rows"
            + (filter.expression.map { " (where \($0))" } ?? "") + "; model A \(names[0]), model B \(names[1])\n"
        let slicesLine = by.map { "slices of \($0), delta = \(names[0]) − \(names[1]) \(comparison.metric.title), largest first" }
            ?? "SliceLine on \(names[0]) wrong and \(names[1]) right: where \(names[1]) does better"
        switch format {
        case .table, .markdown:
            let render = { (table: TextTable) in format == .table ? table.renderAligned() : table.renderMarkdown() }
            let gap = format == .table ? "\n" : "\n\n"
            var text = heading + "\n" + render(tables.overall())
            if let agreement = tables.agreement() { text += "\nagreement:" + gap + render(agreement) }
            text += "\n" + slicesLine + ":" + gap + render(tables.slices())
            if format == .table { try Console.table(text) } else { try Console.output(text) }
        case .csv:
            try Console.output(tables.slicesCSV().renderCSV())
        case .json:
            try Console.output(try ComparisonJSON(comparison: comparison, name: data.displayName, rowCount: dataset.rowCount,
                                                  filter: filter.expression).text() + "\n")
        }
    }
}
