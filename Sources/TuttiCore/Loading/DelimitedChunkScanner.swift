#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans one chunk of delimited text in a window of the input that holds all of its records: a
/// window read from the file starts at the chunk and runs a little past its end, and is read
/// again, larger, when the chunk's last record runs past it.
struct DelimitedChunkScanner: Sendable {
    let windows: ChunkWindowReader
    /// Bytes in the whole input.
    let end: Int
    let delimiter: UInt8
    let columnCount: Int
    let lineTerminator: LineTerminator

    /// Bytes read past a chunk's end at first, for its last record (a window of the mapping,
    /// which copies nothing, reaches a quarter of the chunk further, so that long records rarely
    /// make a chunk scanned again).
    static let overrun = 64 << 10

    /// Scans the records that start in `start ..< limit`, or when `start` is nil in
    /// `s ..< limit` where `s` is the first line start at or after `nominal` (a guess that ignores
    /// quotes; `nominal` is past the header). Calls `build` with the result (in input offsets),
    /// the cells (in window offsets) and the window's bytes, which the cells point into and which
    /// are valid only during the call. Returns the result.
    func scan(nominal: Int, start: Int?, limit: Int, cells: CellBuffer,
              build: (CSVRecordScanner.Result, UnsafeBufferPointer<CellSpan>, UnsafePointer<UInt8>) -> Void) throws(TuttiError) -> CSVRecordScanner.Result {
        var overrun = windows.readsFromFile ? Self.overrun : max(Self.overrun, (limit - nominal) / 4)
        while true {
            let from = start ?? nominal - 1
            let to = max(from, min(end, limit + overrun))
            let scanned = try windows.withWindow(from..<to) { window -> CSVRecordScanner.Result? in
                let localLimit = limit - window.offset
                let localStart: Int
                if let start {
                    localStart = start - window.offset
                } else if let found = Self.firstLineStart(window, after: nominal - window.offset) {
                    localStart = found
                } else {
                    return nil
                }
                var scanner = CSVRecordScanner(input: window.pointer, end: window.count, delimiter: delimiter,
                                               columnCount: columnCount)
                scanner.lineTerminator = lineTerminator
                cells.count = 0
                var result = scanner.scan(from: localStart, limit: localLimit, into: cells)
                // The last record may run on past the window: read a larger one. A mapping read
                // past its file's end (truncated meanwhile) is not built: the next window stops.
                if localStart < localLimit, result.end >= window.count, !window.reachesInputEnd { return nil }
                if windows.readPastEnd { return nil }
                result.start += window.offset
                result.end += window.offset
                build(result, cells.cells, window.pointer)
                return result
            }
            if let scanned { return scanned }
            overrun *= 16
        }
    }

    /// The first line start at or after `nominal` (which is at least 1) in `window`; the
    /// window's end when it holds no line break and reaches the input's end, else nil.
    private static func firstLineStart(_ window: ChunkWindow, after nominal: Int) -> Int? {
        let input = window.pointer
        if input[nominal - 1] == UInt8(ascii: "\n") { return nominal }
        guard nominal < window.count,
              let found = memchr(input + nominal, Int32(UInt8(ascii: "\n")), window.count - nominal) else {
            return window.reachesInputEnd ? window.count : nil
        }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - input + 1
    }
}
