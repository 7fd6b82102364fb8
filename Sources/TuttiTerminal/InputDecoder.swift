/// Turns the bytes a terminal sends into events: keys (UTF-8 characters, control keys, the
/// escape sequences of xterm, vt100 application mode, the linux console and rxvt), mouse
/// reports (SGR 1006 and legacy X10) and bracketed pastes.
///
/// Pure Swift and independent of curses, so the same decoder serves every `TERM`. Feed it
/// the bytes as they arrive; a sequence split across reads is completed by the next feed.
/// A lone Esc cannot be told from the start of a sequence until no byte follows it for a
/// short while: when `flushDelay` is not nil and no byte arrived for that long, call
/// `flush()`. Unknown or malformed sequences are dropped.
public struct InputDecoder: Sendable {
    /// How long a lone Esc (or an unfinished sequence) waits for more bytes.
    public static let escapeDelay: Duration = .milliseconds(25)
    /// How long an unfinished bracketed paste waits for more bytes before it is delivered
    /// as it is (a terminal that lost the end marker must not swallow all later input).
    public static let pasteIdleLimit: Duration = .seconds(1)

    /// The longest escape sequence waited for; anything longer is garbage.
    static let maximumSequenceLength = 64
    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~

    private var buffer: [UInt8] = []
    /// The paste received so far, while inside a bracketed paste.
    private var pasted: [UInt8]?

    public init() {}

    /// How long to wait for more bytes before calling `flush()`: nil when nothing is pending.
    public var flushDelay: Duration? {
        if pasted != nil { return Self.pasteIdleLimit }
        return buffer.isEmpty ? nil : Self.escapeDelay
    }

    /// Adds bytes read from the terminal and returns the events they complete.
    public mutating func feed(_ bytes: [UInt8]) -> [TerminalEvent] {
        buffer.append(contentsOf: bytes)
        return decode(flushing: false)
    }

    /// Delivers what is pending after `flushDelay` passed with no new byte: a lone Esc becomes
    /// the Esc key, `ESC [` and `ESC O` become Alt-[ and Alt-O, an unfinished paste is
    /// delivered, and other unfinished sequences are dropped.
    public mutating func flush() -> [TerminalEvent] { decode(flushing: true) }

    private mutating func decode(flushing: Bool) -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var index = 0
        scan: while index < buffer.count || (flushing && pasted != nil) {
            if pasted != nil {
                guard let paste = takePaste(from: &index, flushing: flushing) else { break scan }
                events.append(paste)
                continue
            }
            switch parse(at: index) {
            case .event(let event, let length):
                if let event { events.append(event) }
                index += length
            case .pasteStart(let length):
                pasted = []
                index += length
            case .incomplete:
                guard flushing else { break scan }
                events.append(contentsOf: timedOut(buffer[index...]))
                index = buffer.count
            }
        }
        buffer.removeFirst(index)
        return events
    }

    // MARK: - Bracketed paste

    /// Moves pasted bytes from the buffer; returns the paste once its end marker arrived (or
    /// when flushing). Keeps back a tail that could be the start of a split end marker.
    private mutating func takePaste(from index: inout Int, flushing: Bool) -> TerminalEvent? {
        if let end = Self.find(Self.pasteEnd, in: buffer, from: index) {
            pasted?.append(contentsOf: buffer[index..<end])
            index = end + Self.pasteEnd.count
            return finishPaste()
        }
        let keep = flushing ? 0 : min(buffer.count - index, Self.pasteEnd.count - 1)
        pasted?.append(contentsOf: buffer[index..<(buffer.count - keep)])
        index = buffer.count - keep
        return flushing ? finishPaste() : nil
    }

    private mutating func finishPaste() -> TerminalEvent {
        let text = String(decoding: pasted ?? [], as: UTF8.self)
        pasted = nil
        // Terminals send pasted line ends as CR; the UI gets them as LF.
        return .paste(text.replacingCRLF())
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count - start >= needle.count else { return nil }
        var position = start
        while position <= haystack.count - needle.count {
            if haystack[position] == needle[0] && haystack[position..<(position + needle.count)].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    // MARK: - Parsing one event

    enum Parsed {
        /// An event (nil: recognised and dropped) and the bytes it took.
        case event(TerminalEvent?, length: Int)
        /// `ESC [ 200 ~`: a bracketed paste starts.
        case pasteStart(length: Int)
        /// More bytes are needed.
        case incomplete
    }

    private func key(_ key: Key, _ modifiers: KeyModifiers = [], length: Int = 1) -> Parsed {
        .event(.key(KeyEvent(key, modifiers: modifiers)), length: length)
    }

    private func parse(at index: Int) -> Parsed {
        let byte = buffer[index]
        switch byte {
        case 0x1B: return parseEscape(at: index)
        case 0x0D, 0x0A: return key(.enter)
        case 0x09: return key(.tab)
        case 0x08, 0x7F: return key(.backspace)
        case 0x00: return key(.character(" "), .ctrl)
        case 0x01...0x1A: return key(.character(Character(Unicode.Scalar(byte + 0x60))), .ctrl)
        case 0x1C...0x1F: return key(.character(Character(Unicode.Scalar(byte + 0x40))), .ctrl)
        case 0x20..<0x7F: return key(.character(Character(Unicode.Scalar(byte))))
        default: return parseUTF8(at: index)
        }
    }

    private func parseUTF8(at index: Int) -> Parsed {
        let length: Int
        switch buffer[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .event(nil, length: 1)
        }
        let available = min(length, buffer.count - index)
        for offset in 1..<available where buffer[index + offset] & 0xC0 != 0x80 {
            return .event(nil, length: 1)
        }
        guard available == length else { return .incomplete }
        var bytes = buffer[index..<(index + length)].makeIterator()
        var utf8 = UTF8()
        guard case .scalarValue(let scalar) = utf8.decode(&bytes) else { return .event(nil, length: length) }
        return key(.character(Character(scalar)), length: length)
    }

    private func parseEscape(at index: Int) -> Parsed {
        guard index + 1 < buffer.count else { return .incomplete }
        let next = buffer[index + 1]
        if next == UInt8(ascii: "[") { return parseCSI(at: index) }
        if next == UInt8(ascii: "O") { return parseSS3(at: index) }
        if next == 0x1B {
            // ESC ESC [ … is Alt with a sequence (rxvt, xterm without modifier parameters);
            // ESC ESC otherwise is Esc pressed twice.
            guard index + 2 < buffer.count else { return .incomplete }
            let third = buffer[index + 2]
            guard third == UInt8(ascii: "[") || third == UInt8(ascii: "O") else { return key(.escape) }
        }
        // ESC x is Alt-x.
        switch parse(at: index + 1) {
        case .event(.key(var event)?, let length):
            event.modifiers.insert(.alt)
            return .event(.key(event), length: length + 1)
        case .incomplete:
            return .incomplete
        case .event, .pasteStart:
            return key(.escape)
        }
    }

    /// `ESC [` sequences: CSI keys, SGR and X10 mouse reports, the linux console's F1–F5,
    /// bracketed paste.
    private func parseCSI(at index: Int) -> Parsed {
        let start = index + 2
        guard start < buffer.count else { return .incomplete }
        switch buffer[start] {
        case UInt8(ascii: "["):
            // Linux console: ESC [ [ A … ESC [ [ E are F1–F5.
            guard start + 1 < buffer.count else { return .incomplete }
            let final = buffer[start + 1]
            guard (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(final) else { return .event(nil, length: 3) }
            return key(.function(Int(final - UInt8(ascii: "A")) + 1), length: 4)
        case UInt8(ascii: "M"):
            // X10 mouse: ESC [ M b x y, each byte offset by 32.
            guard start + 3 < buffer.count else { return .incomplete }
            let event = MouseReport.x10(buffer[start + 1], buffer[start + 2], buffer[start + 3])
            return .event(event.map(TerminalEvent.mouse), length: 6)
        default:
            break
        }
        var parameters: [UInt8] = []
        var hasIntermediates = false
        var position = start
        while position < buffer.count {
            let byte = buffer[position]
            let length = position - index + 1
            switch byte {
            case 0x30...0x3F where !hasIntermediates:
                parameters.append(byte)
            case UInt8(ascii: "$") where !hasIntermediates && !parameters.isEmpty && parameters.allSatisfy(Self.isDigit):
                // rxvt ends Shift-modified keys with `$` (ESC [ 2 $).
                return csi(parameters, final: byte, length: length)
            case 0x20...0x2F:
                hasIntermediates = true
            case 0x40...0x7E:
                return hasIntermediates ? .event(nil, length: length) : csi(parameters, final: byte, length: length)
            default:
                // A byte that cannot be in a sequence: drop what came before it.
                return .event(nil, length: position - index)
            }
            position += 1
            if position - index > Self.maximumSequenceLength { return .event(nil, length: position - index) }
        }
        return .incomplete
    }

    private func csi(_ parameters: [UInt8], final: UInt8, length: Int) -> Parsed {
        if parameters.first == UInt8(ascii: "<") {
            let numbers = Self.numbers(parameters.dropFirst())
            let event = MouseReport.sgr(numbers, release: final == UInt8(ascii: "m"))
            return .event(event.map(TerminalEvent.mouse), length: length)
        }
        // Private parameters (`ESC [ ? …`) are replies to queries tutti does not make.
        guard parameters.allSatisfy({ Self.isDigit($0) || $0 == UInt8(ascii: ";") }) else {
            return .event(nil, length: length)
        }
        let numbers = Self.numbers(parameters[...])
        if final == UInt8(ascii: "~") && numbers == [200] { return .pasteStart(length: length) }
        let event = EscapeSequences.csiKey(numbers: numbers, final: final)
        return .event(event.map(TerminalEvent.key), length: length)
    }

    /// `ESC O` sequences (vt100 application mode, rxvt Ctrl-arrows, the keypad), with an
    /// optional modifier parameter (`ESC O 5 A`, `ESC O 1 ; 5 A`).
    private func parseSS3(at index: Int) -> Parsed {
        var parameters: [UInt8] = []
        var position = index + 2
        while position < buffer.count {
            let byte = buffer[position]
            let length = position - index + 1
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ";"):
                parameters.append(byte)
                if length > 8 { return .event(nil, length: length) }
            case 0x40...0x7E:
                let modifier = Self.numbers(parameters[...]).last ?? nil
                let event = EscapeSequences.ss3Key(final: byte, modifier: modifier)
                return .event(event.map(TerminalEvent.key), length: length)
            default:
                return .event(nil, length: position - index)
            }
            position += 1
        }
        return .incomplete
    }

    /// What an unfinished sequence means once no more bytes came: see `flush()`.
    private func timedOut(_ rest: ArraySlice<UInt8>) -> [TerminalEvent] {
        var rest = rest
        var events: [TerminalEvent] = []
        while rest.first == 0x1B && rest.dropFirst().first == 0x1B {
            events.append(.key(KeyEvent(.escape)))
            rest = rest.dropFirst()
        }
        guard rest.first == 0x1B else { return events }  // a partial UTF-8 character: dropped
        if rest.count == 1 {
            events.append(.key(KeyEvent(.escape)))
        } else if rest.count == 2, let second = rest.last, second == UInt8(ascii: "[") || second == UInt8(ascii: "O") {
            events.append(.key(.alt(Character(Unicode.Scalar(second)))))
        }
        return events
    }

    // MARK: - Helpers

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// The `;`-separated numbers of a parameter string; nil for an empty or malformed field.
    static func numbers(_ parameters: ArraySlice<UInt8>) -> [Int?] {
        guard !parameters.isEmpty else { return [] }
        return parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { field in
            guard !field.isEmpty, field.count <= 9, field.allSatisfy(isDigit) else { return nil }
            return field.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
    }
}

extension String {
    /// The text with CR LF and lone CR line ends turned into LF.
    func replacingCRLF() -> String {
        guard utf8.contains(0x0D) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            out.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
        }
        return out
    }
}
