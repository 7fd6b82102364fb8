import TuttiCore
import TuttiTerminal

/// The loop: terminal event → keymap → workspace (→ pane updates → commands → reducer) →
/// effects run → layout → pure render → flush. One thread; background work (`BackgroundJobs`)
/// wakes it through the terminal's waker.
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
        let waker = terminal.waker
        workspace.jobs.wake = { waker.wake() }
        terminal.setMouseReporting(workspace.mouseEnabled)
        draw()
        while !workspace.wantsQuit {
            // While background work runs, redraw a few times a second to show its progress.
            let busy = !workspace.jobs.running.isEmpty
            guard let event = terminal.nextEvent(timeout: busy ? .milliseconds(200) : nil) else {
                draw()
                continue
            }
            switch handle(event) {
            case .suspend: terminal.suspend()
            case .mouse(let on): terminal.setMouseReporting(on)
            case .write(let sequence): terminal.writeControlSequence(sequence)
            case .redraw, .none: break
            }
            draw()
        }
        // Work still running (an export) stops and cleans up before the program exits.
        let stopped = workspace.jobs.running
        workspace.jobs.cancelAll()
        workspace.jobs.waitUntilIdle(timeout: .seconds(10))
        return stopped
    }

    private func draw() {
        let size = terminal.size
        terminal.draw(frame(width: size.width, height: size.height))
    }
}
