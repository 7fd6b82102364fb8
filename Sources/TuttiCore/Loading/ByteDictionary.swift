import CLoadKernels

/// A hash map from byte strings to dense codes 0, 1, 2, … in order of first insertion, with the
/// strings kept in a `StringTable`: the dictionary of a categorical column.
///
/// Each hash slot holds the entry's code and the high half of its hash in one word, so a probe
/// that meets another value is rejected without reading the entry's bytes or its full hash.
struct ByteDictionary {
    /// The distinct strings; code `c` is `entries[c]`.
    private(set) var entries = StringTable()
    private var hashes: [UInt64] = []
    /// Empty (0) or the high 32 bits of an entry's hash above its code plus one.
    private var slots: [UInt64]
    private var mask: Int

    /// An empty dictionary.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// An empty dictionary with room for `room` (slots for twice its entries), so that it does
    /// not grow while that many are inserted.
    init(room: DictionaryRoom) {
        self.init(capacity: room.entries)
        entries.reserve(entries: room.entries, byteCount: room.bytes)
        hashes.reserveCapacity(room.entries)
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
        let probe = lookup(p, n, hash: hash)
        if probe.code >= 0 { return UInt32(probe.code) }
        return insert(p, n, hash: hash, slot: probe.slot)
    }

    /// The code of the given bytes (whose `ByteHasher.hash` is `hash`) when they are an entry;
    /// else code -1 and the vacant slot where `insert` puts them (valid until the next insert).
    @inline(__always)
    func lookup(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> (code: Int, slot: Int) {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = self.mask
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let word = slots[slot]
                if word == 0 { return (-1, slot) }
                if word & 0xFFFF_FFFF_0000_0000 == tag {
                    let code = Int(truncatingIfNeeded: word & 0xFFFF_FFFF) - 1
                    if equals(code, p, n) { return (code, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Starts loading the hash slot where a lookup of bytes whose hash is `hash` begins, so that
    /// the lookup, a row later, does not wait for it (a dictionary of tens of thousands of
    /// values is larger than the core's caches).
    @inline(__always)
    func prefetch(hash: UInt64) {
        slots.withUnsafeBufferPointer { slots in
            tutti_prefetch(slots.baseAddress! + (Int(truncatingIfNeeded: hash) & mask))
        }
    }

    /// Adds the bytes, which `lookup` did not find, at the vacant `slot` it gave; returns their code.
    @inline(__always)
    mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, slot: Int) -> UInt32 {
        let code = entries.count
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(code + 1)
        hashes.append(hash)
        entries.append(UnsafeBufferPointer(start: p, count: n))
        if entries.count * 2 > slots.count { grow() }
        return UInt32(code)
    }

    @inline(__always)
    private func equals(_ code: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        entries.offsets.withUnsafeBufferPointer { offsets in
            let start = offsets[code]
            guard offsets[code + 1] - start == n else { return false }
            if n == 0 { return true }
            return entries.bytes.withUnsafeBufferPointer { Self.sameBytes($0.baseAddress! + start, p, n) }
        }
    }

    /// Whether the `n` (at least one) bytes at `a` and `b` are equal, compared in words (the
    /// last one overlapping the one before) rather than by a call to `memcmp`, which cost more
    /// than the comparison for the short strings of a categorical column. No byte outside the
    /// two strings is read.
    @inline(__always)
    private static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                guard x.loadUnaligned(fromByteOffset: i, as: UInt64.self) == y.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                else { return false }
                i += 8
            }
            return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        if n >= 4 {
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        return a[0] == b[0] && a[n >> 1] == b[n >> 1] && a[n - 1] == b[n - 1]
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(code + 1)
        }
    }
}
