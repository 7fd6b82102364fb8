import Foundation
import Synchronization
import TuttiCore

/// A one-line progress bar on standard error for loads that take more than half a second.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let started = Date()
    private let state = Mutex<(shown: Bool, lastPercent: Int)>((false, -1))

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: WorkProgress) {
        guard enabled, Date().timeIntervalSince(started) > 0.5, progress.total > 0 else { return }
        let percent = Int(progress.fraction * 100)
        let line: String? = state.withLock { state in
            guard percent != state.lastPercent else { return nil }
            state = (true, percent)
            let filled = percent / 5
            return "\r\(progress.phase) [" + String(repeating: "#", count: filled)
                + String(repeating: ".", count: 20 - filled) + "] \(percent)%"
        }
        if let line { Console.progress(line) }
    }

    func finish() {
        let shown = state.withLock { $0.shown }
        if shown { Console.progress("\r\u{1B}[K") }
    }
}
