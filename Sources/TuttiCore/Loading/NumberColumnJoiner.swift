/// Joins the pieces of an integer, float or boolean column into one array. A number column whose
/// chunks wrote their values in place (`PlacedColumn`) becomes that storage once the other pieces
/// are written into it; otherwise the pieces, and any placed values, are copied into a new array.
enum NumberColumnJoiner {
    /// The column of `rowCount` rows from `pieces`: `values` gives a piece's array, `stored` reads
    /// one value of the placed storage (whether it holds floats, its address), and `take` takes
    /// the storage as the column when it is of this kind. Empties the pieces and frees `placed`.
    static func join<T: BitwiseCopyable>(_ pieces: inout [ChunkColumn], rowCount: Int, placeholder: T,
                                         placed: PlacedColumn?, isFloat: Bool,
                                         values: (ChunkValues) -> [T]?,
                                         stored: (Bool, UnsafeRawPointer) -> T,
                                         take: (PlacedColumn) -> [T]) -> [T] {
        defer { placed?.release() }
        if let placed, placed.isFloat == isFloat, rowCount <= placed.capacity, isInPlace(pieces) {
            var row = 0
            for chunk in pieces.indices {
                let count = pieces[chunk].rowCount
                if pieces[chunk].placedRow == nil {
                    let piece = values(pieces[chunk].values)
                    Prefault.pages(placed.base + row * 8, count: count * 8)
                    for index in 0..<count {
                        placed.base.storeBytes(of: piece?[index] ?? placeholder, toByteOffset: (row + index) * 8, as: T.self)
                    }
                }
                pieces[chunk].values = .allMissing
                row += count
            }
            return take(placed)
        }
        // One piece of every row (a whole column, a one-chunk file) is the column: no copy.
        if pieces.count == 1, pieces[0].placedRow == nil, let only = values(pieces[0].values) {
            pieces[0].values = .allMissing
            return only
        }
        // Room for every row, its pages faulted piece by piece as the pieces are freed, so the
        // column and its pieces are not both held whole.
        var out: [T] = []
        out.reserveCapacity(rowCount)
        for chunk in pieces.indices {
            let count = pieces[chunk].rowCount
            out.prefaultNext(count)
            if let placedRow = pieces[chunk].placedRow, let placed {
                for index in 0..<count { out.append(stored(placed.isFloat, placed.base + (placedRow + index) * 8)) }
            } else if let piece = values(pieces[chunk].values) {
                out.append(contentsOf: piece)
            } else {
                out.append(contentsOf: repeatElement(placeholder, count: count))
            }
            pieces[chunk].values = .allMissing
        }
        return out
    }

    /// Whether every placed piece sits at its own first row of the column (it does unless a
    /// chunk was parsed again with another row count).
    private static func isInPlace(_ pieces: [ChunkColumn]) -> Bool {
        var row = 0
        for piece in pieces {
            if let placedRow = piece.placedRow, placedRow != row { return false }
            row += piece.rowCount
        }
        return true
    }
}
