#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes a chunk is scanned in: the whole input when it is in memory, or a range of the file
/// read into a reused buffer. Byte `i` of the window is byte `offset + i` of the input.
struct ChunkWindow {
    let pointer: UnsafePointer<UInt8>
    /// Where the window starts in the input.
    let offset: Int
    let count: Int
    /// Whether the window runs to the end of the input, so a scan that reaches its end has
    /// seen the whole of the last record.
    let reachesInputEnd: Bool
}

/// Hands out chunk windows: the input itself when it is in memory or a guarded mapping, else
/// each window read with `pread` into a buffer that the next chunk reuses (a file truncated
/// while it is read then gives a short read, an error, instead of SIGBUS).
final class ChunkWindowReader: Sendable {
    private let buffer: InputBuffer
    private let name: String
    private let readsFile: Bool
    private let scratch = ReusePool<ReadBuffer>()

    /// A reader of `buffer`, reading with `pread` when the file is open and `readsFile` or its
    /// mapping is not guarded against truncation.
    init(buffer: InputBuffer, name: String, readsFile: Bool) {
        self.buffer = buffer
        self.name = name
        self.readsFile = (readsFile || !buffer.isGuarded) && buffer.isReadable
    }

    /// Whether windows are read from the file (else they are the input in memory).
    var readsFromFile: Bool { readsFile }

    /// Whether a read of the mapping went past the end of its file, truncated meanwhile (what was
    /// read is then zeros, not the file).
    var readPastEnd: Bool { buffer.readPastEnd }

    /// Calls `body` with a window holding at least `range` (clamped to the input). A window of
    /// a mapped file is that range of the mapping, so that a file truncated meanwhile is not
    /// scanned through the zeros of its old length; the load stops at the next window.
    func withWindow<R>(_ range: Range<Int>, _ body: (ChunkWindow) -> R) throws(TuttiError) -> R {
        let total = buffer.bytes.count
        let lower = min(max(range.lowerBound, 0), total)
        let upper = min(max(range.upperBound, lower), total)
        if buffer.readPastEnd { throw buffer.changedError(name: name) }
        guard readsFile else {
            let input = buffer.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            guard buffer.isMapped else {
                return body(ChunkWindow(pointer: input, offset: 0, count: total, reachesInputEnd: true))
            }
            return body(ChunkWindow(pointer: input + lower, offset: lower, count: upper - lower, reachesInputEnd: upper == total))
        }
        let storage = scratch.take() ?? ReadBuffer()
        defer { scratch.give(storage) }
        let target = storage.pointer(capacity: max(upper - lower, 1))
        guard let got = buffer.read(into: target, count: upper - lower, at: lower) else {
            throw TuttiError("cannot read: \(String(cString: strerror(errno)))", file: name)
        }
        guard got == upper - lower else {
            throw TuttiError("changed while it was read: it ends at byte \(lower + got), before the \(total) bytes it had when it was opened",
                             file: name)
        }
        return body(ChunkWindow(pointer: UnsafePointer(target.assumingMemoryBound(to: UInt8.self)), offset: lower,
                                count: upper - lower, reachesInputEnd: upper == total))
    }
}

/// A heap buffer that grows and is reused for chunk after chunk.
final class ReadBuffer: @unchecked Sendable {
    private var base: UnsafeMutableRawPointer?
    private var capacity = 0

    /// The buffer, grown to hold at least `capacity` bytes (its contents are then undefined).
    /// A new buffer has an eighth more room, so that the next chunk's window, about as large,
    /// fits in it (chunk 0's window is a byte shorter than the others'), and its pages are
    /// mapped at once rather than faulted in while the kernel copies into them.
    func pointer(capacity wanted: Int) -> UnsafeMutableRawPointer {
        if wanted > capacity || base == nil {
            free(base)
            capacity = max(wanted + wanted / 8, capacity * 2)
            base = malloc(capacity)!
            Prefault.pages(base!, count: capacity)
        }
        return base!
    }

    deinit { free(base) }
}
