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
    /// The file's size and modification time when it was mapped.
    private let mappedState: FileState?

    private init(bytes: UnsafeRawBufferPointer, isMapped: Bool, descriptor: Int32 = -1, guardSlot: Int32 = -1) {
        self.bytes = bytes
        self.isMapped = isMapped
        self.descriptor = descriptor
        self.guardSlot = guardSlot
        mappedState = FileState(descriptor: descriptor)
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

    /// Whether the mapped file changed since it was mapped so that what was read is not the file:
    /// a read went past its new end (and saw zeros), it is shorter now (the rest of its last page
    /// reads as zeros without a fault), or it was rewritten without growing (emptied and written
    /// again: old and new pages may have been read). A file that only grew (appended to) has not
    /// changed the bytes that were mapped.
    var changedWhileRead: Bool {
        guard isMapped else { return false }
        if readPastEnd { return true }
        guard let mappedState, let now = FileState(descriptor: descriptor) else { return false }
        return now.size < mappedState.size || (now.size == mappedState.size && now != mappedState)
    }

    /// Whether a read of the mapping faulted past the end of the file (and the guard gave it zeros).
    var readPastEnd: Bool { tutti_mapping_guard_tripped(guardSlot) != 0 }

    /// The error to give when `changedWhileRead`.
    func changedError(name: String) -> TuttiError {
        guard let size = FileState(descriptor: descriptor)?.size, size >= bytes.count else {
            let now = FileState(descriptor: descriptor).map { "it ends at byte \($0.size)" } ?? "it is shorter"
            return TuttiError("changed while it was read: \(now), before the \(bytes.count) bytes it had when it was opened",
                              file: name)
        }
        // As long as before: rewritten meanwhile, or a page of it could not be read.
        return TuttiError("changed while it was read (it was rewritten, or a part of it could not be read)", file: name)
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

/// A file's size and last modification, to tell whether it changed.
private struct FileState: Equatable {
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init?(descriptor: Int32) {
        var info = stat()
        guard descriptor >= 0, fstat(descriptor, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
