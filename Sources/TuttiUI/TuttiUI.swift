import TuttiCore
import TuttiTerminal

/// The terminal front-end's version banner, naming the curses library it runs on.
public enum TuttiUIInfo {
    /// "tutti on ncurses X.Y".
    public static var banner: String { "tutti on \(TerminalCapabilities.cursesVersion)" }
}
