import ArgumentParser
import Foundation
import TuttiCore

/// `tutti report`: a Markdown or self-contained HTML report of the data, or of a saved view.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report (Markdown or one self-contained HTML page) of the data or of a saved view.",
        discussion: """
        The report holds the dataset summary, the filter and selection, and one section per pane of the view: \
        histograms (Unicode bars in Markdown, SVG charts in HTML), the confusion matrix, slice tables, \
        duplicate clusters and rows. Without --view: the summary, histograms of the model's columns, the \
        confusion matrix, the slices found by SliceLine and the duplicates. The format comes from the \
        extension: .md or .html. The HTML needs no network.
        """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var view: ViewOption

    @Option(name: .output, help: ArgumentHelp("The report file: .md or .html.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The report's title (default: the data's file name).", valueName: "text"))
    var title: String?

    @OptionGroup var force: ForceFlag

    func validate() throws {
        if case .failure(let error) = Result(catching: { try ReportFormat(path: output) }) {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let format = try ReportFormat(path: output)
        if !force.replaces && FileManager.default.fileExists(atPath: output) {
            throw TuttiError("exists; use --force to overwrite", file: output)
        }
        let document = try view.document()
        let source = try data.orData(of: document, viewFile: view.view)
        let (dataset, roles) = try source.load()
        var state = ExplorerState(dataset: dataset, roles: roles)
        var panes: [ViewPane]?
        if let document {
            state = try ViewOption.restore(document, on: dataset, roles: roles)
            panes = document.layout.panes
        }
        let input = ReportInput(state: state, datasetName: source.displayName, panes: panes, title: title)
        let report = try ReportBuilder.build(input)
        try ReportFormat.write(report, to: output, format: format, overwrite: force.replaces, inputs: [dataset.source])
        Console.error("wrote the report (\(report.sections.count) sections) to \(output)")
    }
}
