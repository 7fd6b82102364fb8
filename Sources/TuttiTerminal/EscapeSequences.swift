/// The keys of escape sequences, by terminal family:
///
/// - xterm and most emulators: `ESC [ A` … with an optional modifier parameter
///   (`ESC [ 1 ; 5 A` is Ctrl-Up), `ESC [ n ~` for the editing and function keys
///   (`ESC [ 3 ; 2 ~` is Shift-Delete), `ESC [ Z` for Shift-Tab.
/// - vt100 application cursor mode: `ESC O A` …, `ESC O P` … for F1–F4.
/// - linux console: `ESC [ [ A` … for F1–F5 (decoded by `InputDecoder` itself),
///   `ESC [ 1 ~` Home, `ESC [ 4 ~` End.
/// - rxvt: `ESC [ 7 ~` Home, `ESC [ 8 ~` End, `ESC [ a` … Shift-arrows, `ESC O a` …
///   Ctrl-arrows, and `^`, `$`, `@` instead of `~` for Ctrl, Shift and Ctrl-Shift.
enum EscapeSequences {
    /// The key of a CSI sequence (`ESC [` numbers final).
    static func csiKey(numbers: [Int?], final: UInt8) -> KeyEvent? {
        let modifiers = numbers.count > 1 ? KeyModifiers(xtermParameter: numbers[1] ?? 1) : []
        switch final {
        case UInt8(ascii: "Z"):
            return KeyEvent(.tab, modifiers: modifiers.union(.shift))
        case UInt8(ascii: "a")...UInt8(ascii: "d"):
            return arrow(final - UInt8(ascii: "a")).map { KeyEvent($0, modifiers: .shift) }
        case UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "@"):
            guard let number = numbers.first ?? nil, let key = numberedKey(number) else { return nil }
            return KeyEvent(key, modifiers: modifiers.union(rxvtModifiers(final)))
        default:
            return letterKey(final).map { KeyEvent($0, modifiers: modifiers) }
        }
    }

    /// The key of an SS3 sequence (`ESC O` final), with the modifier parameter some
    /// terminals insert.
    static func ss3Key(final: UInt8, modifier: Int?) -> KeyEvent? {
        let modifiers = modifier.map { KeyModifiers(xtermParameter: $0) } ?? []
        switch final {
        case UInt8(ascii: "a")...UInt8(ascii: "d"):
            return arrow(final - UInt8(ascii: "a")).map { KeyEvent($0, modifiers: .ctrl) }
        case UInt8(ascii: "M"):
            return KeyEvent(.enter, modifiers: modifiers)
        case UInt8(ascii: "j")...UInt8(ascii: "y"), UInt8(ascii: "X"):
            return keypadCharacter(final).map { KeyEvent(.character($0), modifiers: modifiers) }
        default:
            return letterKey(final).map { KeyEvent($0, modifiers: modifiers) }
        }
    }

    /// Keys whose final byte names them: arrows, Home, End, F1–F4.
    private static func letterKey(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A")...UInt8(ascii: "D"): arrow(final - UInt8(ascii: "A"))
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): .function(Int(final - UInt8(ascii: "P")) + 1)
        default: nil
        }
    }

    /// Up, down, right, left: the order of the finals A–D and a–d.
    private static func arrow(_ offset: UInt8) -> Key? {
        switch offset {
        case 0: .up
        case 1: .down
        case 2: .right
        case 3: .left
        default: nil
        }
    }

    /// The keys of `ESC [ n ~`.
    private static func numberedKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23, 24: .function(number - 12)
        default: nil
        }
    }

    /// rxvt's modifier finals.
    private static func rxvtModifiers(_ final: UInt8) -> KeyModifiers {
        switch final {
        case UInt8(ascii: "^"): .ctrl
        case UInt8(ascii: "$"): .shift
        case UInt8(ascii: "@"): [.ctrl, .shift]
        default: []
        }
    }

    /// The character a keypad key types in application keypad mode (`ESC O p` is 0).
    private static func keypadCharacter(_ final: UInt8) -> Character? {
        switch final {
        case UInt8(ascii: "p")...UInt8(ascii: "y"): Character(Unicode.Scalar(final - UInt8(ascii: "p") + UInt8(ascii: "0")))
        case UInt8(ascii: "j"): "*"
        case UInt8(ascii: "k"): "+"
        case UInt8(ascii: "l"): ","
        case UInt8(ascii: "m"): "-"
        case UInt8(ascii: "n"): "."
        case UInt8(ascii: "o"): "/"
        case UInt8(ascii: "X"): "="
        default: nil
        }
    }
}
