import Foundation
import TuttiCore

/// One piece of background work as both threads see it: the worker reports progress and its
/// outcome; the UI thread reads them, and may ask it to stop.
public final class JobHandle: @unchecked Sendable {
    /// How a job stands.
    public enum Phase: Sendable {
        case running
        case finished
        case failed(String)
        case cancelled
    }

    /// What the status line calls the work ("SliceLine", "duplicate search", "export").
    public let label: String
    /// Whether the work refreshes figures a pane already shows (stale until it ends): short,
    /// not listed in the status line and not stopped by Esc.
    public let isQuiet: Bool
    /// Set to stop the work; the work checks it and ends with a cancelled error.
    public let cancellation = CancellationFlag()
    private let lock = NSLock()
    private var currentPhase = Phase.running
    private var currentProgress: Double?
    private var currentDetail: String?
    private var output: (any Sendable)?

    init(label: String, isQuiet: Bool = false) {
        self.label = label
        self.isQuiet = isQuiet
    }

    /// Where the work is.
    public var phase: Phase { lock.withLock { currentPhase } }

    /// Whether the work is still going.
    public var isRunning: Bool {
        if case .running = phase { return true }
        return false
    }

    /// Where the work is, in words: " (level 2 of 3) 40%", or "…" when it gives no fraction.
    public var progressText: String {
        let (fraction, words) = lock.withLock { (currentProgress, currentDetail) }
        let detail = words.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
        return detail + (fraction.map { " \(Int(($0 * 100).rounded()))%" } ?? "…")
    }

    /// Reports progress, from the worker.
    public func report(_ fraction: Double?, detail: String? = nil) {
        lock.withLock {
            currentProgress = fraction.map { min(1, max(0, $0)) }
            if let detail { currentDetail = detail }
        }
    }

    /// Asks the work to stop. It goes on running until the work notices (it checks between
    /// blocks of work), and ends cancelled — or finished, if it completed first.
    public func cancel() { cancellation.cancel() }

    /// Whether the work was asked to stop and has not ended yet.
    public var isStopping: Bool { isRunning && cancellation.isCancelled }

    /// The work's value once it finished.
    public func value<Value: Sendable>(as type: Value.Type) -> Value? {
        lock.withLock { output as? Value }
    }

    func finish(_ result: Result<any Sendable, any Error>) {
        lock.withLock {
            switch result {
            case .success(let value):
                output = value
                currentPhase = .finished
            case .failure(let error):
                currentPhase = cancellation.isCancelled ? .cancelled : .failed("\(error)")
            }
        }
    }
}
