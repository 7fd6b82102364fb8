import Foundation

/// The demo dataset shipped with tutti: UCI Adult with a model's predictions (see
/// `Demo/README.md` for its source and licence).
public enum DemoData {
    /// The name shown for the demo data.
    public static let displayName = "adult_scored.csv (demo)"

    /// The path of the compressed demo file, searched next to the executable (where SwiftPM puts
    /// the resource bundle) and in the build folder. Throws if it cannot be found.
    public static func path() throws -> String {
        let fileManager = FileManager.default
        var folders: [URL] = []
        if let executable = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL)
        for folder in folders {
            for bundle in ["tutti_TuttiCore.resources", "tutti_TuttiCore.bundle"] {
                let candidate = folder.appendingPathComponent(bundle).appendingPathComponent("Demo/adult_scored.csv.gz").path
                if fileManager.fileExists(atPath: candidate) { return candidate }
            }
        }
        throw TuttiError("the demo data was not found: keep the folder tutti_TuttiCore.resources next to the tutti executable (or run it with `swift run`)")
    }

    /// Loads the demo data.
    public static func load(options: LoadOptions = LoadOptions(), work: WorkContext = WorkContext()) throws -> LoadResult {
        var options = options
        options.displayName = options.displayName ?? displayName
        return try DatasetLoader.load(try path(), options: options, work: work)
    }
}
