/// Collects the string values of one column of one chunk. It starts dictionary-encoded and
/// switches to a plain row-ordered table once the chunk alone holds more distinct values than a
/// categorical column may have (free text), so long text columns stop being hashed early; a
/// builder made with `switchesWhenUnique` also switches when nearly every one of its first
/// `probeRows` values is new (a dictionary of unique values costs some 20 bytes a row more than a
/// plain table: codes, hashes and hash slots). Whether the column is categorical is decided over the whole
/// column when the chunks are joined, whichever form the chunks hold.
/// Invalid UTF-8 is replaced and counted.
struct StringColumnBuilder {
    /// Dictionary-encoded values: `ownCodes[row]`, with `UInt32.max` marking a missing row
    /// (unless they are written to `placedCodes`; read them with `withCodes`).
    private var ownCodes: [UInt32] = []
    /// Where the codes are written instead of `ownCodes`: the column's final storage at this
    /// chunk's first row (see `PlacedCodes`), with room for the rows the builder expects.
    private var placedCodes: UnsafeMutablePointer<UInt32>? = nil
    /// The codes written to `placedCodes`, and the room there.
    private var placedCount = 0
    private var placedRoom = 0
    private(set) var dictionary = ByteDictionary()
    /// Row-ordered values once the builder has switched to plain text.
    private(set) var table: StringTable?
    /// Cells whose bytes were not valid UTF-8.
    private(set) var invalidUTF8Cells = 0
    /// Whether this chunk alone held more distinct values than a categorical column may have.
    private(set) var exceedsCategories = false
    /// Whether to switch to a plain table when the first `probeRows` rows are nearly all distinct.
    private var switchesWhenUnique = false
    /// The address and length of the bytes given to `lookAhead`, and their hash: a key that is
    /// sound because a builder is filled from one input window, whose bytes do not change, and
    /// is not appended to once that window is gone.
    private var ahead: (address: Int, count: Int, hash: UInt64)?

    /// Rows after which a builder made with `switchesWhenUnique` looks at its distinct count.
    static let probeRows = 4096

    /// The code that marks a missing row while building.
    static let missingCode = UInt32.max

    /// Tables whose text was copied out, reused when this builder turns plain (see
    /// `OrderedTextColumn`).
    private var plainTables: ReusePool<StringTable>? = nil
    /// The rows the builder was told to expect.
    private var expectedRows = 0

    /// An empty builder; `switchesWhenUnique` lets it turn plain early for values that do not
    /// repeat. `placement`: where the codes and a plain table go, and how large the dictionary
    /// starts.
    init(switchesWhenUnique: Bool = false, placement: StringPlacement = StringPlacement()) {
        self.switchesWhenUnique = switchesWhenUnique
        plainTables = placement.plainTables
        placedCodes = placement.codes
        placedRoom = placement.codes == nil ? 0 : placement.codesRoom
        if let room = placement.dictionaryRoom { dictionary = ByteDictionary(room: room) }
    }

    /// A builder holding already coded values: `codes[row]` indexes `dictionary`, or is
    /// `missingCode` for a missing row (a columnar file's dictionary, not hashed value by value).
    init(codes: [UInt32], dictionary: ByteDictionary, invalidUTF8Cells: Int) {
        self.ownCodes = codes
        self.dictionary = dictionary
        self.invalidUTF8Cells = invalidUTF8Cells
    }

    /// A builder of no rows that keeps what `builder` found (invalid cells, too many values),
    /// for a piece whose rows were handed over to an `OrderedTextColumn`.
    init(findingsOf builder: StringColumnBuilder) {
        invalidUTF8Cells = builder.invalidUTF8Cells
        exceedsCategories = builder.exceedsCategories
    }

    /// A builder holding `table` as its plain rows, with the findings of the builders it joins.
    init(plain table: StringTable, invalidUTF8Cells: Int, exceedsCategories: Bool) {
        self.table = table
        self.invalidUTF8Cells = invalidUTF8Cells
        self.exceedsCategories = exceedsCategories
    }

    /// Keeps the values as a plain table from now on, if they are coded.
    mutating func turnPlain() {
        if table == nil { switchToPlainText() }
    }

    /// The plain table, taken out (the builder then holds no rows), or nil if the values are coded.
    mutating func takePlainTable() -> StringTable? {
        defer { table = nil }
        return table
    }

    /// Whether the values are kept as a plain table rather than dictionary codes.
    var isPlainText: Bool { table != nil }

    /// The number of rows added.
    var rowCount: Int { table?.count ?? codeCount }

    /// The number of codes written.
    private var codeCount: Int { placedCodes == nil ? ownCodes.count : placedCount }

    /// Where the codes are, if the builder wrote them to the column's final storage.
    var placedAddress: UnsafeMutablePointer<UInt32>? { table == nil ? placedCodes : nil }

    /// The codes, copied (see `withCodes`).
    var codes: [UInt32] { withCodes { Array($0) } }

    /// Calls `body` with the codes (none once the values are a plain table).
    func withCodes<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        if let placedCodes, table == nil { return body(UnsafeBufferPointer(start: placedCodes, count: placedCount)) }
        return ownCodes.withUnsafeBufferPointer(body)
    }

    /// Writes the next code.
    @inline(__always)
    private mutating func appendCode(_ code: UInt32) {
        if let placedCodes {
            if placedCount < placedRoom {
                placedCodes[placedCount] = code
                placedCount += 1
                return
            }
            // More rows than there is room for: the codes move to the builder's own array.
            ownCodes = Array(UnsafeBufferPointer(start: placedCodes, count: placedCount))
            self.placedCodes = nil
        }
        ownCodes.append(code)
    }

    /// Reserves room for `rows` rows: codes for all of them, or, for a builder that will most
    /// likely turn plain (it has `plainTables`), for the rows it looks at before it decides.
    mutating func reserve(_ rows: Int) {
        expectedRows = rows
        if let placedCodes {
            Prefault.pages(placedCodes, count: min(rows, placedRoom) * MemoryLayout<UInt32>.stride)
        } else {
            ownCodes.reservePrefaulted(plainTables != nil && switchesWhenUnique ? min(rows, Self.probeRows) : rows)
        }
    }

    /// The plain table's entries, with each row's code in `dictionary` added to `rowCodes`
    /// (`missingCode` for the rows in `missingRows`, sorted); stops early, returning false, once
    /// `dictionary` holds more than `limit` values.
    func code(into dictionary: inout ByteDictionary, rowCodes: inout [UInt32], missingRows: [Int32], limit: Int) -> Bool {
        guard let table else { return true }
        rowCodes.reserveCapacity(table.count)
        var nextMissing = 0
        for row in 0..<table.count {
            if nextMissing < missingRows.count, Int(missingRows[nextMissing]) == row {
                nextMissing += 1
                rowCodes.append(Self.missingCode)
                continue
            }
            rowCodes.append(table.withBytes(at: row) {
                dictionary.code(of: $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count)
            })
            if dictionary.count > limit { return false }
        }
        return true
    }

    /// Dictionaries of fewer values than this stay in the core's fastest cache: no look-ahead.
    static let lookAheadEntries = 2048

    /// Tells the builder the bytes of the value it will most likely be given next (the next
    /// row's cell), so that a large dictionary starts loading their hash slot now; their hash
    /// is kept for that append.
    @inline(__always)
    mutating func lookAhead(_ p: UnsafePointer<UInt8>, _ n: Int) {
        guard table == nil, dictionary.count >= Self.lookAheadEntries else { return }
        let hash = ByteHasher.hash(p, n)
        ahead = (Int(bitPattern: p), n, hash)
        dictionary.prefetch(hash: hash)
    }

    /// Adds a present value. A value already in the dictionary is not validated again: only
    /// valid UTF-8 (or its repair) is ever entered, so invalid bytes always miss.
    @inline(__always)
    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        if table == nil {
            let hash = if let ahead, ahead.address == Int(bitPattern: p), ahead.count == n { ahead.hash } else { ByteHasher.hash(p, n) }
            let probe = dictionary.lookup(p, n, hash: hash)
            if probe.code >= 0 {
                appendCode(UInt32(truncatingIfNeeded: probe.code))
                checkDistinctCount()
                return
            }
            if TextDecoding.isValidUTF8(p, n) {
                appendCode(dictionary.insert(p, n, hash: hash, slot: probe.slot))
                checkDistinctCount()
                return
            }
        } else if TextDecoding.isValidUTF8(p, n) {
            table!.append(UnsafeBufferPointer(start: p, count: n))
            return
        }
        invalidUTF8Cells += 1
        let repaired = TextDecoding.repairedUTF8(p, n)
        repaired.withUnsafeBufferPointer { appendValid($0.baseAddress!, $0.count) }
    }

    /// Adds a present value whose bytes are known to be valid UTF-8.
    @inline(__always)
    mutating func appendValid(_ p: UnsafePointer<UInt8>, _ n: Int) {
        if table != nil {
            table!.append(UnsafeBufferPointer(start: p, count: n))
            return
        }
        appendCode(dictionary.code(of: p, n))
        checkDistinctCount()
    }

    /// Switches to a plain table when the dictionary holds too many values (see the type's notes).
    @inline(__always)
    private mutating func checkDistinctCount() {
        // More distinct values in this chunk than a categorical column may have in all: the
        // column is text whatever the other chunks hold. (A rule on this chunk's share of
        // distinct values would make the kind depend on where the chunks are cut.)
        if dictionary.count > ColumnAssembler.maxCategories {
            exceedsCategories = true
            switchToPlainText()
        } else if switchesWhenUnique, codeCount == Self.probeRows, dictionary.count * 8 > Self.probeRows * 7 {
            switchToPlainText()
        }
    }

    /// Adds a missing row.
    @inline(__always)
    mutating func appendMissing() {
        if table != nil {
            table!.append(UnsafeBufferPointer(start: nil, count: 0))
        } else {
            appendCode(Self.missingCode)
        }
    }

    private mutating func switchToPlainText() {
        var plain = plainTables?.take() ?? StringTable()
        let expected = max(expectedRows, ownCodes.capacity, codeCount)
        let averageLength = dictionary.entries.bytes.count / max(dictionary.count, 1) + 1
        if !plain.hasRoom(entries: expected, byteCount: expected * averageLength) {
            // A table that goes back to the pool gets an eighth more room, so that the next
            // chunk, of about this size, fits in it.
            let margin = plainTables == nil ? 1.0 : 1.125
            plain.reservePrefaulted(entries: Int(Double(expected) * margin),
                                    byteCount: Int(Double(expected * averageLength) * margin))
        }
        let entries = dictionary.entries
        withCodes { codes in
            for code in codes {
                if code == Self.missingCode {
                    plain.append(UnsafeBufferPointer(start: nil, count: 0))
                } else {
                    entries.withBytes(at: Int(code)) { plain.append($0) }
                }
            }
        }
        table = plain
        ownCodes = []
        dictionary = ByteDictionary()
    }
}
