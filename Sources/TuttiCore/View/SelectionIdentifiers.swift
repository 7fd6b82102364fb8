/// Row lists saved by the values of the id column, so that picked rows and duplicate clusters can
/// be found again in data whose rows moved.
enum SelectionIdentifiers {
    /// The id values of `rows` (missing ids as ""), or nil when there are more than `limit` rows.
    static func values(of rows: RowSet, in column: Column, limit: Int) -> [String]? {
        guard rows.count <= limit else { return nil }
        var values: [String] = []
        values.reserveCapacity(rows.count)
        rows.forEachMember { values.append(column.text(at: $0)) }
        return values
    }

    /// The rows whose id is one of `ids`, how many distinct ids were found, and how many were
    /// sought (distinct, not empty; for an integer column, distinct numbers, so `07` is `7`).
    /// Missing cells match nothing.
    static func rows(matching ids: [String], in column: Column) -> (rows: RowSet, found: Int, sought: Int) {
        var rows = RowSet(rowCount: column.rowCount)
        switch column.data {
        case .integer(let values):
            let wanted = Set(ids.compactMap { Int64($0) })
            var found = Set<Int64>()
            column.validity.forEachMember { row in
                guard wanted.contains(values[row]) else { return }
                rows.insert(row)
                found.insert(values[row])
            }
            return (rows, found.count, wanted.count)
        case .categorical(let codes, let dictionary):
            let wanted = Set(ids.filter { !$0.isEmpty })
            let codesWanted = Set((0..<dictionary.count).filter { wanted.contains(dictionary[$0]) }.map(UInt32.init))
            column.validity.forEachMember { row in
                if codesWanted.contains(codes[row]) { rows.insert(row) }
            }
            return (rows, codesWanted.count, wanted.count)
        default:
            let wanted = Set(ids.filter { !$0.isEmpty })
            var found = Set<String>()
            column.validity.forEachMember { row in
                let value = column.text(at: row)
                guard wanted.contains(value) else { return }
                rows.insert(row)
                found.insert(value)
            }
            return (rows, found.count, wanted.count)
        }
    }
}
