/// The mouse button of a mouse event.
public enum MouseButton: Sendable, Hashable {
    case left
    case middle
    case right
    /// No button: motion with no button held, or a release whose button the terminal did not
    /// say (the legacy X10 encoding).
    case none
    case wheelUp
    case wheelDown
}

/// What the mouse did.
public enum MouseAction: Sendable, Hashable {
    case press
    case release
    /// Motion with a button held.
    case drag
    /// Motion with no button held (only reported by terminals in any-motion mode).
    case move
}

/// A mouse report: the button, what it did, where (0-based cell coordinates from the top-left
/// corner of the screen) and the modifiers held.
public struct MouseEvent: Sendable, Hashable {
    public var button: MouseButton
    public var action: MouseAction
    public var x: Int
    public var y: Int
    public var modifiers: KeyModifiers

    public init(button: MouseButton, action: MouseAction, x: Int, y: Int, modifiers: KeyModifiers = []) {
        self.button = button
        self.action = action
        self.x = x
        self.y = y
        self.modifiers = modifiers
    }
}
