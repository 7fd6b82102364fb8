import Synchronization

/// A terminal for tests: a fixed size, a record of everything the UI did to it, and a script
/// of events it replays.
///
/// `nextEvent` returns a pending wake first, then the scripted events in order (a scripted
/// `.resize` also changes `size`), then nil, whatever the timeout, so a test never blocks.
public final class RecordingTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    public var capabilities: TerminalCapabilities
    public let waker: TerminalWaker

    /// Every canvas drawn, oldest first.
    public private(set) var drawnCanvases: [Canvas] = []
    /// Every control sequence written, oldest first.
    public private(set) var controlSequences: [String] = []
    /// Whether mouse reporting is on.
    public private(set) var mouseReporting = true
    /// How often `suspend()` was called.
    public private(set) var suspendCount = 0
    /// Whether `shutdown()` was called.
    public private(set) var isShutDown = false

    private var script: [TerminalEvent]
    private let wakePending: WakeFlag

    /// A `width` × `height` terminal that will replay `events`.
    public init(width: Int = 80, height: Int = 24,
                capabilities: TerminalCapabilities = TerminalCapabilities(colors: 256),
                events: [TerminalEvent] = []) {
        size = (width, height)
        self.capabilities = capabilities
        script = events
        let flag = WakeFlag()
        wakePending = flag
        waker = TerminalWaker { flag.raise() }
    }

    /// The last canvas drawn.
    public var lastCanvas: Canvas? { drawnCanvases.last }

    /// The scripted events not replayed yet.
    public var remainingEvents: [TerminalEvent] { script }

    /// Adds events to the end of the script.
    public func enqueue(_ events: TerminalEvent...) { script.append(contentsOf: events) }

    public func draw(_ canvas: Canvas) { drawnCanvases.append(canvas) }

    public func nextEvent(timeout: Duration?) -> TerminalEvent? {
        if wakePending.take() { return .wake }
        guard !script.isEmpty else { return nil }
        let event = script.removeFirst()
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
    }

    public func setMouseReporting(_ on: Bool) { mouseReporting = on }

    public func suspend() { suspendCount += 1 }

    public func writeControlSequence(_ sequence: String) { controlSequences.append(sequence) }

    public func shutdown() { isShutDown = true }
}

/// A flag any thread may raise and the event loop takes down.
private final class WakeFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    func raise() { raised.store(true, ordering: .releasing) }

    /// Whether the flag was raised; lowers it.
    func take() -> Bool { raised.exchange(false, ordering: .acquiringAndReleasing) }
}
