import Foundation

/// The OSC 52 control sequence that puts text on the clipboard of the terminal the user sits
/// at, even over SSH. Inside tmux two forms go out: the plain one, which tmux takes into its
/// paste buffer and passes on to the outer terminal when `set-clipboard` is `on`, and the same
/// sequence in tmux's passthrough wrapper, which reaches the outer terminal when
/// `allow-passthrough` is `on` — so the copy works with either setting.
public enum ClipboardSequence {
    /// Text beyond this many bytes is not sent: many terminals drop longer OSC 52 sequences
    /// (xterm and tmux cap them near 100,000 base64 bytes).
    public static let limit = 74_000

    /// The bytes to write to set the clipboard to `text`, for a terminal inside tmux if `tmux`.
    public static func osc52(_ text: String, tmux: Bool) -> String {
        let payload = Data(text.utf8).base64EncodedString()
        let plain = "\u{1B}]52;c;\(payload)\u{07}"
        guard tmux else { return plain }
        // tmux passthrough: ESC P tmux; <sequence with every ESC doubled> ESC \
        return plain + "\u{1B}Ptmux;" + plain.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }
}
