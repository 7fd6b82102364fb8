import ArgumentParser
import Foundation
import TuttiCore

/// Where the data comes from and how to read it; shared by every command that loads data.
struct DataOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The data file: .csv, .tsv, .jsonl (optionally .gz), .parquet, or - for standard input; "
                                 + "or a database, postgresql://user@host:port/db?table=NAME (see README: Databases).",
                                 valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("With a postgresql:// URL: read the rows of this SELECT instead of a table.",
                               valueName: "sql"))
    var query: String?

    @Flag(help: "Use the bundled demo data (UCI Adult with a model's predictions) instead of a file.")
    var demo = false

    @Option(help: ArgumentHelp("The delimiter of delimited text (default: sniffed). Use \\t for tab.",
                               valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Keep these columns as free text (comma-separated).", valueName: "cols"))
    var textColumns: String?

    @Option(help: ArgumentHelp("Stop reading standard input, a pipe or gzip data past this size in memory, "
                               + "e.g. 500M or 8G (default: half the memory).", valueName: "size"))
    var maxMemory: String?

    @Option(help: ArgumentHelp("Add a column computed by an expression, e.g. 'margin=abs(score - 0.5)' or "
                               + "'correct=label == prediction' (repeatable; later ones may use earlier ones).",
                               valueName: "name=expr"))
    var derive: [String] = []

    @Option(help: ArgumentHelp("Read times in this strftime-style format (e.g. '%d/%m/%Y %H:%M'); ISO 8601 "
                               + "times are recognised without it.", valueName: "format"))
    var timeFormat: String?

    @Option(help: ArgumentHelp("The label (ground truth) column.", valueName: "col")) var label: String?
    @Option(help: ArgumentHelp("The prediction column.", valueName: "col")) var prediction: String?
    @Option(help: ArgumentHelp("The score (predicted probability) column.", valueName: "col")) var score: String?
    @Option(help: ArgumentHelp("The per-row loss column.", valueName: "col")) var loss: String?
    @Option(help: ArgumentHelp("The row id column.", valueName: "col")) var id: String?
    @Option(help: ArgumentHelp("The split column (train / test / …).", valueName: "col")) var split: String?
    @Option(help: ArgumentHelp("The text column.", valueName: "col")) var text: String?
    @Option(help: ArgumentHelp("The vector (embedding) column.", valueName: "col")) var vector: String?

    func validate() throws {
        if demo, file != nil { throw ValidationError("give a file or --demo, not both") }
        if let delimiter, parsedDelimiter(delimiter) == nil {
            throw ValidationError("--delimiter must be one character (or \\t), got '\(delimiter)'")
        }
        if let maxMemory, MemoryBudget.parse(maxMemory) == nil {
            throw ValidationError("--max-memory must be a size such as 500M or 8G, got '\(maxMemory)'")
        }
        if let timeFormat {
            do { _ = try TimeFormat(timeFormat) } catch { throw ValidationError("\(error)") }
        }
        for text in derive {
            do { _ = try DerivedColumn(parsing: text) } catch { throw ValidationError("\(error)") }
        }
        try validateDatabase()
    }

    /// The derived columns asked for with `--derive`.
    func derivations() throws -> [DerivedColumn] {
        try derive.map(DerivedColumn.init(parsing:))
    }

    /// These options with the derived columns of `view` computed first (unless `--derive`
    /// redefines them), so that the view's filter, roles and panes find them.
    func including(derivationsOf view: ViewDocument?) -> DataOptions {
        guard let saved = view?.derivedColumns, !saved.isEmpty else { return self }
        var options = self
        let given = Set(((try? derivations()) ?? []).map(\.name))
        options.derive = saved.filter { !given.contains($0.name) }.map { "\($0.name)=\($0.expression)" } + derive
        return options
    }

    private func parsedDelimiter(_ text: String) -> UInt8? {
        if text == "\\t" || text == "tab" { return UInt8(ascii: "\t") }
        guard text.utf8.count == 1 else { return nil }
        return text.utf8.first
    }

    /// The load options these flags ask for.
    func loadOptions() -> LoadOptions {
        var options = LoadOptions()
        options.delimiter = delimiter.flatMap(parsedDelimiter)
        options.textColumns = Set(CommaList.names(textColumns ?? ""))
        if let text { options.textColumns.insert(text) }
        if let limit = maxMemory.flatMap(MemoryBudget.parse) { options.memoryLimit = limit }
        options.timeFormat = timeFormat.flatMap { try? TimeFormat($0) }
        return options
    }

    /// The data's path as a view file records it: absolute, `-` for standard input, or
    /// `tutti:demo` for the demo data.
    var viewPath: String {
        if demo { return ViewOption.demoPath }
        guard let file, file != "-" else { return "-" }
        return URL(fileURLWithPath: file).standardizedFileURL.path
    }

    /// Whether a file or `--demo` was given (commands that take `--view` can do without).
    var hasSource: Bool { demo || file != nil }

    /// Throws the usage error for a command given neither a file nor `--demo`.
    func requireSource() throws {
        if !hasSource { throw ValidationError("missing the data file (or --demo)") }
    }

    /// These options, or, when they name no data and a view is given, the data the view was
    /// saved from (read within the same memory budget).
    func orData(of view: ViewDocument?, viewFile: String?) throws -> DataOptions {
        guard !hasSource, let view, let viewFile else { return including(derivationsOf: view) }
        var options = try ViewOption.dataOptions(for: view, viewFile: viewFile)
        options.maxMemory = maxMemory
        options.derive = derive
        options.timeFormat = timeFormat
        return options.including(derivationsOf: view)
    }

    /// The name to show for the data.
    var displayName: String {
        databaseDisplayName ?? (demo ? DemoData.displayName : (file == "-" ? "<stdin>" : file ?? ""))
    }

    /// Loads the data with `options` (from `loadOptions`), reporting to `work`, and adds the
    /// derived columns.
    func loadResult(_ options: LoadOptions, work: WorkContext = WorkContext()) throws -> LoadResult {
        if isDatabase { return try pullDatabase(options, work: work).adding(try derivations()) }
        let result = demo ? try DemoData.load(options: options, work: work) : try DatasetLoader.load(file!, options: options, work: work)
        return try result.adding(try derivations())
    }

    /// The inferred roles with the role flags applied.
    func roles(for dataset: Dataset) throws -> ColumnRoles {
        var roles = ColumnRoles.infer(from: dataset)
        let overrides: [(ColumnRole, String?)] = [(.label, label), (.prediction, prediction), (.score, score),
                                                  (.loss, loss), (.id, id), (.split, split), (.text, text),
                                                  (.vector, vector)]
        for case let (role, name?) in overrides { try roles.assign(role, to: name, in: dataset) }
        return roles
    }

    /// Loads the data for a headless command, printing warnings and (on a terminal, for long
    /// loads) progress to stderr. With `columns`, loads only those columns, in that order (a
    /// Parquet file reads only their column chunks).
    func load(columns: [String]? = nil) throws -> (dataset: Dataset, roles: ColumnRoles) {
        try requireSource()
        let progress = ProgressLine(enabled: Console.stderrIsTerminal)
        var options = loadOptions()
        options.columns = columns
        let result = try loadResult(options, work: WorkContext(progress: { progress.update($0) }))
        progress.finish()
        for warning in result.warnings { Console.error("tutti: warning: \(warning)") }
        if isDatabase {
            Console.error("tutti: read \(result.dataset.rowCount) rows × \(result.dataset.columns.count) columns from "
                          + "\(displayName) into memory (this command needs whole columns)")
        }
        return (result.dataset, try roles(for: result.dataset))
    }
}
