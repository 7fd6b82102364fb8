/// A reusable heap buffer for decompressed pages, freed with its owner.
final class ScratchBuffer {
    private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// A buffer of exactly `count` bytes (its contents undefined); valid until the next call.
    func bytes(_ count: Int) throws -> UnsafeMutableRawBufferPointer {
        if storage.count < count {
            storage.deallocate()
            storage = .allocate(byteCount: max(count, 1), alignment: 16)
        }
        return UnsafeMutableRawBufferPointer(rebasing: storage[..<count])
    }

    deinit { storage.deallocate() }
}
