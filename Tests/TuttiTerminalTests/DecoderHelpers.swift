@testable import TuttiTerminal

/// Decodes `bytes` in one feed, then flushes as after the escape delay.
func decodeAll(_ bytes: [UInt8]) -> [TerminalEvent] {
    var decoder = InputDecoder()
    return decoder.feed(bytes) + decoder.flush()
}

/// Decodes a string's UTF-8 bytes in one feed, then flushes.
func decodeAll(_ text: String) -> [TerminalEvent] { decodeAll(Array(text.utf8)) }

/// The one key event of `text`, nil if it decodes to anything else.
func key(_ text: String) -> KeyEvent? {
    let events = decodeAll(text)
    guard events.count == 1, case .key(let key) = events[0] else { return nil }
    return key
}

func press(_ key: Key, _ modifiers: KeyModifiers = []) -> TerminalEvent { .key(KeyEvent(key, modifiers: modifiers)) }

let esc = "\u{1B}"
