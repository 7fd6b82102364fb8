import ArgumentParser
import Foundation
import TuttiCore
import TuttiPostgres

/// `--view V.json`: start from a view file saved with `w`.
struct ViewOption: ParsableArguments {
    /// How a view file names the bundled demo data.
    static let demoPath = "tutti:demo"

    @Option(help: ArgumentHelp("Restore a view saved with w: filter, selection, group columns, panes and theme.",
                               valueName: "view.json"))
    var view: String?

    /// Whether `path` is a `.json` file that starts like a view (a JSON object whose `dataset` has
    /// a `fingerprint`; views are written with sorted keys, so these come first), judged from its
    /// first 4 KB — not a JSON Lines data file.
    static func looksLikeView(_ path: String) -> Bool {
        guard path.lowercased().hasSuffix(".json"), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        return head.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") && head.contains("\"dataset\"")
            && head.contains("\"fingerprint\"")
    }

    /// The view file, read; nil without `--view`.
    func document() throws -> ViewDocument? {
        try view.map { try ViewDocument.read(path: $0) }
    }

    /// The data options that load the data a view was saved from: the demo, the recorded
    /// path, or, when that is gone, a file of the same name beside the view file.
    static func dataOptions(for document: ViewDocument, viewFile: String) throws -> DataOptions {
        let path = document.dataset.path
        if path == demoPath { return try DataOptions.parse(["--demo"]) }
        guard path != "-" else {
            throw TuttiError("the view was saved from data on standard input; give the data: tutti FILE --view \(viewFile)")
        }
        // A database: the URL as saved, without its password (libpq finds it in ~/.pgpass,
        // PGPASSWORD or a service file).
        if DatabaseURL.isDatabaseURL(path) { return try DataOptions.parse([path]) }
        let beside = URL(fileURLWithPath: viewFile).deletingLastPathComponent()
            .appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).path
        for candidate in [path, beside] where FileManager.default.fileExists(atPath: candidate) {
            return try DataOptions.parse([candidate])
        }
        throw TuttiError("the view's data is not at \(path) (nor beside the view); give it: tutti FILE --view \(viewFile)")
    }

    /// Restores `document` on loaded data for a headless command, printing its warnings.
    static func restore(_ document: ViewDocument, on dataset: Dataset, roles: ColumnRoles) throws -> ExplorerState {
        let restored = try document.restore(on: dataset, roles: roles)
        for warning in restored.warnings { Console.error("tutti: warning: \(warning)") }
        return restored.explorer.state
    }
}

/// `tutti open V.json`: the explorer on the data a view was saved from, in that view.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a view file saved with w: its data, filter, selection, panes and theme.",
        discussion: """
        The data is the file the view was saved from (or a file of the same name beside the view). \
        If the data changed since, tutti says so and re-applies the filter and selection by expression.
        """
    )

    @Argument(help: ArgumentHelp("The view file.", valueName: "view.json"))
    var viewFile: String

    @OptionGroup var look: LookOptions

    func run() throws {
        let document = try ViewDocument.read(path: viewFile)
        let data = try ViewOption.dataOptions(for: document, viewFile: viewFile)
        try ExplorerSession(data: data, look: look, view: document).run()
    }
}
