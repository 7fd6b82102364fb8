import Glibc

/// A non-blocking pipe that wakes `poll`: any thread (or a signal handler, through
/// `writeEnd`) posts bytes, the event loop drains them. The descriptors close with the pipe.
final class SelfPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws(TerminalError) {
        guard let ends = Self.openPipe() else {
            throw TerminalError("tutti could not create a pipe: \(String(cString: strerror(errno))).")
        }
        readEnd = ends.read
        writeEnd = ends.write
    }

    /// A pipe whose ends are non-blocking and closed on exec; nil if the system refused.
    static func openPipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        return (ends[0], ends[1])
    }

    /// Posts one byte. A full pipe already has bytes waiting, so that failure is harmless.
    func post(_ byte: UInt8) {
        var byte = byte
        _ = write(writeEnd, &byte, 1)
    }

    /// Reads and returns every byte posted so far.
    func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(readEnd, &chunk, chunk.count)
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}
