import Synchronization

/// Buffers that parallel workers borrow for one chunk and give back, so the memory one chunk
/// has touched serves the next chunk instead of being mapped, faulted in and returned again.
/// Holds at most one buffer per worker that used it at the same time; what it holds is freed
/// with the pool.
final class ReusePool<Buffer: Sendable>: Sendable {
    private let idle = Mutex<[Buffer]>([])

    /// A buffer given back earlier, or nil when none is idle (the caller makes a new one).
    func take() -> Buffer? {
        idle.withLock { $0.popLast() }
    }

    /// Gives `buffer` back for another chunk.
    func give(_ buffer: Buffer) {
        idle.withLock { $0.append(buffer) }
    }

    /// The number of buffers given back and not taken again.
    var idleCount: Int { idle.withLock { $0.count } }
}
