import ArgumentParser
import Foundation
import TuttiCore

/// `tutti info`: rows and a summary of every column.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print the row count and, per column: kind, role, missing, distinct, min / max / mean, top values."
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Read only these columns, in this order (comma-separated; a Parquet file reads only "
                               + "their column chunks).", valueName: "cols"))
    var columns: String?

    @Option(help: "Output format: table or json.")
    var format: InfoFormat = .table

    enum InfoFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func validate() throws {
        if let columns, CommaList.names(columns).isEmpty { throw ValidationError("--columns needs at least one column name") }
    }

    func run() throws {
        let (dataset, roles) = try data.load(columns: columns.map(CommaList.names))
        let summaries = ColumnSummary.compute(dataset, roles: roles)
        switch format {
        case .json: try Console.output(try InfoReport(dataset: dataset, roles: roles, summaries: summaries).json() + "\n")
        case .table: try Console.table(InfoReport(dataset: dataset, roles: roles, summaries: summaries).table())
        }
    }
}
