#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens an input for loading: a file (mapped), a named pipe or standard input ("-") read
/// within the memory budget, or any of these compressed with gzip (detected by its magic
/// bytes, whatever the name). Devices such as `/dev/zero` are refused. Every failure is a
/// `TuttiError` naming the input.
enum InputReader {
    /// Reads `path` ("-" for standard input) into memory.
    static func open(_ path: String, name: String, options: LoadOptions, work: WorkContext) throws -> InputBuffer {
        let raw = path == "-" ? try readAll(descriptor: STDIN_FILENO, name: name, options: options, work: work)
                              : try openFile(path, name: name, options: options, work: work)
        guard raw.bytes.count > 0 else { throw TuttiError("the input is empty", file: name) }
        return try inflatedIfCompressed(raw, name: name, options: options, work: work)
    }

    /// `raw` inflated if it is gzip data (whatever the name), else `raw`.
    static func inflatedIfCompressed(_ raw: InputBuffer, name: String, options: LoadOptions,
                                     work: WorkContext) throws -> InputBuffer {
        if raw.bytes.count >= 2, raw.bytes[0] == 0x1f, raw.bytes[1] == 0x8b {
            // A compressed file truncated while it is inflated gives zeros past its new end: an
            // error, or a member cut short that reads as trailing padding.
            do {
                let inflated = try Gzip.inflate(raw.bytes, name: name, options: options, work: work)
                if raw.changedWhileRead { throw raw.changedError(name: name) }
                return inflated
            } catch where raw.changedWhileRead {
                throw raw.changedError(name: name)
            }
        }
        return raw
    }

    private static func openFile(_ path: String, name: String, options: LoadOptions, work: WorkContext) throws -> InputBuffer {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TuttiError(describeOpenError(errno), file: name) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw TuttiError("cannot read: \(String(cString: strerror(errno)))", file: name)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw TuttiError("is a directory, not a data file", file: name)
        case S_IFREG:
            guard info.st_size > 0 else { throw TuttiError("the file is empty", file: name) }
            return try InputBuffer.mapping(descriptor: descriptor, count: Int(info.st_size), name: name)
        case S_IFCHR, S_IFBLK:
            // /dev/zero, /dev/urandom, a terminal or a disk: endless or not data.
            throw TuttiError("is a device (such as /dev/zero or a terminal), not a data file", file: name)
        default:
            // A named pipe, a socket or a process substitution: read it as a stream.
            return try readAll(descriptor: descriptor, name: name, options: options, work: work)
        }
    }

    private static func describeOpenError(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a directory, not a data file"
        default: "cannot open: \(String(cString: strerror(code)))"
        }
    }

    /// Reads a stream to its end into one heap buffer, stopping with an error past
    /// `options.memoryLimit` bytes.
    static func readAll(descriptor: Int32, name: String, options: LoadOptions, work: WorkContext) throws -> InputBuffer {
        let limit = max(1, options.memoryLimit)
        // One byte over the limit tells a stream of exactly `limit` bytes from a longer one.
        var capacity = min(1 << 20, limit + 1)
        var count = 0
        guard var buffer = malloc(capacity) else { throw TuttiError("out of memory", file: name) }
        while true {
            if work.isCancelled {
                free(buffer)
                throw TuttiError.cancelled(file: name)
            }
            if count == capacity {
                if count > limit {
                    free(buffer)
                    throw MemoryBudget.exceeded(limit, what: "the input holds", name: name)
                }
                capacity = min(capacity * 2, limit + 1)
                guard let grown = realloc(buffer, capacity) else {
                    free(buffer)
                    throw TuttiError("out of memory reading the input", file: name)
                }
                buffer = grown
            }
            let got = read(descriptor, buffer + count, capacity - count)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                free(buffer)
                throw TuttiError(errno == EISDIR ? "is a directory, not a data file" : "cannot read: \(message)", file: name)
            }
            count += got
            work.report("reading", count, 0)
        }
        return InputBuffer.adopting(buffer, count: count)
    }
}
