import ArgumentParser
import Foundation
import TuttiCore

/// Where the data comes from and how to read it; shared by every command that loads data.
struct DataOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The data file: .csv, .tsv, .jsonl (optionally .gz), or - for standard input.",
                                 valueName: "file"))
    var file: String?

    @Flag(help: "Use the bundled demo data (UCI Adult with a model's predictions) instead of a file.")
    var demo = false

    @Option(help: ArgumentHelp("The delimiter of delimited text (default: sniffed). Use \\t for tab.",
                               valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Keep these columns as free text (comma-separated).", valueName: "cols"))
    var textColumns: String?

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
        if !demo, file == nil { throw ValidationError("missing the data file (or --demo)") }
        if let delimiter, parsedDelimiter(delimiter) == nil {
            throw ValidationError("--delimiter must be one character (or \\t), got '\(delimiter)'")
        }
    }

    private func parsedDelimiter(_ text: String) -> UInt8? {
        if text == "\\t" || text == "tab" { return UInt8(ascii: "\t") }
        guard text.utf8.count == 1 else { return nil }
        return text.utf8.first
    }

    /// Loads the data, printing warnings and (on a terminal, for long loads) progress to stderr.
    func load() throws -> (dataset: Dataset, roles: ColumnRoles) {
        let progress = ProgressLine(enabled: Console.stderrIsTerminal)
        var options = LoadOptions(progress: { progress.update($0) })
        options.delimiter = delimiter.flatMap(parsedDelimiter)
        options.textColumns = Set((textColumns ?? "").split(separator: ",").map { String($0) })
        if let text { options.textColumns.insert(text) }
        let result = demo ? try DemoData.load(options: options) : try DatasetLoader.load(file!, options: options)
        progress.finish()
        for warning in result.warnings { Console.error("tutti: warning: \(warning)") }
        var roles = ColumnRoles.infer(from: result.dataset)
        let overrides: [(ColumnRole, String?)] = [(.label, label), (.prediction, prediction), (.score, score),
                                                  (.loss, loss), (.id, id), (.split, split), (.text, text),
                                                  (.vector, vector)]
        for case let (role, name?) in overrides { try roles.assign(role, to: name, in: result.dataset) }
        return (result.dataset, roles)
    }
}
