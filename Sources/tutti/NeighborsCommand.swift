import ArgumentParser
import TuttiCore

/// `tutti neighbors`: the rows most like a given row.
struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "List the k rows most like a given row (its nearest neighbours), most similar first.",
        discussion: """
        Similarity is cosine similarity in the vector column (--vector, or the inferred one), or \
        1 / (1 + d / √m) for Euclidean distance d in m numeric columns standardised to mean 0 and standard \
        deviation 1 (--vector-columns); 1 means identical. The search is exact (one pass over the vectors). \
        With --where, neighbours come from the rows passing the filter. Row numbers are 0-based.

        JSON output: {"neighbors": [{"row": N, "similarity": X}, …]}.
        """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var vectors: VectorOptions

    @Option(help: ArgumentHelp("The row whose neighbours to list (0-based).", valueName: "n"))
    var row: Int

    @Option(help: ArgumentHelp("Neighbours to list (default 10).", valueName: "k"))
    var k = Familiarity.defaultK

    @OptionGroup var filter: WhereOption

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1, got \(k)") }
        if row < 0 { throw ValidationError("--row must be at least 0, got \(row)") }
    }

    func run() throws {
        let (dataset, roles) = try data.load(keepingNumbers: vectors.named, filter: filter.expression)
        let columns = try vectors.columns(in: dataset, roles: roles, vectorFlag: data.vector)
        var rows = try filter.rows(in: dataset)
        if row < dataset.rowCount { rows.insert(row) }
        let neighbors = try NearestNeighbors(columns: columns, rows: rows).neighbors(ofRow: row, k: k)
        switch format {
        case .json:
            let items = neighbors.map { "{\"row\":\($0.row),\"similarity\":\(NumberFormatting.shortest($0.similarity))}" }
            try Console.output("{\"neighbors\":[" + items.joined(separator: ",") + "]}\n")
        case .table, .csv, .markdown:
            let table = TextTable(headers: ["row", "similarity"],
                                  rows: neighbors.map { [String($0.row), NumberFormatting.fixed($0.similarity)] },
                                  rightAligned: [0, 1])
            try EmbeddingOutput.write(table, format: format)
        }
    }
}
