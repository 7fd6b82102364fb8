import CNcurses
import Glibc

/// What the terminal can show, read from terminfo, the locale and the environment. The UI
/// picks its colours and characters from it (Unicode block characters or their ASCII
/// fallback; 256, 16 or 8 colours or none).
public struct TerminalCapabilities: Sendable, Equatable {
    /// The colours the terminal has: 0 (monochrome), 8, 16 or 256.
    public var colors: Int
    /// Whether tutti draws in colour: false on a monochrome terminal and when `NO_COLOR` is
    /// set. Attributes (bold, reverse, …) are used either way.
    public var usesColor: Bool
    /// Whether the terminal shows Unicode (the locale is UTF-8); if not, the UI draws with
    /// ASCII only.
    public var unicode: Bool

    /// Capabilities with `colors` colours (normalised to 0, 8, 16 or 256); colour is never
    /// used without colours.
    public init(colors: Int, usesColor: Bool = true, unicode: Bool = true) {
        self.colors = Self.normalizedColorCount(colors)
        self.usesColor = usesColor && self.colors > 0
        self.unicode = unicode
    }

    /// The colours the UI may use: `colors`, or 0 when colour is not used.
    public var usableColors: Int { usesColor ? colors : 0 }

    /// A terminal's colour count (terminfo `colors`) rounded down to 0, 8, 16 or 256.
    public static func normalizedColorCount(_ colors: Int) -> Int {
        switch colors {
        case 256...: 256
        case 16..<256: 16
        case 8..<16: 8
        default: 0
        }
    }

    /// Whether a `NO_COLOR` value asks for no colour: it does when set and not empty
    /// (https://no-color.org).
    public static func noColorRequested(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty
    }

    /// Whether the environment's `NO_COLOR` asks for no colour.
    public static func noColorInEnvironment() -> Bool {
        noColorRequested(getenv("NO_COLOR").map { String(cString: $0) })
    }

    /// Whether the current locale's character set is UTF-8 (after `setlocale(LC_ALL, "")`).
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// The ncurses library version, e.g. "ncurses 6.4.20221231".
    public static var cursesVersion: String { String(cString: curses_version()) }
}
