import ArgumentParser
import Foundation
import TuttiCore

/// The `tutti` command and its subcommands.
struct TuttiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutti",
        abstract: "Explore machine-learning datasets in the terminal: summary, slices, duplicates, export.",
        discussion: """
        Reads CSV, TSV (and other delimited text), JSON Lines, and gzip-compressed versions of both.
        Use `-` for standard input and `--demo` for the bundled UCI Adult data with a model's predictions.
        Exit status: 0 success, 1 error, 2 usage error.
        """,
        subcommands: [ExploreCommand.self, DemoCommand.self, OpenCommand.self, InfoCommand.self, CountCommand.self,
                      ExportCommand.self, ReportCommand.self, SlicesCommand.self, DuplicatesCommand.self, FamiliarityCommand.self,
                      NeighborsCommand.self, ProjectCommand.self, LabelIssuesCommand.self, CompareCommand.self, ThemesCommand.self],
        defaultSubcommand: ExploreCommand.self
    )
}

/// Runs the command line and maps outcomes to exit statuses: 0 success, 1 error, 2 usage.
@main
enum Main {
    static func main() {
        CrashReports.makeNonInteractive()
        do {
            var command = try TuttiCommand.parseAsRoot()
            try command.run()
        } catch let error as TuttiError {
            Console.error("tutti: \(error)")
            exit(1)
        } catch let error as Console.OutputError {
            if !error.readerWentAway { Console.error("tutti: \(error)") }
            exit(1)
        } catch {
            let code = TuttiCommand.exitCode(for: error)
            let message = TuttiCommand.fullMessage(for: error)
            if code == .success {
                do {
                    if !message.isEmpty { try Console.output(message + "\n") }
                } catch {
                    if !error.readerWentAway { Console.error("tutti: \(error)") }
                    exit(1)
                }
                exit(0)
            }
            if !message.isEmpty { Console.error(message) }
            exit(code == .validationFailure ? 2 : 1)
        }
    }
}
