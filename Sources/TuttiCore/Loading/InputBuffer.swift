import CMappingGuard
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The raw bytes of an input: a memory-mapped file or a heap buffer (decompressed or read
/// from a pipe). Read-only; the input file is never written.
///
/// Touching a mapping past the end of a file truncated meanwhile raises SIGBUS. A mapping is
/// guarded (`CMappingGuard`): such a read sees zeros instead and `changedWhileRead` turns true,
/// so the load fails with a message. A mapped file also stays open, so its bytes can be read
/// with `read(into:count:at:)`, whose reads come back short from a truncated file: the way in
/// when a mapping cannot be guarded.
final class InputBuffer: @unchecked Sendable {
    /// The bytes.
    let bytes: UnsafeRawBufferPointer
    /// Whether the bytes are a file's mapping (else a heap buffer).
    let isMapped: Bool
    /// The open file behind a mapping, or -1.
    private let descriptor: Int32
    /// The mapping's slot in the guard, or -1.
    private let guardSlot: Int32

    private init(bytes: UnsafeRawBufferPointer, isMapped: Bool, descriptor: Int32 = -1, guardSlot: Int32 = -1) {
        self.bytes = bytes
        self.isMapped = isMapped
        self.descriptor = descriptor
        self.guardSlot = guardSlot
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
        return InputBuffer(bytes: UnsafeRawBufferPointer(start: address, count: count), isMapped: true, descriptor: kept,
                           guardSlot: tutti_mapping_guard_register(address, count))
    }

    /// Whether `read(into:count:at:)` reads the file (else the bytes are only in memory).
    var isReadable: Bool { descriptor >= 0 }

    /// Whether the mapping is guarded: reads past the end of a truncated file see zeros and set
    /// `changedWhileRead`.
    var isGuarded: Bool { guardSlot >= 0 }

    /// Whether the mapped file was truncated since it was mapped: a read went past its new end
    /// (and saw zeros), or it is shorter now (the rest of its last page reads as zeros without a
    /// fault). What was read is then not the file.
    var changedWhileRead: Bool {
        guard isMapped else { return false }
        return readPastEnd || (currentFileSize.map { $0 < bytes.count } ?? false)
    }

    /// Whether a read of the mapping faulted past the end of the file (and the guard gave it zeros).
    var readPastEnd: Bool { tutti_mapping_guard_tripped(guardSlot) != 0 }

    /// The error to give when `changedWhileRead`.
    func changedError(name: String) -> TuttiError {
        let now = currentFileSize.map { "it ends at byte \($0)" } ?? "it is shorter"
        return TuttiError("changed while it was read: \(now), before the \(bytes.count) bytes it had when it was opened",
                          file: name)
    }

    /// The file's size now (for a message when it changed), if it is open.
    var currentFileSize: Int? {
        var info = stat()
        guard descriptor >= 0, fstat(descriptor, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

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
        tutti_mapping_guard_unregister(guardSlot)
        if descriptor >= 0 { close(descriptor) }
        guard let base = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            free(UnsafeMutableRawPointer(mutating: base))
        }
    }
}
