#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The raw bytes of an input: a memory-mapped file or a heap buffer (decompressed or read
/// from a pipe). Read-only; the input file is never written. A mapped file stays open, so its
/// bytes can also be read with `read(into:count:at:)`: a read from a file truncated meanwhile
/// comes back short, where touching the mapping past the new end would raise SIGBUS.
final class InputBuffer: @unchecked Sendable {
    /// The bytes.
    let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool
    /// The open file behind a mapping, or -1.
    private let descriptor: Int32

    private init(bytes: UnsafeRawBufferPointer, isMapped: Bool, descriptor: Int32 = -1) {
        self.bytes = bytes
        self.isMapped = isMapped
        self.descriptor = descriptor
    }

    /// A heap buffer that takes ownership of `pointer` (allocated with `malloc`).
    static func adopting(_ pointer: UnsafeMutableRawPointer?, count: Int) -> InputBuffer {
        InputBuffer(bytes: UnsafeRawBufferPointer(start: count > 0 ? pointer : nil, count: count), isMapped: false)
    }

    /// Maps `count` bytes of the open file `descriptor` read-only, keeping a duplicate of the
    /// descriptor for reads.
    static func mapping(descriptor: Int32, count: Int, name: String) throws -> InputBuffer {
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw TuttiError("cannot map the file into memory: \(String(cString: strerror(errno)))", file: name)
        }
        _ = madvise(address, count, MADV_SEQUENTIAL)
        let kept = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        return InputBuffer(bytes: UnsafeRawBufferPointer(start: address, count: count), isMapped: true, descriptor: kept)
    }

    /// Whether `read(into:count:at:)` reads the file (else the bytes are only in memory).
    var isReadable: Bool { descriptor >= 0 }

    /// Reads `count` bytes at `offset` of the file into `target`, with as many `pread` calls
    /// as it takes. Returns the bytes read: fewer than `count` when the file has become
    /// shorter; nil (with `errno` set) when reading fails.
    func read(into target: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int? {
        var done = 0
        while done < count {
            let got = pread(descriptor, target + done, count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            done += got
        }
        return done
    }

    /// Maps the pages of `range` of a mapped file in one call before they are read (they are in
    /// the page cache or read ahead), instead of one page fault per few pages. Only advice: a
    /// kernel without `MADV_POPULATE_READ` (before Linux 5.14) faults them in as usual.
    func prefault(_ range: Range<Int>) {
        #if os(Linux)
        guard isMapped, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = range.lowerBound / page * page
        let end = min(bytes.count, range.upperBound)
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Self.populateRead)
        #endif
    }

    /// `MADV_POPULATE_READ` (Linux 5.14).
    private static let populateRead: Int32 = 22

    /// Tells the kernel the pages of `range` are no longer needed, so a mapped file does not stay
    /// resident after it has been parsed. They are read back from the file if touched again.
    func release(_ range: Range<Int>) {
        guard isMapped, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        guard let base = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            free(UnsafeMutableRawPointer(mutating: base))
        }
    }
}
