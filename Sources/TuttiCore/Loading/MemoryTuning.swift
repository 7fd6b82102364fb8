#if canImport(CMalloc) && os(Linux)
import CMalloc
#endif
import Synchronization

/// Keeps a load's peak memory close to the size of the data it produces.
///
/// glibc raises its mmap threshold every time a large block is freed, after which the loader's
/// many per-chunk buffers come from the heap and stay resident after they are freed. A fixed
/// threshold sends every buffer of `mmapThreshold` bytes or more to its own mapping, returned
/// to the system the moment it is freed; a trim after every `trimInterval` bytes of freed
/// buffers, and at the end of a load, returns what the heap still holds. (A trim walks the
/// whole heap, so one per column made wide tables quadratic.) The threshold is below the size
/// of one column of a chunk of `ChunkSizing.smallestFull` bytes, the smallest a file of more
/// than a few MiB per core is cut into (4 MiB of a 150-byte-a-row file hold 27k rows: 213 KiB
/// of 8-byte values, 107 KiB of category codes): at 256 KiB those pieces stayed on the heap,
/// freed as columns were joined but held until the next trim, and a load of 1M rows peaked at
/// 1.6 times the file instead of 1.3.
enum MemoryTuning {
    /// Bytes of buffers freed between two trims.
    static let trimInterval = 64 << 20

    /// Buffers of this many bytes or more get their own mapping.
    static let mmapThreshold = 64 << 10

    private static let releasedSinceTrim = Atomic<Int>(0)

    private static let configured: Bool = {
        #if canImport(CMalloc) && os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, Int32(mmapThreshold))
        #endif
        return true
    }()

    /// Sets the allocator up once per process.
    static func configure() { _ = configured }

    /// Notes that about `bytes` of buffers were freed, trimming once enough have been.
    static func released(bytes: Int) {
        let total = releasedSinceTrim.add(bytes, ordering: .relaxed).newValue
        guard total >= trimInterval else { return }
        releasedSinceTrim.store(0, ordering: .relaxed)
        trim()
    }

    /// Returns freed heap memory to the system.
    static func trim() {
        #if canImport(CMalloc) && os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}
