/// The strings of one chunk of rows: a window on a text column or on a categorical
/// column's codes, a temporary table, or one constant for every row.
struct StringVector {
    enum Values {
        /// Entry 0 of the table, for every row.
        case constant(StringTable)
        /// Rows `offset ..< offset + count` of `codes`, looked up in `dictionary`.
        case codes([UInt32], offset: Int, dictionary: StringTable)
        /// Entries `offset ..< offset + count` of the table.
        case table(StringTable, offset: Int)
    }

    let values: Values
    /// Present rows; nil when every row is present.
    let validity: [UInt64]?

    /// One string for every row.
    static func constant(_ value: String) -> StringVector {
        StringVector(values: .constant(StringTable([value])), validity: nil)
    }

    /// Calls `body` with raw access to the strings, so that loops over rows touch no
    /// reference count (which threads working on other chunks would fight over).
    func withRows<R>(_ body: (StringRows) -> R) -> R {
        switch values {
        case .constant(let table):
            return StringRows.over(table, codes: nil, first: 0, step: 0, body)
        case .codes(let codes, let offset, let dictionary):
            return codes.withUnsafeBufferPointer { codes in
                StringRows.over(dictionary, codes: codes.baseAddress.map { $0 + offset }, first: 0, step: 1, body)
            }
        case .table(let table, let offset):
            return StringRows.over(table, codes: nil, first: offset, step: 1, body)
        }
    }

    /// The strings in lower case, as a temporary table (ASCII without building a `String`).
    func lowercased(count: Int) -> StringVector {
        var table = StringTable()
        var scratch: [UInt8] = []
        withRows { rows in
            for row in 0..<count {
                let bytes = rows[row]
                if bytes.allSatisfy({ $0 < 0x80 }) {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: bytes.lazy.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 })
                    scratch.withUnsafeBufferPointer { table.append($0) }
                } else {
                    table.append(String(decoding: bytes, as: UTF8.self).lowercased())
                }
            }
        }
        return StringVector(values: .table(table, offset: 0), validity: validity)
    }

    /// `a`'s string where `mask` is set, `b`'s elsewhere, as a temporary table (a nil side, or a
    /// row `validity` leaves out, holds the empty string).
    static func choose(_ mask: [UInt64], _ a: StringVector?, _ b: StringVector?, validity: [UInt64],
                       count: Int) -> StringVector {
        var table = StringTable()
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        func pick(_ rows: StringRows?, _ other: StringRows?) {
            for row in 0..<count {
                let word = row >> 6, bit = UInt64(1) << UInt64(row & 63)
                let side = mask[word] & bit != 0 ? rows : other
                table.append(validity[word] & bit != 0 ? side?[row] ?? empty : empty)
            }
        }
        switch (a, b) {
        case let (a?, b?): a.withRows { x in b.withRows { y in pick(x, y) } }
        case let (a?, nil): a.withRows { x in pick(x, nil) }
        case let (nil, b?): b.withRows { y in pick(nil, y) }
        case (nil, nil): pick(nil, nil)
        }
        return StringVector(values: .table(table, offset: 0), validity: validity)
    }
}

/// Raw, read-only access to the strings of a `StringVector`, valid inside `withRows`.
struct StringRows {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let offsets: UnsafePointer<Int>
    private let entryCount: Int
    /// Codes picking each row's entry, or nil when row `r` is entry `first + r * step`.
    private let codes: UnsafePointer<UInt32>?
    private let first: Int
    private let step: Int

    static func over<R>(_ table: StringTable, codes: UnsafePointer<UInt32>?, first: Int, step: Int,
                        _ body: (StringRows) -> R) -> R {
        table.bytes.withUnsafeBufferPointer { bytes in
            table.offsets.withUnsafeBufferPointer { offsets in
                body(StringRows(bytes: bytes, offsets: offsets.baseAddress!, entryCount: table.count, codes: codes,
                                first: first, step: step))
            }
        }
    }

    /// The UTF-8 bytes of row `row` (a missing categorical cell, whose code is past the
    /// dictionary, reads as empty).
    @inline(__always)
    subscript(row: Int) -> UnsafeBufferPointer<UInt8> {
        let entry: Int
        if let codes {
            entry = Int(codes[row])
            guard entry < entryCount else { return UnsafeBufferPointer(rebasing: bytes[0..<0]) }
        } else {
            entry = first &+ row &* step
        }
        return UnsafeBufferPointer(rebasing: bytes[offsets[entry]..<offsets[entry &+ 1]])
    }
}
