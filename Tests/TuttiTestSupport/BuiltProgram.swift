import Foundation

/// The package's programs as the build left them, for tests that run them as a user would.
public enum BuiltProgram {
    /// The path of the executable `name` (`tutti`, `tutti-terminal-host`) in the build folder
    /// that holds the running test binary.
    public static func path(_ name: String) -> String {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent(name).path
    }
}
