/// Something that happened at the terminal, as the UI sees it.
public enum TerminalEvent: Sendable, Hashable {
    /// A key press.
    case key(KeyEvent)
    /// A mouse report (only while mouse reporting is on).
    case mouse(MouseEvent)
    /// Text pasted into the terminal (bracketed paste), with line ends as `\n`.
    case paste(String)
    /// The terminal changed size; the UI should redraw at the new size.
    case resize(width: Int, height: Int)
    /// `Terminal.wake()` was called, e.g. because background work made progress.
    case wake
}
