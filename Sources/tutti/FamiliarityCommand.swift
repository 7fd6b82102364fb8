import ArgumentParser
import TuttiCore

/// `tutti familiarity`: every row's familiarity, least familiar first.
struct FamiliarityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "familiarity",
        abstract: "Score how typical each row is among the rows, from its nearest neighbours; least familiar first.",
        discussion: """
        A row's familiarity is the mean similarity to its k nearest neighbours (itself left out): cosine \
        similarity in the vector column (--vector, or the inferred one), or 1 / (1 + d / √m) for Euclidean \
        distance d in m numeric columns standardised to mean 0 and standard deviation 1 (--vector-columns). \
        Near 1: a row like many others; low: a row unlike the rest (an outlier, a rare case, a blind spot of \
        the data). Rows without a usable vector (missing, not finite, all zeros for cosine) get no score and \
        are not listed. With --where, rows are scored among the rows passing the filter.

        Up to 4,096 rows every pair is compared; above, an approximate index (random-projection trees and \
        neighbour descent) finds the neighbours. Row numbers are 0-based. To add the score as a column \
        elsewhere, use --derive familiarity=familiarity(COL).

        JSON output: {"rows": [{"row": N, "familiarity": X}, …]}.
        """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var vectors: VectorOptions

    @Option(help: ArgumentHelp("Neighbours per row (default 10).", valueName: "k"))
    var k = Familiarity.defaultK

    @Option(help: ArgumentHelp("List only the first N rows.", valueName: "n"))
    var limit: Int?

    @OptionGroup var filter: WhereOption

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1, got \(k)") }
        if let limit, limit < 0 { throw ValidationError("--limit must be at least 0, got \(limit)") }
    }

    func run() throws {
        let (dataset, roles) = try data.load(keepingNumbers: vectors.named, filter: filter.expression)
        let columns = try vectors.columns(in: dataset, roles: roles, vectorFlag: data.vector)
        let rows = try filter.rows(in: dataset)
        let progress = ProgressLine(enabled: Console.stderrIsTerminal)
        let familiarity = try Familiarity(columns: columns, k: k, rows: rows,
                                          context: WorkContext(progress: { progress.update($0) }))
        progress.finish()
        let order = familiarity.rowsLeastFamiliarFirst().prefix(limit ?? .max)
        let values = order.map { (row: $0, familiarity: familiarity.scores[$0]) }
        switch format {
        case .json:
            let items = values.map { "{\"row\":\($0.row),\"familiarity\":\(NumberFormatting.shortest($0.familiarity))}" }
            try Console.output("{\"rows\":[" + items.joined(separator: ",") + "]}\n")
        case .table, .csv, .markdown:
            let table = TextTable(headers: ["row", "familiarity"],
                                  rows: values.map { [String($0.row), NumberFormatting.fixed($0.familiarity)] },
                                  rightAligned: [0, 1])
            try EmbeddingOutput.write(table, format: format)
        }
    }
}

/// Writing the tables of the embedding commands.
enum EmbeddingOutput {
    /// `table` as aligned text, CSV or Markdown.
    static func write(_ table: TextTable, format: OutputFormat) throws {
        switch format {
        case .table: try Console.table(table.renderAligned())
        case .csv: try Console.output(table.renderCSV())
        case .markdown: try Console.output(table.renderMarkdown())
        case .json: preconditionFailure("JSON is written by the command")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
