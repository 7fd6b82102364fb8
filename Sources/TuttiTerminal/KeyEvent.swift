/// A key on the keyboard, as far as terminals can tell keys apart.
public enum Key: Sendable, Hashable {
    /// A key that types a character: letters, digits, punctuation, space, any Unicode scalar.
    /// Ctrl-letter combinations arrive as the lowercase letter with `.ctrl`.
    case character(Character)
    case enter
    case escape
    case backspace
    /// Tab; Shift-Tab is `.tab` with `.shift`.
    case tab
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case insert
    case delete
    /// A function key, F1 to F12.
    case function(Int)
}

/// Modifier keys held with a key or a mouse event. Meta is reported as `.alt`.
public struct KeyModifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = KeyModifiers(rawValue: 1)
    public static let alt = KeyModifiers(rawValue: 2)
    public static let ctrl = KeyModifiers(rawValue: 4)

    /// The modifiers of an xterm modifier parameter (`ESC [ 1 ; 5 A` has 5: 1 + the bits
    /// shift 1, alt 2, ctrl 4, meta 8).
    init(xtermParameter parameter: Int) {
        let bits = max(0, parameter - 1)
        var modifiers: KeyModifiers = []
        if bits & 1 != 0 { modifiers.insert(.shift) }
        if bits & 2 != 0 || bits & 8 != 0 { modifiers.insert(.alt) }
        if bits & 4 != 0 { modifiers.insert(.ctrl) }
        self = modifiers
    }
}

/// A key press: a key and the modifiers held with it.
public struct KeyEvent: Sendable, Hashable, CustomStringConvertible {
    public var key: Key
    public var modifiers: KeyModifiers

    public init(_ key: Key, modifiers: KeyModifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    /// A plain character key.
    public static func character(_ character: Character) -> KeyEvent { KeyEvent(.character(character)) }

    /// Ctrl with a character key, e.g. `.ctrl("c")`.
    public static func ctrl(_ character: Character) -> KeyEvent { KeyEvent(.character(character), modifiers: .ctrl) }

    /// Alt with a character key, e.g. `.alt("x")`.
    public static func alt(_ character: Character) -> KeyEvent { KeyEvent(.character(character), modifiers: .alt) }

    /// A readable name such as `ctrl+up`, `alt+x`, `shift+tab`, `f5` or `q`, for help screens
    /// and logs.
    public var description: String {
        var parts: [String] = []
        if modifiers.contains(.ctrl) { parts.append("ctrl") }
        if modifiers.contains(.alt) { parts.append("alt") }
        if modifiers.contains(.shift) { parts.append("shift") }
        parts.append(keyName)
        return parts.joined(separator: "+")
    }

    private var keyName: String {
        switch key {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .enter: "enter"
        case .escape: "esc"
        case .backspace: "backspace"
        case .tab: "tab"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .insert: "insert"
        case .delete: "delete"
        case .function(let number): "f\(number)"
        }
    }
}
