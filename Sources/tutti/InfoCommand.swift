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

    @OptionGroup var filter: WhereOption

    @Option(help: "Output format: table or json.")
    var format: InfoFormat = .table

    enum InfoFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        let source = try data.openSource(columns: columns.names)
        let summaries = try filter.asking { try source.summaries(where: $0, topCount: 3) }
        let rows = filter.expression == nil ? nil : try filter.asking { try source.rowCount(where: $0) }
        let report = if let memory = source as? MemorySource {
            InfoReport(dataset: memory.dataset, roles: memory.roles, summaries: summaries, rows: rows)
        } else {
            InfoReport(source: source, rows: try rows ?? source.rowCount(where: ""), summaries: summaries)
        }
        switch format {
        case .json: try Console.output(try report.json() + "\n")
        case .table: try Console.table(report.table())
        }
    }
}
