#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash map from byte strings to dense codes 0, 1, 2, … in order of first insertion, with the
/// strings kept in a `StringTable`: the dictionary of a categorical column.
struct ByteDictionary {
    /// The distinct strings; code `c` is `entries[c]`.
    private(set) var entries = StringTable()
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int

    /// An empty dictionary.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The number of distinct strings.
    var count: Int { entries.count }

    /// The code of the given bytes, inserting them if new.
    @inline(__always)
    mutating func code(of p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        code(of: p, n, hash: ByteHasher.hash(p, n))
    }

    /// The hash of the entry of `code` (`ByteHasher.hash` of its bytes).
    func hash(at code: Int) -> UInt64 { hashes[code] }

    /// The code of the given bytes, whose `ByteHasher.hash` is `hash` (taken from another
    /// dictionary, so as not to hash them again), inserting them if new.
    @inline(__always)
    mutating func code(of p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            if hashes[existing] == hash, equals(existing, p, n) { return UInt32(existing) }
            slot = (slot + 1) & mask
        }
        let code = entries.count
        slots[slot] = Int32(code)
        hashes.append(hash)
        entries.append(UnsafeBufferPointer(start: p, count: n))
        if entries.count * 2 > slots.count { grow() }
        return UInt32(code)
    }

    @inline(__always)
    private func equals(_ code: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let start = entries.offsets[code], end = entries.offsets[code + 1]
        guard end - start == n else { return false }
        if n == 0 { return true }
        return entries.bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, p, n) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
        }
    }
}
