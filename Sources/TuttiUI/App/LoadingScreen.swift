import Foundation
import TuttiCore
import TuttiTerminal

/// Loads a dataset in the background while the terminal shows a progress bar; Ctrl-C, Esc or
/// q cancels. The interface stays responsive (resizes are redrawn) throughout.
public enum LoadingScreen {
    /// Loads with `load` (which receives the work context to pass on: progress and cancellation)
    /// and returns its result, or nil if the user cancelled. Errors are rethrown.
    public static func run(terminal: any Terminal, name: String, theme: Theme, glyphs: Glyphs,
                           load: @escaping @Sendable (WorkContext) throws -> LoadResult) throws -> LoadResult? {
        let box = LoadBox()
        let cancellation = CancellationFlag()
        let waker = terminal.waker
        let work = WorkContext(progress: { progress in
            if box.update(progress) { waker.wake() }
        }, cancellation: cancellation)
        let thread = Thread {
            let outcome = Result { try load(work) }
            box.finish(outcome)
            waker.wake()
        }
        thread.stackSize = 8 << 20
        thread.start()
        while true {
            if let outcome = box.outcome {
                switch outcome {
                case .success(let result): return result
                case .failure(let error as TuttiError) where error == .cancelled(file: error.file): return nil
                case .failure(let error): throw error
                }
            }
            let size = terminal.size
            terminal.draw(render(width: size.width, height: size.height, name: name, progress: box.progress,
                                 cancelling: cancellation.isCancelled, theme: theme, glyphs: glyphs))
            guard let event = terminal.nextEvent(timeout: .milliseconds(250)) else { continue }
            if case .key(let key) = event,
               key.key == .escape || key.key == .character("q") || (key.key == .character("c") && key.modifiers.contains(.ctrl)) {
                cancellation.cancel()
            }
        }
    }

    static func render(width: Int, height: Int, name: String, progress: WorkProgress?, cancelling: Bool,
                       theme: Theme, glyphs: Glyphs) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let y = max(0, height / 2 - 1)
        let title = cancelling ? "cancelling…" : "loading \(name)"
        canvas.text(TextFitting.fit(title, width - 2, ellipsis: glyphs.ellipsis), x: 1, y: y, style: theme[.title])
        let barWidth = max(10, min(60, width - 12))
        let fraction = progress?.fraction ?? 0
        let filled = Int(fraction * Double(barWidth))
        for x in 0..<barWidth {
            canvas.set(x: 1 + x, y: y + 1, x < filled ? glyphs.verticalEighths[8] : glyphs.sparkline[0],
                       style: x < filled ? theme[.bar] : theme[.muted])
        }
        let percent = "\(Int(fraction * 100))% \(progress?.phase ?? "")"
        canvas.fittedText(percent, x: 2 + barWidth, y: y + 1, style: theme[.muted])
        canvas.fittedText("Ctrl-C cancels", x: 1, y: y + 2, style: theme[.muted])
        glyphs.fit(&canvas)
        return canvas
    }
}

/// Progress and outcome shared between the loading thread and the loop.
private final class LoadBox: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: WorkProgress?
    private var result: Result<LoadResult, any Error>?
    private var lastPercent = -1

    var progress: WorkProgress? { lock.withLock { latest } }
    var outcome: Result<LoadResult, any Error>? { lock.withLock { result } }

    /// Records progress; true when the shown percentage changed (worth a redraw).
    func update(_ progress: WorkProgress) -> Bool {
        lock.withLock {
            latest = progress
            let percent = Int(progress.fraction * 100)
            defer { lastPercent = percent }
            return percent != lastPercent
        }
    }

    func finish(_ outcome: Result<LoadResult, any Error>) { lock.withLock { result = outcome } }
}
