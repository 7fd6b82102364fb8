import Foundation

/// The OSC 52 control sequence that puts text on the clipboard of the terminal the user sits
/// at, even over SSH. Inside tmux the sequence is wrapped in tmux's passthrough (so it reaches
/// the outer terminal with `allow-passthrough on`; tmux's own `set-clipboard` also takes the
/// plain form).
public enum ClipboardSequence {
    /// Text beyond this many bytes is not sent: many terminals drop longer OSC 52 sequences
    /// (xterm and tmux cap them near 100,000 base64 bytes).
    public static let limit = 74_000

    /// The sequence setting the clipboard to `text`, for a terminal inside tmux if `tmux`.
    public static func osc52(_ text: String, tmux: Bool) -> String {
        let payload = Data(text.utf8).base64EncodedString()
        let plain = "\u{1B}]52;c;\(payload)\u{07}"
        guard tmux else { return plain }
        // tmux passthrough: ESC P tmux; <sequence with every ESC doubled> ESC \
        return "\u{1B}Ptmux;" + plain.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }
}
