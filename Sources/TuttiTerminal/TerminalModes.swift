/// The xterm private modes tutti turns on, as control sequences. Terminals that lack a mode
/// ignore its sequence.
enum TerminalModes {
    /// Mouse reports: button presses and releases (1000), motion while a button is held
    /// (1002), in the SGR encoding (1006) that has no coordinate limit and tells which button
    /// was released.
    static let mouseOn = "\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h"
    /// Mouse reports off, so that the terminal's own text selection works.
    static let mouseOff = "\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l"
    /// Bracketed paste: pasted text arrives between `ESC [ 200 ~` and `ESC [ 201 ~`.
    static let pasteOn = "\u{1B}[?2004h"
    static let pasteOff = "\u{1B}[?2004l"
}
