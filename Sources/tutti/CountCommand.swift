import ArgumentParser
import TuttiCore

/// `tutti count`: how many rows pass a filter expression.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Print how many rows pass a filter expression (all rows without --where)."
    )

    @OptionGroup var data: DataOptions

    @OptionGroup var columns: ReadColumnsOption

    @OptionGroup var filter: WhereOption

    func run() throws {
        let (dataset, _) = try data.load(columns: columns.names)
        try Console.output("\(try filter.rows(in: dataset).count)\n")
    }
}

