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
        let source = try data.openSource(columns: columns.names)
        try Console.output("\(try filter.asking { try source.rowCount(where: $0) })\n")
    }
}

