/// Columns that hold another column's information under other values, like a text `income`
/// beside a 0/1 `label`. Copies of the label are no features: duplicate search leaves them out
/// of the features that conflicts compare, and slice search out of the columns it cuts (a slice
/// `income == ">50K"` is the label itself).
enum LabelCopies {
    /// The columns of `candidates` that recode `target` over `rows`, in their order.
    static func copies(of target: KeyColumn, among candidates: [KeyColumn], rows: [Int32]) -> [KeyColumn] {
        candidates.filter { $0.column.name != target.column.name && isRecoding($0, of: target, rows: rows) }
    }

    /// The names of the columns of `candidates` that recode `target` over the rows of `rows`.
    static func columns(copying target: Column, among candidates: [Column], rows: RowSet) -> [String] {
        let members = rows.members.map { Int32($0) }
        return copies(of: KeyColumn(target), among: candidates.map(KeyColumn.init), rows: members).map(\.column.name)
    }

    /// Whether `column` holds the same information as `other` over `rows`: missing in the same
    /// rows, equal cells there always beside equal cells here and the other way round, with at
    /// least two values. Only columns of at most `maxValues` values qualify; most others are
    /// ruled out within a block.
    static func isRecoding(_ column: KeyColumn, of other: KeyColumn, rows: [Int32], maxValues: Int = 64) -> Bool {
        if case .vector = column.column.data { return false }
        let block = 4096
        var mine = [UInt64](repeating: 0, count: block), theirs = [UInt64](repeating: 0, count: block)
        // A representative row per value, on each side; equality (not the hash) decides.
        var byMine: [UInt64: Int] = [:], byTheirs: [UInt64: Int] = [:]
        return rows.withUnsafeBufferPointer { rows in
            for start in stride(from: 0, to: rows.count, by: block) {
                let part = UnsafeBufferPointer(rebasing: rows[start..<min(start + block, rows.count)])
                for index in 0..<part.count { mine[index] = 0; theirs[index] = 0 }
                mine.withUnsafeMutableBufferPointer { column.mix(rows: part, into: $0.baseAddress!) }
                theirs.withUnsafeMutableBufferPointer { other.mix(rows: part, into: $0.baseAddress!) }
                for (index, element) in part.enumerated() {
                    let row = Int(element)
                    guard column.column.isPresent(row) == other.column.isPresent(row) else { return false }
                    if let seen = byMine[mine[index]] {
                        guard column.equal(seen, row), other.equal(seen, row) else { return false }
                    } else {
                        guard byMine.count < maxValues else { return false }
                        byMine[mine[index]] = row
                    }
                    if let seen = byTheirs[theirs[index]] {
                        guard other.equal(seen, row), column.equal(seen, row) else { return false }
                    } else {
                        byTheirs[theirs[index]] = row
                    }
                }
            }
            return byTheirs.count >= 2
        }
    }
}
