#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps the pages of a new buffer in one system call before it is filled, instead of taking
/// one page fault per 4 KiB as it is written. A loaded column is written once into memory the
/// kernel has just handed out (every buffer of `MemoryTuning.mmapThreshold` bytes or more is a
/// fresh mapping), so the faults are certain; populating them in one call costs about a quarter
/// less than faulting them one by one. Only advice: a kernel without `MADV_POPULATE_WRITE`
/// (before Linux 5.14) faults the pages in as usual.
enum Prefault {
    /// Buffers smaller than this come from the heap, whose pages are mostly mapped already.
    static let minimumBytes = MemoryTuning.mmapThreshold

    /// `MADV_POPULATE_WRITE` (Linux 5.14).
    private static let populateWrite: Int32 = 23

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the whole pages among the `count` bytes at `start`, writable, if `count` is at least
    /// `minimumBytes`. The contents are unchanged.
    static func pages(_ start: UnsafeMutableRawPointer, count: Int) {
        #if os(Linux)
        guard count >= minimumBytes else { return }
        let address = Int(bitPattern: start)
        let lower = address / pageSize * pageSize
        let upper = (address + count) / pageSize * pageSize
        guard upper > lower, let base = UnsafeMutableRawPointer(bitPattern: lower) else { return }
        _ = madvise(base, upper - lower, populateWrite)
        #endif
    }
}

extension Array where Element: BitwiseCopyable {
    /// An empty array with room for `capacity` elements whose pages are mapped already (see
    /// `Prefault`). For buffers that will be filled to about `capacity`: the pages are resident
    /// whether or not they are written.
    static func prefaulted(capacity: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: Swift.max(capacity, 0)) { buffer, count in
            if let base = buffer.baseAddress {
                Prefault.pages(UnsafeMutableRawPointer(base), count: buffer.count * MemoryLayout<Element>.stride)
            }
            count = 0
        }
    }

    /// Maps the pages of the next `count` elements past the end, within the reserved capacity:
    /// for a large array filled piece by piece while the pieces are freed, so that its pages are
    /// faulted in batches without holding more memory than it fills.
    mutating func prefaultNext(_ count: Int) {
        let start = self.count
        guard count > 0, start + count <= capacity else { return }
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            Prefault.pages(UnsafeMutableRawPointer(base + start), count: count * MemoryLayout<Element>.stride)
        }
    }

    /// Reserves room for `capacity` elements in all, prefaulted (see `prefaulted(capacity:)`)
    /// when the array is empty.
    mutating func reservePrefaulted(_ capacity: Int) {
        if isEmpty, self.capacity < capacity {
            self = .prefaulted(capacity: capacity)
        } else {
            reserveCapacity(capacity)
        }
    }
}
