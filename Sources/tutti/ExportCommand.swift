import ArgumentParser
import Dispatch
import Foundation
import TuttiCore

/// `tutti export`: rows and columns to a CSV, TSV or JSON Lines file, optionally gzip-compressed, or to Parquet.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write rows and columns to a CSV, TSV or JSON Lines file (optionally gzip-compressed) or to Parquet.",
        discussion: """
        The format comes from the output's extension: .csv, .tsv or .jsonl, each optionally followed by .gz, \
        or .parquet (snappy-compressed unless --compression says otherwise; every kind and missing cell kept).
        With --view, writes that view's selected rows (within its filter), or its filtered rows when nothing \
        is selected.

        The file is written under a temporary name and renamed into place when complete, so an interrupted \
        export leaves nothing behind. An existing file is replaced only with --force; the input file never.
        """
    )

    @OptionGroup var data: DataOptions

    @Option(name: .output, help: ArgumentHelp("The file to write: .csv, .tsv or .jsonl, optionally .gz, or .parquet.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The compression of a .parquet file's pages: snappy, zstd, gzip or none.", valueName: "codec"))
    var compression: ParquetCompression?

    @Option(help: ArgumentHelp("Write only these columns, in this order (comma-separated; default: all).", valueName: "cols"))
    var columns: String?

    @OptionGroup var filter: WhereOption

    @OptionGroup var view: ViewOption

    @OptionGroup var force: ForceFlag

    func validate() throws {
        let type: ExportFileType
        do {
            type = try ExportFileType(path: output)
        } catch let error as TuttiError {
            throw ValidationError(error.description)
        }
        if compression != nil, type.format != .parquet {
            throw ValidationError("--compression applies to .parquet output only")
        }
        if filter.expression != nil && view.view != nil {
            throw ValidationError("give --where or --view, not both")
        }
        if let columns, columnNames(columns).isEmpty {
            throw ValidationError("--columns needs at least one column name")
        }
        if data.isDatabase, view.view != nil {
            throw ValidationError("--view applies to data loaded from a file, not to a database")
        }
    }

    func run() throws {
        var inputs: [String] = []
        if data.demo {
            inputs.append(try DemoData.path())
        } else if let file = data.file, file != "-", !data.isDatabase {
            inputs.append(file)
        }
        let cancellation = CancellationFlag()
        let options = ExportOptions(overwrite: force.replaces, inputPaths: inputs, parquetCompression: compression ?? .snappy)
        // Refuse before a long load, not after.
        try RowExporter.checkDestination(output, options: options)
        if data.isDatabase {
            try exportFromDatabase(options: options, cancellation: cancellation)
            return
        }
        let document = try view.document()
        // Without a filter or a view, only the exported columns are read (a Parquet file reads
        // only their column chunks).
        let readOnly = filter.expression == nil && document == nil ? columns.map(columnNames) : nil
        let (dataset, roles) = try data.orData(of: document, viewFile: view.view).load(columns: readOnly)
        let selected = try columns.map { try dataset.columns(named: columnNames($0), context: "--columns") }
        var rows = try filter.rows(in: dataset)
        if let document {
            // The view's selection (within its filter), or its filtered rows when nothing is selected.
            let state = try ViewOption.restore(document, on: dataset, roles: roles)
            rows = state.visibleSelection ?? state.filter.rows
        }
        let interrupts = InterruptHandler(cancelling: cancellation)
        defer { interrupts.restore() }
        let exporter = RowExporter(dataset: dataset, columns: selected, rows: rows)
        let summary = try exporter.export(to: output, options: options, work: WorkContext(cancellation: cancellation))
        Console.error(summary.description)
    }

    /// Streams the rows from the database (`COPY … TO STDOUT`) into the file.
    private func exportFromDatabase(options: ExportOptions, cancellation: CancellationFlag) throws {
        let source = try data.openSource()
        let interrupts = InterruptHandler(cancelling: cancellation)
        defer { interrupts.restore() }
        let summary = try filter.asking { expression in
            try source.export(to: output, columns: columns.map(columnNames), where: expression, options: options,
                              work: WorkContext(cancellation: cancellation))
        }
        Console.error(summary.description)
    }

    private func columnNames(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Turns Ctrl-C, a hang-up (a dropped SSH link) and SIGTERM into a cancellation, so an interrupted
/// export deletes its temporary file instead of leaving it behind. A signal that is already ignored
/// (SIGHUP under `nohup`) stays ignored.
private final class InterruptHandler {
    private var previous: [(signal: Int32, handler: (@convention(c) (Int32) -> Void)?)] = []
    private var sources: [any DispatchSourceSignal] = []

    init(cancelling flag: CancellationFlag) {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let handler = signal(number, SIG_IGN)
            guard unsafeBitCast(handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { continue }
            previous.append((number, handler))
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.cancel() }
            source.resume()
            sources.append(source)
        }
    }

    /// Gives the signals their previous handlers back.
    func restore() {
        for source in sources { source.cancel() }
        for (number, handler) in previous { signal(number, handler) }
    }
}

extension ParquetCompression: ExpressibleByArgument {}
