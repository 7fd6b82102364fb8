import Foundation

/// Runs work that would stall the interface (SliceLine, duplicate search, big exports) on a
/// worker thread, and wakes the UI loop when it progresses or ends. Only the app's effect
/// runner starts work; the workspace reads what runs for the status line. Used from the UI
/// thread only. In tests (`inline`), work runs at once on the caller's thread.
public final class BackgroundJobs {
    private let inline: Bool
    private var handles: [JobHandle] = []
    private var completions: [(handle: JobHandle, action: (JobHandle) -> Void)] = []
    /// Wakes the UI loop; set by the app to the terminal's waker.
    public var wake: @Sendable () -> Void = {}

    /// Jobs on worker threads (`inline` false) or at once on the caller's thread (`inline` true).
    public init(inline: Bool = false) {
        self.inline = inline
    }

    /// Starts `job`; its value (or error) lands in its handle, and `completion` runs on the UI
    /// thread once it has ended (see `deliverCompletions`).
    public func start(_ job: JobRequest, completion: @escaping (JobHandle) -> Void) {
        let handle = job.handle, work = job.work
        completions.append((handle, completion))
        if inline {
            handle.finish(Result { try work(handle) })
            deliverCompletions()
            return
        }
        handles.removeAll { !$0.isRunning }
        handles.append(handle)
        let wake = self.wake
        let thread = Thread {
            handle.finish(Result { try work(handle) })
            wake()
        }
        thread.stackSize = 8 << 20
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// Runs the completions of the jobs that have ended; the loop calls it before each frame.
    public func deliverCompletions() {
        let ended = completions.filter { !$0.handle.isRunning }
        completions.removeAll { !$0.handle.isRunning }
        for entry in ended { entry.action(entry.handle) }
    }

    /// The jobs still going, oldest first.
    public var running: [JobHandle] { handles.filter(\.isRunning) }

    /// Asks every running job to stop; returns how many had not been asked yet.
    @discardableResult
    public func cancelAll() -> Int {
        let live = running.filter { !$0.isStopping }
        live.forEach { $0.cancel() }
        return live.count
    }

    /// Waits until no job runs, at most `timeout`: before the program exits, so that work that
    /// was asked to stop cleans up after itself (an export deletes its temporary file).
    public func waitUntilIdle(timeout: Duration) {
        let clock = ContinuousClock(), deadline = clock.now + timeout
        while !running.isEmpty && clock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }
}
