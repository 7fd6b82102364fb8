import TuttiCore
import TuttiTerminal

/// The loop: terminal event → keymap → workspace (→ pane updates → commands → reducer) →
/// effects run → layout → pure render → flush. One thread; background work (`BackgroundJobs`)
/// wakes it through the terminal's waker.
///
/// `run()` is `start()` then `step()` until the user quits; tests drive the same two
/// functions with a `RecordingTerminal` (events in, frames out).
public final class App {
    private let terminal: any Terminal
    public let workspace: Workspace
    private let effects: EffectRunner

    public init(terminal: any Terminal, workspace: Workspace) {
        self.terminal = terminal
        self.workspace = workspace
        effects = EffectRunner(workspace: workspace)
    }

    /// Handles one terminal event and runs the effects it asked for; returns what the loop must
    /// do at the terminal.
    @discardableResult
    public func handle(_ event: TerminalEvent) -> TerminalEffect {
        let effect = Keymap.handle(event, in: workspace)
        effects.runPending()
        return effect
    }

    /// The next frame at the given size (ended work delivered, panes laid out, then drawn).
    public func frame(width: Int, height: Int) -> Canvas {
        effects.frame(width: width, height: height)
    }

    /// Runs until the user quits; returns the work that was still running then, which was asked
    /// to stop and has ended (cleaning up after itself) unless it took over 10 s.
    @discardableResult
    public func run() -> [JobHandle] {
        start()
        while !wantsQuit { step() }
        // Work still running (an export) stops and cleans up before the program exits.
        let stopped = workspace.jobs.running
        workspace.jobs.cancelAll()
        workspace.jobs.waitUntilIdle(timeout: .seconds(10))
        return stopped
    }

    /// Connects background work to the terminal's waker, sets mouse reporting and draws the
    /// first frame.
    public func start() {
        let waker = terminal.waker
        workspace.jobs.wake = { waker.wake() }
        terminal.setMouseReporting(workspace.mouseEnabled)
        draw()
    }

    /// Waits for the terminal's next event (while background work runs, at most 200 ms, to show
    /// its progress), handles it and draws the frame that follows.
    public func step() {
        if let event = terminal.nextEvent(timeout: isBusy ? .milliseconds(200) : nil) {
            switch handle(event) {
            case .suspend: terminal.suspend()
            case .mouse(let on): terminal.setMouseReporting(on)
            case .write(let sequence): terminal.writeControlSequence(sequence)
            case .redraw, .none: break
            }
        }
        draw()
    }

    /// Whether background work (slices, duplicates, an export, a search) is running.
    public var isBusy: Bool { !workspace.jobs.running.isEmpty }

    /// Whether the user asked to quit.
    public var wantsQuit: Bool { workspace.wantsQuit }

    private func draw() {
        let size = terminal.size
        terminal.draw(frame(width: size.width, height: size.height))
    }
}
