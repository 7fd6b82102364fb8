/// Codes the values of a plain `utf8` / `binary` Arrow array whose data buffer is valid UTF-8:
/// each row gets the code of its value in order of first occurrence, as `StringColumnBuilder`
/// would give, but the values stay where they are in the (mapped) file while the rows are
/// coded: a table of byte ranges with a cheap hash of two word loads, compared in place. Only the
/// distinct values are copied (and hashed with `ByteHasher`) into the chunk's dictionary at the
/// end. Gives up (nil) where `StringColumnBuilder` would turn to plain text — the first
/// `probeRows` rows nearly all distinct, or more distinct values than a categorical column may
/// have — and where a value does not start or end on a character boundary; the caller then
/// builds the column value by value.
struct ArrowStringCoder: ~Copyable {
    private let base: UnsafePointer<UInt8>
    private let end: UnsafePointer<UInt8>
    /// Per code: where its first occurrence starts in `base`, its length and hash.
    private var starts: UnsafeMutablePointer<Int>
    private var lengths: UnsafeMutablePointer<Int>
    private var hashes: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private var count = 0
    /// Open addressing: a code, or -1.
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int

    /// A coder for values in the `count` bytes at `base`.
    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        end = base + count
        capacity = 64
        starts = .allocate(capacity: capacity)
        lengths = .allocate(capacity: capacity)
        hashes = .allocate(capacity: capacity)
        mask = 2 * capacity - 1
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: -1, count: mask + 1)
    }

    deinit {
        starts.deallocate()
        lengths.deallocate()
        hashes.deallocate()
        slots.deallocate()
    }

    /// The column of `length` rows whose value `row` is the bytes from offset `row` to offset
    /// `row + 1` of `offsets` (checked to ascend up to `last`, which ends the valid UTF-8),
    /// missing rows as `presence` says; nil where the caller must build it value by value (see
    /// the type's comment).
    mutating func column<Offset: FixedWidthInteger & BitwiseCopyable>(offsets: UnsafeRawBufferPointer, as: Offset.Type, length: Int, last: Int,
                                                                      presence: ColumnarMapping.Presence) -> StringColumnBuilder? {
        var failed = false
        let width = MemoryLayout<Offset>.size
        let codes = [UInt32](unsafeUninitializedCapacity: length) { out, initialized in
            initialized = 0
            var from = Int(offsets.loadUnaligned(as: Offset.self))
            for row in 0..<length {
                let to = Int(offsets.loadUnaligned(fromByteOffset: (row + 1) * width, as: Offset.self))
                defer { from = to }
                guard presence.isPresent(row) else {
                    out[row] = StringColumnBuilder.missingCode
                    continue
                }
                let n = to - from
                if n > 0, base[from] & 0xC0 == 0x80 || (to != last && base[to] & 0xC0 == 0x80) {
                    failed = true
                    return
                }
                out[row] = code(base + from, n)
                if count > ColumnAssembler.maxCategories
                    || (row + 1 == StringColumnBuilder.probeRows && count * 8 > StringColumnBuilder.probeRows * 7) {
                    failed = true
                    return
                }
            }
            initialized = length
        }
        guard !failed else { return nil }
        var dictionary = ByteDictionary(capacity: count)
        for code in 0..<count { _ = dictionary.code(of: base + starts[code], lengths[code]) }
        return StringColumnBuilder(codes: codes, dictionary: dictionary, invalidUTF8Cells: 0)
    }

    /// The code of the `n` bytes at `p`, inserting them if new.
    @inline(__always)
    private mutating func code(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        let hash = hash(p, n)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            if hashes[existing] == hash, lengths[existing] == n, equal(base + starts[existing], p, n) { return UInt32(existing) }
            slot = (slot + 1) & mask
        }
        if count == capacity {
            grow()
            slot = freeSlot(hash)
        }
        starts[count] = p - base
        lengths[count] = n
        hashes[count] = hash
        slots[slot] = Int32(count)
        count += 1
        return UInt32(count - 1)
    }

    /// The first `n` (at most 8) bytes at `p` as a word, the rest zero; reads a whole word
    /// when it lies inside the buffer.
    @inline(__always)
    private func word(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n == 0 { return 0 }
        if end - p >= 8 {
            let all = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            return n >= 8 ? all : all & ((1 << UInt64(8 * n)) &- 1)
        }
        var value: UInt64 = 0
        for i in 0..<n { value |= UInt64(p[i]) << UInt64(8 * i) }
        return value
    }

    /// A hash of the `n` bytes at `p`: 16 bytes a step folded by multiplication, the last
    /// (overlapping) word for the tail.
    @inline(__always)
    private func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        if n <= 8 { return Self.fold(word(p, n) ^ 0xA076_1D64_78BD_642F, h ^ 0xE703_7ED1_A0B4_28DB) }
        var i = 0
        while i + 16 <= n {
            h = Self.fold(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0xA076_1D64_78BD_642F,
                          raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self) ^ h)
            i += 16
        }
        let last = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        let middle = i + 8 <= n ? raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) : 0
        return Self.fold(middle ^ 0x8EBC_6AF0_9C88_C6E3 ^ h, last ^ 0xE703_7ED1_A0B4_28DB)
    }

    /// The high and low halves of the full product, xored.
    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Whether the `n` bytes at `a` and at `b` are the same.
    @inline(__always)
    private func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n <= 8 { return word(a, n) == word(b, n) }
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= n {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }

    private func freeSlot(_ hash: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        return slot
    }

    /// Doubles the room for codes and rebuilds the slots.
    private mutating func grow() {
        let old = capacity
        capacity *= 2
        func moved<T>(_ pointer: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let bigger = UnsafeMutablePointer<T>.allocate(capacity: capacity)
            bigger.moveInitialize(from: pointer, count: old)
            pointer.deallocate()
            return bigger
        }
        starts = moved(starts)
        lengths = moved(lengths)
        hashes = moved(hashes)
        slots.deallocate()
        mask = 2 * capacity - 1
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: -1, count: mask + 1)
        for code in 0..<count { slots[freeSlot(hashes[code])] = Int32(code) }
    }
}
