import ArgumentParser
import TuttiCore

/// `tutti count`: how many rows pass a filter expression.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Print how many rows pass a filter expression (all rows without --where)."
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Read only these columns, in this order (comma-separated; a Parquet file reads only "
                               + "their column chunks).", valueName: "cols"))
    var columns: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("A filter expression, e.g. 'split == \"test\" and label != prediction'.",
                                                            valueName: "expr"))
    var expression: String?

    func validate() throws {
        if let columns, CommaList.names(columns).isEmpty { throw ValidationError("--columns needs at least one column name") }
    }

    func run() throws {
        let (dataset, _) = try data.load(columns: columns.map(CommaList.names))
        try Console.output("\(try FilterOption.rows(expression, in: dataset).count)\n")
    }
}

/// The `--where` option shared by headless commands.
enum FilterOption {
    /// The rows passing `expression` (every row when nil or blank). Throws the expression error
    /// with a caret under the culprit.
    static func rows(_ expression: String?, in dataset: Dataset) throws -> RowSet {
        guard let expression, !expression.allSatisfy(\.isWhitespace) else {
            return RowSet(rowCount: dataset.rowCount, allSet: true)
        }
        do {
            return try FilterExpression(expression, dataset: dataset).evaluate(dataset)
        } catch {
            throw TuttiError("--where: " + error.description)
        }
    }
}
