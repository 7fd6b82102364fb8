import CNcurses

/// What the terminal can show, read from the locale and the environment.
public enum TerminalCapabilities {
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
