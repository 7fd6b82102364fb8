/// A growable byte buffer that rows are encoded into before they go to the file in large blocks.
///
/// It owns its memory and is appended to through raw pointers: no Swift `String`, no bounds check
/// and no copy-on-write check per cell.
final class OutputBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    /// The number of bytes held.
    private(set) var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes (it grows when a row needs more).
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes held.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Forgets the bytes held, keeping the memory.
    func removeAll() { count = 0 }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends `length` bytes from `source`.
    @inline(__always)
    func append(_ source: UnsafePointer<UInt8>, length: Int) {
        reserve(length)
        (base + count).update(from: source, count: length)
        count += length
    }

    /// Appends the bytes of `source`.
    @inline(__always)
    func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress else { return }
        append(start, length: source.count)
    }

    /// Appends the bytes of an ASCII literal.
    @inline(__always)
    func append(_ text: StaticString) {
        append(text.utf8Start, length: text.utf8CodeUnitCount)
    }

    /// Appends `bytes`.
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Lets the caller write up to `maximum` bytes at the end; `body` returns how many it wrote.
    @inline(__always)
    func appendUnsafe(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        count += body(base + count)
    }
}
