#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The raw bytes of an input: a memory-mapped file or a heap buffer (decompressed or read
/// from a pipe). Read-only; the input file is never written.
final class InputBuffer: @unchecked Sendable {
    /// The bytes.
    let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool

    private init(bytes: UnsafeRawBufferPointer, isMapped: Bool) {
        self.bytes = bytes
        self.isMapped = isMapped
    }

    /// A heap buffer that takes ownership of `pointer` (allocated with `malloc`).
    static func adopting(_ pointer: UnsafeMutableRawPointer?, count: Int) -> InputBuffer {
        InputBuffer(bytes: UnsafeRawBufferPointer(start: count > 0 ? pointer : nil, count: count), isMapped: false)
    }

    /// Maps `count` bytes of the open file `descriptor` read-only.
    static func mapping(descriptor: Int32, count: Int, name: String) throws -> InputBuffer {
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw TuttiError("cannot map the file into memory: \(String(cString: strerror(errno)))", file: name)
        }
        _ = madvise(address, count, MADV_SEQUENTIAL)
        return InputBuffer(bytes: UnsafeRawBufferPointer(start: address, count: count), isMapped: true)
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
        guard let base = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            free(UnsafeMutableRawPointer(mutating: base))
        }
    }
}
