import Foundation
import Testing
import TuttiTestSupport

/// Runs the built `tutti` executable and captures what it prints.
struct CommandRunner {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `tutti` binary next to the test bundle.
    static var executable: String { BuiltProgram.path("tutti") }

    /// Runs `tutti` with `arguments`, feeding `stdin` if given.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil) throws -> Outcome {
        let outcome = try ChildProcess.run(executable, arguments, environment: environment, input: stdin.map { Array($0) })
        return Outcome(status: outcome.status, stdout: outcome.output, stderr: outcome.errorOutput)
    }

    /// Expects the file at `path` (written by the explorer) to hold what `tutti export --demo
    /// --where expression` writes; `what` names the export in the failure.
    static func expectSameAsHeadlessExport(_ path: String, expression: String, folder: String, what: String,
                                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let headless = folder + "/headless.csv"
        let outcome = try run(["export", "--demo", "--where", expression, "-o", headless])
        #expect(outcome.status == 0, "\(outcome.stderr)", sourceLocation: sourceLocation)
        let mine = try Data(contentsOf: URL(fileURLWithPath: path))
        let theirs = try Data(contentsOf: URL(fileURLWithPath: headless))
        #expect(!mine.isEmpty && mine == theirs, "\(what) differs from tutti export --where '\(expression)'",
                sourceLocation: sourceLocation)
    }
}
