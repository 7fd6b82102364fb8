import Foundation

/// Where themes are found and read: the user's folder, `$XDG_CONFIG_HOME/tutti/themes/` (default
/// `~/.config/tutti/themes/`), then the shipped one; on a name clash the user's theme wins. The
/// reading happens here, in the programs' wiring; the interface only parses the texts.
public struct ThemeFolders: Sendable {
    /// Folders searched, first match wins.
    public let folders: [URL]

    /// The user's folder, then the shipped one.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var folders: [URL] = []
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            folders.append(URL(fileURLWithPath: config).appendingPathComponent("tutti/themes"))
        } else if let home = environment["HOME"] {
            folders.append(URL(fileURLWithPath: home).appendingPathComponent(".config/tutti/themes"))
        }
        if let shipped = ThemeFiles.folder() { folders.append(shipped) }
        self.folders = folders
    }

    /// Searches the given folders only.
    public init(folders: [URL]) { self.folders = folders }

    /// Every theme file found (`*.toml`), one per name, sorted by name, with its text.
    public func read() -> [ThemeText] {
        var found: [String: URL] = [:]
        for folder in folders.reversed() {
            let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            for file in files where file.pathExtension == "toml" {
                found[file.deletingPathExtension().lastPathComponent] = file
            }
        }
        return found.sorted { $0.key < $1.key }.map { name, file in
            ThemeText(name: name, path: file.path, text: try? String(contentsOf: file, encoding: .utf8))
        }
    }
}

/// One theme file as read: its name (the file name without `.toml`), its path, and its text
/// (nil when it could not be read).
public struct ThemeText: Sendable {
    public let name: String
    public let path: String
    public let text: String?

    public init(name: String, path: String, text: String?) {
        self.name = name
        self.path = path
        self.text = text
    }
}
