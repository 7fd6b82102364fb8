import ArgumentParser
import TuttiCore

/// `tutti project`: a 2-D projection of a vector column, written to a file.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Project a vector column to two dimensions (PCA) and write the coordinates to a file.",
        discussion: """
        Writes one line per row with a vector: `row` (the 0-based row number), the columns of --columns \
        (default: the id column, when the data has one), and `projection_pca_x` / `projection_pca_y`, the \
        row's coordinates on the first two principal components (the names tutti's Scatter pane recognises). \
        With --where, only the rows passing the filter are projected and written. The output's format comes \
        from its extension, as for export (.csv, .tsv, .jsonl, optionally .gz, or .parquet); an existing \
        file is replaced only with --force. The share of variance each axis explains is printed to stderr.

        PCA is exact (covariance and eigendecomposition) up to 256 components; wider vectors use a \
        randomized SVD.
        """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable { case pca }

    @OptionGroup var data: DataOptions

    @Option(help: "The projection method: pca.")
    var method: Method = .pca

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("The file to write: .csv, .tsv or .jsonl, optionally .gz, or .parquet.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Data columns to write beside the coordinates (comma-separated; default: the id column).",
                               valueName: "cols"))
    var columns: String?

    @OptionGroup var filter: WhereOption

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        do {
            _ = try ExportFileType(path: output)
        } catch let error as TuttiError {
            throw ValidationError(error.description)
        }
        if let columns, CommaList.names(columns).isEmpty { throw ValidationError("--columns needs at least one column name") }
    }

    func run() throws {
        let inputs = data.demo ? [try DemoData.path()] : data.file.map { $0 == "-" ? [] : [$0] } ?? []
        let options = ExportOptions(overwrite: force, inputPaths: inputs)
        try RowExporter.checkDestination(output, options: options)
        let (dataset, roles) = try data.load()
        guard let name = roles[.vector], let vectors = dataset.column(named: name) else {
            throw TuttiError("the data has no vector column: name one with --vector")
        }
        guard vectors.kind == .vector else {
            throw TuttiError("--vector: column '\(name)' holds \(vectors.kind.rawValue), not vectors")
        }
        let rows = try filter.rows(in: dataset)
        let kept = Column(name: vectors.name, data: vectors.data, validity: vectors.validity.intersection(rows))
        let progress = ProgressLine(enabled: Console.stderrIsTerminal)
        let projection = try PrincipalComponents.project(kept, context: WorkContext(progress: { progress.update($0) }))
        progress.finish()
        let extra = try columns.map { try dataset.columns(named: CommaList.names($0), context: "--columns") }
            ?? roles[.id].flatMap(dataset.column(named:)).map { [$0] } ?? []
        for column in extra where ["row", "projection_pca_x", "projection_pca_y"].contains(column.name) {
            throw TuttiError("--columns: '\(column.name)' is a name of the output's own columns")
        }
        let written = kept.validity
        let all = RowSet(rowCount: dataset.rowCount, allSet: true)
        let output = Dataset(source: dataset.source, rowCount: dataset.rowCount, columns: [
            Column(name: "row", data: .integer((0..<dataset.rowCount).map(Int64.init)), validity: all),
        ] + extra + [
            Column(name: "projection_pca_x", data: .float(projection.x.map { $0.isNaN ? 0 : $0 }), validity: written),
            Column(name: "projection_pca_y", data: .float(projection.y.map { $0.isNaN ? 0 : $0 }), validity: written),
        ])
        let summary = try RowExporter(dataset: output, rows: written).export(to: self.output, options: options)
        let shares = projection.explainedVarianceRatio.map { NumberFormatting.fixed($0 * 100, decimals: 2) + "%" }
        Console.error("PCA of \(name): explained variance \(shares.joined(separator: ", "))")
        Console.error(summary.description)
    }
}
