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

    @OptionGroup var columns: ReadColumnsOption

    @Option(help: "Output format: table or json.")
    var format: InfoFormat = .table

    enum InfoFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        let (dataset, roles) = try data.load(columns: columns.names)
        let summaries = ColumnSummary.compute(dataset, roles: roles)
        switch format {
        case .json: try Console.output(try InfoReport(dataset: dataset, roles: roles, summaries: summaries).json() + "\n")
        case .table: try Console.table(InfoReport(dataset: dataset, roles: roles, summaries: summaries).table())
        }
    }
}
