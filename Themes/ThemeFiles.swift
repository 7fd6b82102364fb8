import Foundation

/// The theme files shipped with tutti (this folder's `*.toml`), found next to the executable
/// where SwiftPM puts the resource bundle.
public enum ThemeFiles {
    /// The folder holding the shipped `*.toml` themes, if it can be found.
    public static func folder() -> URL? {
        var candidates: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for folder in candidates {
            for bundle in ["tutti_TuttiThemes.resources", "tutti_TuttiThemes.bundle"] {
                let url = folder.appendingPathComponent(bundle)
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("default.toml").path) { return url }
            }
        }
        return nil
    }
}
