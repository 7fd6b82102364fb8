import ArgumentParser
import Foundation
import TuttiCore
import TuttiPostgres
import TuttiTerminal
import TuttiThemes
import TuttiUI

/// `tutti FILE` (or `tutti explore FILE`): the interactive explorer.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the interactive explorer (the default command: `tutti FILE`).",
        discussion: "Keys: Tab moves between panes, / filters, ? lists every key, q quits."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var look: LookOptions
    @OptionGroup var view: ViewOption

    @Option(help: ArgumentHelp("On a database: the rows pulled into memory for the panes to draw (the first N the "
                               + "engine returns; P in the explorer pulls another size); exports run in the engine.",
                               valueName: "N"))
    var sample = ExplorerSession.defaultSample

    func validate() throws {
        if sample < 1 { throw ValidationError("--sample must be at least 1") }
    }

    func run() throws {
        try data.requireSource()
        if let file = data.file, ViewOption.looksLikeView(file) {
            // Say what is wrong with it, if anything, then where it belongs.
            _ = try ViewDocument.read(path: file)
            throw TuttiError("this is a view file: open it with `tutti open \(file)`, or give the data with `--view \(file)`",
                             file: file)
        }
        try ExplorerSession(data: data, look: look, view: try view.document(), sample: sample).run()
    }
}

/// `tutti demo`: the explorer on the bundled demo data.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the explorer on the bundled demo data (UCI Adult with a model's predictions)."
    )

    @OptionGroup var look: LookOptions
    @OptionGroup var view: ViewOption

    func run() throws {
        let data = try DataOptions.parse(["--demo"])
        try ExplorerSession(data: data, look: look, view: try view.document()).run()
    }
}

/// How the explorer looks.
struct LookOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The colour theme (see `tutti themes`).", valueName: "name"))
    var theme: String?

    @Flag(help: "Draw with ASCII characters only.") var ascii = false
    @Flag(help: "Start with mouse reporting off (toggle with m).") var noMouse = false

    @Option(help: ArgumentHelp("Draw vectors of H×W (grey) or H×W×3 (colour) values as images in the instance pane; "
                               + "squares (64, 784, 1024 values) and 3072 (32×32×3) are drawn without it.", valueName: "H,W[,C]"))
    var imageShape: String?

    @Option(help: ArgumentHelp("The two models the comparison pane (8) compares first: name=prediction[:score], a model "
                               + "name, or a prediction column (comma-separated).", valueName: "models"))
    var models: String?

    func validate() throws {
        do {
            _ = try imageShape.map(ImageShape.init(parsing:))
        } catch let error as TuttiError {
            throw ValidationError(error.message)
        }
    }
}

/// Starts the terminal, loads the data with a progress bar, and runs the explorer (with a
/// saved view's state, panes and theme when one is given).
struct ExplorerSession {
    let data: DataOptions
    let look: LookOptions
    let view: ViewDocument?
    /// On a database, the rows pulled into memory.
    var sample = Self.defaultSample

    /// The sample size when `--sample` is not given.
    static let defaultSample = 100_000

    func run() throws {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch let error as TerminalError {
            throw TuttiError(error.description)
        }
        // An export under way when a signal, a hang-up or a crash ends the process leaves no
        // temporary file; nor does one still running when the user quits.
        terminal.setExitCleanup(TemporaryFileRegistry.signalSafeRemoval)
        defer { TemporaryFileRegistry.removeAll() }
        let outcome: (cancelled: Bool, warnings: [String])
        do {
            defer { terminal.shutdown() }
            outcome = try explore(on: terminal)
        }
        // After the terminal is restored, so the messages stay on screen.
        if outcome.cancelled { Console.error("tutti: loading cancelled") }
        for warning in outcome.warnings { Console.error("tutti: warning: \(warning)") }
    }

    /// Loads the data behind a progress bar and runs the explorer until the user quits.
    private func explore(on terminal: CursesTerminal) throws -> (cancelled: Bool, warnings: [String]) {
        var warnings: [String] = []
        let capabilities = terminal.capabilities
        let (theme, themeWarning) = ThemeChoice.resolve(requested: look.theme ?? view?.theme, colors: capabilities.colors,
                                                        noColor: !capabilities.usesColor, loader: ThemeLoader(files: ThemeFolders().read()))
        if let themeWarning { warnings.append(themeWarning) }
        let glyphs: Glyphs = capabilities.unicode && !look.ascii ? .unicode : .ascii
        let data = self.data.including(derivationsOf: view)
        let options = data.loadOptions()
        let engine = try data.file.flatMap { data.isDatabase ? EngineConnection(url: try DatabaseURL($0), query: data.query) : nil }
        let limit = sample
        let loaded = try LoadingScreen.run(terminal: terminal, name: data.displayName, theme: theme, glyphs: glyphs) { work in
            guard let engine else { return try data.loadResult(options, work: work) }
            return try engine.sample(limit: limit, work: work).loadResult
        }
        guard let result = loaded else { return (true, warnings) }
        var roles = try data.roles(for: result.dataset)
        if let models = look.models { roles.setModels(try ModelList.parse(models, dataset: result.dataset, roles: roles)) }
        var workspace = Workspace(dataset: result.dataset, roles: roles, theme: theme, glyphs: glyphs)
        workspace.insideTmux = ProcessInfo.processInfo.environment["TMUX"] != nil
        workspace.datasetPath = data.databaseDisplayName ?? data.viewPath
        workspace.engine = engine?.rows()
        if let view {
            let restored = try view.restore(on: result.dataset, roles: roles)
            warnings += restored.warnings
            let opened = workspace.restoring(explorer: restored.explorer, layout: restored.layout, focus: restored.focus)
            workspace = opened.workspace
            warnings += opened.warnings
        }
        workspace.mouseEnabled = !look.noMouse
        warnings += result.warnings.map(\.message)
        let app = App(terminal: terminal, workspace: workspace)
        if let shape = try look.imageShape.map(ImageShape.init(parsing:)) { app.apply(.dispatch(.setImageShape(shape))) }
        if let first = warnings.first { app.apply(.say(first, isError: true)) }
        // An export or a report that quitting cut short: say so, since nothing was written.
        for job in app.run() where ["export", "report"].contains(job.label) {
            if case .cancelled = job.phase { warnings.append("quitting stopped the \(job.label) that was running; it wrote nothing") }
        }
        return (false, warnings)
    }
}
