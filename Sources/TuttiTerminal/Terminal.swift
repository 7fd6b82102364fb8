/// The terminal as the UI sees it: a size, what it can show, a canvas to draw and a stream
/// of events. `CursesTerminal` is the real one; `RecordingTerminal` is a test double.
///
/// Use a terminal from one thread (the UI loop); only its `waker` (and so `wake()`) may be
/// used from any thread.
public protocol Terminal: AnyObject {
    /// The screen size in cells.
    var size: (width: Int, height: Int) { get }
    /// What the terminal can show.
    var capabilities: TerminalCapabilities { get }
    /// Shows `canvas`, writing only the cells that changed since the previous draw.
    func draw(_ canvas: Canvas)
    /// Waits for the next event: at most `timeout` (nil: as long as it takes); nil when the
    /// timeout passed with no event.
    func nextEvent(timeout: Duration?) -> TerminalEvent?
    /// Makes a waiting (or the next) `nextEvent` return `.wake`, from any thread.
    var waker: TerminalWaker { get }
    /// Turns mouse reporting on or off; while off, the terminal's own text selection works.
    func setMouseReporting(_ on: Bool)
    /// Suspends the program (Ctrl-Z): restores the terminal and stops the process; when it is
    /// continued (`fg`), takes the terminal back and repaints the screen in full. A size
    /// change while stopped comes as a `.resize` event.
    func suspend()
    /// Writes raw bytes to the terminal, e.g. an OSC 52 clipboard sequence.
    func writeControlSequence(_ sequence: String)
    /// Restores the terminal (screen, cursor, modes, tty settings). Safe to call twice.
    func shutdown()
}

extension Terminal {
    /// Makes a waiting (or the next) `nextEvent` return `.wake`; the same as `waker.wake()`.
    public func wake() { waker.wake() }
}

/// Wakes a terminal's event loop from any thread, e.g. when background work made progress.
/// Wakes that come before the loop gets to them collapse into one `.wake` event.
public struct TerminalWaker: Sendable {
    private let action: @Sendable () -> Void

    /// A waker that runs `action` to wake the loop.
    public init(_ action: @escaping @Sendable () -> Void) { self.action = action }

    /// Makes the terminal's `nextEvent` return `.wake`.
    public func wake() { action() }
}
