/// Where one chunk's builder of a string column puts what it builds, as chunk 0 of a delimited
/// file arranged it (see `PlacedColumns`). The default keeps everything in the builder.
struct StringPlacement {
    /// The column's code storage at the chunk's first row (see `PlacedCodes`).
    var codes: UnsafeMutablePointer<UInt32>?
    /// The codes there is room for at `codes`.
    var codesRoom = 0
    /// Emptied tables to build plain text in (see `OrderedTextColumn`).
    var plainTables: ReusePool<StringTable>?
    /// The size chunk 0's dictionary reached: a chunk's dictionary starts that large rather than
    /// growing (and being copied) again and again.
    var dictionaryRoom: DictionaryRoom?
}

/// Room for a dictionary's entries.
struct DictionaryRoom: Equatable {
    /// Distinct values.
    var entries: Int
    /// Bytes of all the values.
    var bytes: Int
}
