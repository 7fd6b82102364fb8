/// Which slice a row is counted in by a `SliceTally`.
protocol SliceGroupOfRow {
    /// The slice of `row`, or a negative number for none.
    func group(_ row: Int) -> Int
}

/// Every row in slice 0.
struct SingleSlice: SliceGroupOfRow {
    @inline(__always)
    func group(_ row: Int) -> Int { 0 }
}

/// A slice given for each row, −1 for none (`SliceGroups.groupOfRow`).
struct SliceOfRow: SliceGroupOfRow {
    let groups: UnsafeBufferPointer<Int32>

    @inline(__always)
    func group(_ row: Int) -> Int { Int(groups[row]) }
}

/// A histogram's bin for each row (`ColumnBinning.codes`), where `missing` is in no bin.
struct BinOfRow: SliceGroupOfRow {
    let codes: UnsafeBufferPointer<UInt16>
    let missing: UInt16

    @inline(__always)
    func group(_ row: Int) -> Int {
        let code = codes[row]
        return code == missing ? -1 : Int(code)
    }
}
