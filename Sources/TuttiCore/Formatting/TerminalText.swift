/// Text meant for a terminal (tables and messages of the headless commands) made safe to show:
/// a character that would control the terminal instead of showing is written as an escape
/// that reads like source code, so data can never change a window title, clear the screen,
/// write the clipboard (OSC 52), plant a link (OSC 8), query the cursor or reverse the text.
///
/// Escaped: C0 controls and DEL as `\x1b` (tab and line break too, inside a value), C1
/// controls (U+0080–U+009F) as `\u{85}`, bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) as `\u{202e}`. Everything else, backslashes included, is
/// left as it is. JSON, CSV, Markdown and HTML output is not meant for a terminal and is
/// not changed.
public enum TerminalText {
    /// `text` with every control character escaped, line breaks included: for one value.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            if scalar.value < 0x80 {
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out += "\\u{" + hex + "}"
            }
        }
        return out
    }

    /// `text` with every control character but its line breaks escaped: for a message or a
    /// table of several lines.
    public static func escapedLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escaped(String($0)) }
            .joined(separator: "\n")
    }

    /// Whether `scalar` controls a terminal rather than shows.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F: false
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
