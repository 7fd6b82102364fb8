/// Codes the values of plain `utf8` / `binary` Arrow arrays whose data is valid UTF-8: each row
/// gets the code of its value in order of first occurrence, as `StringColumnBuilder` would give,
/// but the rows' values are read where they are (the mapped file, a decompressed buffer) through
/// a table of distinct values with a cheap hash of two word loads; only a distinct value is
/// copied, once, into the coder's own arena. One coder can code several arrays in turn (the
/// record batches of a column, into one code array of all their rows), since nothing refers to
/// an array once it is coded. Gives up (false) where `StringColumnBuilder` would turn to plain
/// text — the first `probeRows` rows nearly all distinct, or more distinct values than a
/// categorical column may have — and where a value does not start or end on a character
/// boundary; the caller then builds the column value by value.
struct ArrowStringCoder: ~Copyable {
    /// A distinct value: where its bytes start in `arena`, its length and hash.
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
    }

    private var entries: UnsafeMutablePointer<Entry>
    private var capacity: Int
    private var count = 0
    /// The distinct values' bytes, back to back, with at least 8 bytes to spare at the end
    /// (whole words are read there).
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity: Int
    /// Open addressing: a code, or -1.
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    /// Rows coded so far, over every array.
    private var rowsCoded = 0

    /// An empty coder.
    init() {
        capacity = 64
        entries = .allocate(capacity: capacity)
        arenaCapacity = 1024
        arena = .allocate(capacity: arenaCapacity)
        mask = 2 * capacity - 1
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: -1, count: mask + 1)
    }

    deinit {
        entries.deallocate()
        arena.deallocate()
        slots.deallocate()
    }

    /// Codes `length` rows into `out`: row `row` is the bytes of `data` from offset `row` to
    /// offset `row + 1` of `offsets` (checked to ascend up to `last`, which ends the valid
    /// UTF-8 of `data`, `dataCount` bytes), `StringColumnBuilder.missingCode` where `presence`
    /// says missing. False where the caller must build the values one by one (see the type's
    /// comment); `out` is then partly written.
    mutating func code<Offset: FixedWidthInteger & BitwiseCopyable>(offsets: UnsafeRawBufferPointer, as: Offset.Type,
                                                                    data: UnsafePointer<UInt8>, dataCount: Int, length: Int, last: Int,
                                                                    presence: ColumnarMapping.Presence, into out: UnsafeMutablePointer<UInt32>) -> Bool {
        let width = MemoryLayout<Offset>.size
        let end = data + dataCount
        var from = Int(offsets.loadUnaligned(as: Offset.self))
        for row in 0..<length {
            let to = Int(offsets.loadUnaligned(fromByteOffset: (row + 1) * width, as: Offset.self))
            defer { from = to }
            rowsCoded += 1
            guard presence.isPresent(row) else {
                out[row] = StringColumnBuilder.missingCode
                continue
            }
            let n = to - from
            if n > 0, data[from] & 0xC0 == 0x80 || (to != last && data[to] & 0xC0 == 0x80) { return false }
            out[row] = code(data + from, n, end: end)
            if count > ColumnAssembler.maxCategories
                || (rowsCoded == StringColumnBuilder.probeRows && count * 8 > StringColumnBuilder.probeRows * 7) {
                return false
            }
        }
        return true
    }

    /// The distinct values coded so far, in order of their codes.
    func dictionary() -> ByteDictionary {
        var dictionary = ByteDictionary(capacity: count)
        for code in 0..<count { _ = dictionary.code(of: arena + entries[code].start, entries[code].length) }
        return dictionary
    }

    /// The code of the `n` bytes at `p` (readable up to `end`), inserting them if new.
    @inline(__always)
    private mutating func code(_ p: UnsafePointer<UInt8>, _ n: Int, end: UnsafePointer<UInt8>) -> UInt32 {
        let hash = hash(p, n, end: end)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            let entry = entries[existing]
            if entry.hash == hash, entry.length == n, equal(UnsafePointer(arena + entry.start), p, n, end: end) { return UInt32(existing) }
            slot = (slot + 1) & mask
        }
        if count == capacity {
            grow()
            slot = freeSlot(hash)
        }
        if arenaCount + n + 8 > arenaCapacity { growArena(to: arenaCount + n + 8) }
        (arena + arenaCount).initialize(from: p, count: n)
        entries[count] = Entry(hash: hash, start: arenaCount, length: n)
        arenaCount += n
        slots[slot] = Int32(count)
        count += 1
        return UInt32(count - 1)
    }

    /// The first `n` (at most 8) bytes at `p` as a word, the rest zero; reads a whole word
    /// when it lies before `end`.
    @inline(__always)
    private func word(_ p: UnsafePointer<UInt8>, _ n: Int, end: UnsafePointer<UInt8>) -> UInt64 {
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
    private func hash(_ p: UnsafePointer<UInt8>, _ n: Int, end: UnsafePointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        if n <= 8 { return Self.fold(word(p, n, end: end) ^ 0xA076_1D64_78BD_642F, h ^ 0xE703_7ED1_A0B4_28DB) }
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

    /// Whether the `n` bytes at `a` (in the arena) and at `b` (readable up to `end`) are the same.
    @inline(__always)
    private func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int, end: UnsafePointer<UInt8>) -> Bool {
        if n <= 8 { return UnsafeRawPointer(a).loadUnaligned(as: UInt64.self) & Self.lowBytes(n) == word(b, n, end: end) }
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= n {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }

    /// A mask of the low `n` (0 to 8) bytes of a word.
    @inline(__always)
    private static func lowBytes(_ n: Int) -> UInt64 {
        n >= 8 ? ~0 : (1 << UInt64(8 * n)) &- 1
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
        let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        bigger.moveInitialize(from: entries, count: old)
        entries.deallocate()
        entries = bigger
        slots.deallocate()
        mask = 2 * capacity - 1
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: -1, count: mask + 1)
        for code in 0..<count { slots[freeSlot(entries[code].hash)] = Int32(code) }
    }

    /// Makes the arena hold at least `needed` bytes.
    private mutating func growArena(to needed: Int) {
        arenaCapacity = max(needed, 2 * arenaCapacity)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: arenaCapacity)
        bigger.initialize(from: arena, count: arenaCount)
        arena.deallocate()
        arena = bigger
    }
}
