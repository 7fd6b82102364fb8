import TOMLKit
import TuttiCore
import TuttiTerminal
import TuttiThemes

/// Makes themes from theme files' texts, read by the caller (`ThemeFolders` in TuttiThemes):
/// which names there are, and the theme of one name, or a message naming the file (and line)
/// when it is missing or broken. It reads no file itself.
public struct ThemeLoader: Sendable {
    /// The theme files, one per name, sorted by name.
    public let files: [ThemeText]

    public init(files: [ThemeText]) { self.files = files }

    /// Every theme name, sorted, with the file it comes from.
    public func available() -> [(name: String, path: String)] { files.map { ($0.name, $0.path) } }

    /// The theme called `name`. Throws a message naming the file (and line) when it is missing
    /// or broken.
    public func load(_ name: String) throws -> Theme {
        guard let file = files.first(where: { $0.name == name }) else {
            throw ThemeError("no theme called '\(name)'; available: \(files.map(\.name).joined(separator: ", "))")
        }
        return try Self.theme(of: file)
    }

    /// The theme of one file.
    public static func theme(of file: ThemeText) throws -> Theme {
        guard let text = file.text else { throw ThemeError("\(file.path): cannot read the theme file") }
        return try parse(text, name: file.name, source: file.path)
    }

    /// Parses theme TOML.
    public static func parse(_ text: String, name: String, source: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError("\(source):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        }
        /// The file, and the line and column of the key at `path` where it can be found.
        func place(_ path: String...) -> String {
            guard let (line, column) = TOMLKeyLocation.find(path, in: text) else { return source }
            return "\(source):\(line):\(column)"
        }
        let colors = table["colors"]?.int ?? 256
        guard let styleTable = table["styles"]?.table else {
            throw ThemeError("\(source): missing the [styles] table")
        }
        var styles: [ThemeRole: CellStyle] = [:]
        for key in styleTable.keys {
            guard let role = ThemeRole(rawValue: key) else {
                let hint = NameSuggestion.nearest(to: key, in: ThemeRole.allCases.map(\.rawValue))
                    .map { " — did you mean '\($0)'?" } ?? ""
                throw ThemeError("\(place("styles", key)): unknown style '\(key)'\(hint)")
            }
            guard let spec = styleTable[key]?.table else {
                throw ThemeError("\(place("styles", key)): style '\(key)' must be a table like { fg = 252, bold = true }")
            }
            styles[role] = try style(spec, role: key) { place("styles", key, $0) }
        }
        return Theme(name: table["name"]?.string ?? name, description: table["description"]?.string ?? "",
                     colors: colors, styles: styles)
    }

    /// The style of `role`; `place` names the file, line and column of one of its keys.
    private static func style(_ spec: TOMLTable, role: String, place: (String) -> String) throws -> CellStyle {
        func color(_ key: String) throws -> TerminalColor {
            guard let value = spec[key] else { return .standard }
            guard let index = value.int, (0...255).contains(index) else {
                throw ThemeError("\(place(key)): style '\(role)': \(key) must be a colour number from 0 to 255")
            }
            return .indexed(UInt8(index))
        }
        var attributes: TextAttributes = []
        let flags: [(String, TextAttributes)] = [("bold", .bold), ("dim", .dim), ("underline", .underline),
                                                 ("reverse", .reverse), ("italic", .italic)]
        for (key, flag) in flags where spec[key]?.bool == true { attributes.insert(flag) }
        for key in spec.keys where !["fg", "bg"].contains(key) && !flags.contains(where: { $0.0 == key }) {
            throw ThemeError("\(place(key)): style '\(role)': unknown key '\(key)' (use fg, bg, bold, dim, underline, reverse, italic)")
        }
        return CellStyle(foreground: try color("fg"), background: try color("bg"), attributes: attributes)
    }
}

/// A theme that cannot be used, with the reason.
public struct ThemeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
