import Foundation
import TuttiTestSupport

/// Runs the built `tutti` executable and captures what it prints.
struct CommandRunner {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `tutti` binary next to the test bundle.
    static var executable: String {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("tutti").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("tutti").path
    }

    /// Runs `tutti` with `arguments`, feeding `stdin` if given.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil) throws -> Outcome {
        let outcome = try ChildProcess.run(executable, arguments, environment: environment, input: stdin.map { Array($0) })
        return Outcome(status: outcome.status, stdout: outcome.output, stderr: outcome.errorOutput)
    }
}
