import TuttiCore
import TuttiTerminal

/// The loop: terminal event → `Workspace.update` (keymap → binding → pane updates → commands →
/// reducer) → effects run → layout → pure render → flush. The app holds the workspace, a value,
/// and runs the effects its updates return through the `EffectRunner`. One thread; background
/// work (`BackgroundJobs`) wakes it through the terminal's waker.
///
/// `run()` is `start()` then `step()` until the user quits; tests drive the same two
/// functions with a `RecordingTerminal` (events in, frames out).
public final class App {
    private let terminal: any Terminal
    /// The whole interface's state; only `apply` (and the frames it draws) change it.
    public private(set) var workspace: Workspace
    private let effects: EffectRunner

    /// An app on `terminal` showing `workspace`; background work runs on `jobs` (worker threads
    /// unless they are inline, as in tests).
    public init(terminal: any Terminal, workspace: Workspace, jobs: BackgroundJobs = BackgroundJobs()) {
        self.terminal = terminal
        self.workspace = workspace
        effects = EffectRunner(terminal: terminal, jobs: jobs)
    }

    /// Updates the workspace with `action` and runs the effects it returns.
    public func apply(_ action: WorkspaceAction) {
        effects.run(workspace.update(action), on: &workspace)
    }

    /// Handles one terminal event (through the keymap) and runs the effects it asked for.
    public func handle(_ event: TerminalEvent) { apply(.event(event)) }

    /// The next frame at the given size (ended work delivered, panes laid out, then drawn).
    public func frame(width: Int, height: Int) -> Canvas {
        effects.frame(width: width, height: height, of: &workspace)
    }

    /// Runs until the user quits; returns the work that was still running then, which was asked
    /// to stop and has ended (cleaning up after itself) unless it took over 10 s.
    @discardableResult
    public func run() -> [JobHandle] {
        start()
        while !wantsQuit { step() }
        // Work still running (an export) stops and cleans up before the program exits.
        let stopped = effects.jobs.running
        effects.jobs.cancelAll()
        effects.jobs.waitUntilIdle(timeout: .seconds(10))
        return stopped
    }

    /// Connects background work to the terminal's waker, sets mouse reporting and draws the
    /// first frame.
    public func start() {
        let waker = terminal.waker
        effects.jobs.wake = { waker.wake() }
        terminal.setMouseReporting(workspace.mouseEnabled)
        draw()
    }

    /// Waits for the terminal's next event (while background work runs, at most 200 ms, to show
    /// its progress), handles it and draws the frame that follows.
    public func step() {
        if let event = terminal.nextEvent(timeout: isBusy ? .milliseconds(200) : nil) { handle(event) }
        draw()
    }

    /// Whether background work (slices, duplicates, an export, a search) is running.
    public var isBusy: Bool { !effects.jobs.running.isEmpty }

    /// Whether the user asked to quit.
    public var wantsQuit: Bool { workspace.wantsQuit }

    private func draw() {
        let size = terminal.size
        terminal.draw(frame(width: size.width, height: size.height))
    }
}
