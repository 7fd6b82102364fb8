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

    @OptionGroup var filter: WhereOption

    func validate() throws {
        if let columns, CommaList.names(columns).isEmpty { throw ValidationError("--columns needs at least one column name") }
    }

    func run() throws {
        let (dataset, _) = try data.load(columns: columns.map(CommaList.names))
        try Console.output("\(try filter.rows(in: dataset).count)\n")
    }
}

