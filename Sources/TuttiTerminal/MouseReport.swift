/// Decodes mouse reports: SGR 1006 (`ESC [ < b ; x ; y M` or `m` for a release) and the
/// legacy X10 form (`ESC [ M b x y`, each byte offset by 32) of older terminals.
///
/// The button code `b` has the button in its low two bits (0 left, 1 middle, 2 right,
/// 3 none or a release), 4 for Shift, 8 for Alt (Meta), 16 for Ctrl, 32 for motion and 64
/// for the wheel (64 up, 65 down). Coordinates are 1-based in the report, 0-based in events.
enum MouseReport {
    /// An SGR report's event from its numbers (b, x, y); nil when malformed or for buttons
    /// tutti does not use (horizontal wheel, buttons 8–11).
    static func sgr(_ numbers: [Int?], release: Bool) -> MouseEvent? {
        guard numbers.count == 3, let code = numbers[0], let x = numbers[1], let y = numbers[2] else { return nil }
        return event(code: code, x: x - 1, y: y - 1, release: release)
    }

    /// An X10 report's event from its three bytes.
    static func x10(_ code: UInt8, _ x: UInt8, _ y: UInt8) -> MouseEvent? {
        guard code >= 32, x > 32, y > 32 else { return nil }
        return event(code: Int(code) - 32, x: Int(x) - 33, y: Int(y) - 33, release: false)
    }

    private static func event(code: Int, x: Int, y: Int, release: Bool) -> MouseEvent? {
        guard x >= 0, y >= 0, code & 128 == 0 else { return nil }
        var modifiers: KeyModifiers = []
        if code & 4 != 0 { modifiers.insert(.shift) }
        if code & 8 != 0 { modifiers.insert(.alt) }
        if code & 16 != 0 { modifiers.insert(.ctrl) }
        let low = code & 3
        if code & 64 != 0 {
            guard low < 2, !release else { return nil }
            return MouseEvent(button: low == 0 ? .wheelUp : .wheelDown, action: .press, x: x, y: y, modifiers: modifiers)
        }
        let button: MouseButton = [.left, .middle, .right, .none][low]
        let action: MouseAction
        if release {
            action = .release
        } else if code & 32 != 0 {
            action = low == 3 ? .move : .drag
        } else {
            action = low == 3 ? .release : .press
        }
        return MouseEvent(button: button, action: action, x: x, y: y, modifiers: modifiers)
    }
}
