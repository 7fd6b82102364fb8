import ArgumentParser
import Foundation
import TuttiCore
import TuttiTerminal
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

    func run() throws { try ExplorerSession(data: data, look: look).run() }
}

/// `tutti demo`: the explorer on the bundled demo data.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the explorer on the bundled demo data (UCI Adult with a model's predictions)."
    )

    @OptionGroup var look: LookOptions

    func run() throws {
        var data = try DataOptions.parse([])
        data.demo = true
        try ExplorerSession(data: data, look: look).run()
    }
}

/// How the explorer looks.
struct LookOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The colour theme (see `tutti themes`).", valueName: "name"))
    var theme: String?

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Flag(help: "Start with mouse reporting off (toggle with m).")
    var noMouse = false
}

/// Starts the terminal, loads the data with a progress bar, and runs the explorer.
private struct ExplorerSession {
    let data: DataOptions
    let look: LookOptions

    func run() throws {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch let error as TerminalError {
            throw TuttiError(error.description)
        }
        var warnings: [String] = []
        var cancelled = false
        do {
            defer { terminal.shutdown() }
            let capabilities = terminal.capabilities
            let (theme, themeWarning) = ThemeChoice.resolve(requested: look.theme, colors: capabilities.colors,
                                                            noColor: !capabilities.usesColor)
            if let themeWarning { warnings.append(themeWarning) }
            let glyphs: Glyphs = capabilities.unicode && !look.ascii ? .unicode : .ascii
            let data = self.data
            let base = data.loadOptions()
            guard let result = try LoadingScreen.run(terminal: terminal, name: data.displayName, theme: theme, glyphs: glyphs,
                                                     load: { options in
                                                         var merged = base
                                                         merged.progress = options.progress
                                                         merged.cancellation = options.cancellation
                                                         return try data.loadResult(merged)
                                                     }) else {
                cancelled = true
                return
            }
            let roles = try data.roles(for: result.dataset)
            let workspace = Workspace(dataset: result.dataset, roles: roles, theme: theme, glyphs: glyphs)
            workspace.mouseEnabled = !look.noMouse
            warnings += result.warnings.map(\.message)
            if let first = warnings.first { workspace.say(first, isError: true) }
            App(terminal: terminal, workspace: workspace).run()
        }
        if cancelled { Console.error("tutti: loading cancelled") }
        for warning in warnings { Console.error("tutti: warning: \(warning)") }
    }
}
