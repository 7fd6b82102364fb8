import ArgumentParser
import Foundation
import TuttiCore
import TuttiThemes
import TuttiUI

/// `tutti themes`: the themes that `--theme` accepts.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes: shipped ones and yours in $XDG_CONFIG_HOME/tutti/themes/."
    )

    func run() throws {
        let folders = ThemeFolders()
        var rows: [[String]] = []
        for file in folders.read() {
            do {
                let theme = try ThemeLoader.theme(of: file)
                rows.append([file.name, theme.colors == 0 ? "none" : String(theme.colors), theme.description, file.path])
            } catch {
                rows.append([file.name, "", "broken: \(error)", file.path])
            }
        }
        try Console.table(TextTable(headers: ["theme", "colours", "description", "file"], rows: rows).renderAligned())
        try Console.table("\nuser themes go in \(folders.folders.first?.path ?? "$XDG_CONFIG_HOME/tutti/themes")\n")
    }
}
