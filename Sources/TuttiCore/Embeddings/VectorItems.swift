/// The usable rows of a vector column, or of numeric columns taken as one vector per row (one
/// component per column), as one flat array of floats: item `i` is
/// `values[i * width ..< (i + 1) * width]`.
///
/// A row is left out when a component is missing or not finite, and, for unit-length vectors,
/// when the vector is all zeros.
struct VectorItems: Sendable {
    /// How the vectors are scaled.
    enum Scaling: Sendable {
        /// As stored.
        case none
        /// Divided by their length (cosine similarity becomes a dot product).
        case unitLength
        /// Each component less its mean over the items, divided by its standard deviation (left
        /// as is when that is 0).
        case standardized
    }

    /// Components per item.
    let width: Int
    /// The items one after the other.
    let values: [Float]
    /// Each item's row.
    let rowOfItem: [Int32]
    /// Each row's item, -1 for a row left out.
    let itemOfRow: [Int32]

    /// The number of items.
    var count: Int { rowOfItem.count }

    /// The items of one vector column or of numeric columns, from the rows of `rows` (every row
    /// when nil). Throws for no columns, a mix, or columns of other kinds.
    init(columns: [Column], scaling: Scaling, rows: RowSet? = nil) throws {
        guard let first = columns.first else { throw TuttiError("no vector column given") }
        let rowCount = first.rowCount
        var itemOfRow = [Int32](repeating: -1, count: rowCount)
        var rowOfItem: [Int32] = []
        var values: [Float] = []
        if case .vector(let size, let stored) = first.data {
            guard columns.count == 1 else { throw TuttiError("give one vector column or numeric columns, not both") }
            width = size
            stored.withUnsafeBufferPointer { stored in
                for row in 0..<rowCount where first.isPresent(row) && rows?.contains(row) != false {
                    let slice = UnsafeBufferPointer(rebasing: stored[(row * size)..<((row + 1) * size)])
                    guard slice.allSatisfy(\.isFinite) else { continue }
                    itemOfRow[row] = Int32(rowOfItem.count)
                    rowOfItem.append(Int32(row))
                    values.append(contentsOf: slice)
                }
            }
        } else {
            for column in columns where !(column.kind.isNumeric || column.kind == .boolean) {
                throw TuttiError("column '\(column.name)' holds \(column.kind.rawValue), not numbers or vectors")
            }
            width = columns.count
            var scratch = [Float](repeating: 0, count: width)
            for row in 0..<rowCount where rows?.contains(row) != false {
                var usable = true
                for (index, column) in columns.enumerated() {
                    guard let value = column.number(at: row), value.isFinite else { usable = false; break }
                    scratch[index] = Float(value)
                }
                guard usable else { continue }
                itemOfRow[row] = Int32(rowOfItem.count)
                rowOfItem.append(Int32(row))
                values.append(contentsOf: scratch)
            }
        }
        switch scaling {
        case .none: break
        case .unitLength: Self.normalize(&values, width: width, itemOfRow: &itemOfRow, rowOfItem: &rowOfItem)
        case .standardized: Self.standardize(&values, width: width)
        }
        self.values = values
        self.rowOfItem = rowOfItem
        self.itemOfRow = itemOfRow
    }

    /// Divides every item by its length, dropping the all-zero ones.
    private static func normalize(_ values: inout [Float], width: Int, itemOfRow: inout [Int32], rowOfItem: inout [Int32]) {
        guard width > 0 else { return }
        var kept = 0
        var keptRows: [Int32] = []
        keptRows.reserveCapacity(rowOfItem.count)
        for item in 0..<rowOfItem.count {
            var sum = 0.0
            for k in 0..<width { sum += Double(values[item * width + k]) * Double(values[item * width + k]) }
            let row = Int(rowOfItem[item])
            guard sum > 0, sum.isFinite else {
                itemOfRow[row] = -1
                continue
            }
            let scale = 1 / sum.squareRoot()
            for k in 0..<width { values[kept * width + k] = Float(Double(values[item * width + k]) * scale) }
            itemOfRow[row] = Int32(kept)
            keptRows.append(Int32(row))
            kept += 1
        }
        values.removeLast((rowOfItem.count - kept) * width)
        rowOfItem = keptRows
    }

    /// Centres every component on its mean and divides it by its standard deviation.
    private static func standardize(_ values: inout [Float], width: Int) {
        guard width > 0 else { return }
        let count = values.count / width
        guard count > 0 else { return }
        for k in 0..<width {
            var sum = 0.0
            for item in 0..<count { sum += Double(values[item * width + k]) }
            let mean = sum / Double(count)
            var squares = 0.0
            for item in 0..<count {
                let d = Double(values[item * width + k]) - mean
                squares += d * d
            }
            let deviation = (squares / Double(count)).squareRoot()
            let scale = deviation > 0 ? 1 / deviation : 1
            for item in 0..<count { values[item * width + k] = Float((Double(values[item * width + k]) - mean) * scale) }
        }
    }
}
