/// Rows per value of a column (a label or split), keyed by the value's display text ("" for a
/// missing cell). Counting a cluster costs a pass over its rows; no per-row strings are made for
/// categorical and integer columns.
struct ValueTally {
    private enum Values {
        case categorical([UInt32], StringTable)
        case integer([Int64])
        case other(Column)
    }

    private let values: Values
    private let validity: RowSet

    init(_ column: Column) {
        validity = column.validity
        switch column.data {
        case .categorical(let codes, let dictionary): values = .categorical(codes, dictionary)
        case .integer(let numbers): values = .integer(numbers)
        default: values = .other(column)
        }
    }

    /// How many of `rows` hold each value.
    func counts(_ rows: [Int]) -> [String: Int] {
        switch values {
        case .categorical(let codes, let dictionary):
            // Missing cells hold code `dictionary.count`.
            return Self.tally(rows) { codes[$0] }.reduce(into: [:]) { result, entry in
                result[Int(entry.key) < dictionary.count ? dictionary[Int(entry.key)] : "", default: 0] += entry.count
            }
        case .integer(let numbers):
            return Self.tally(rows) { validity.contains($0) ? numbers[$0] : nil }.reduce(into: [:]) { result, entry in
                result[entry.key.map { String($0) } ?? "", default: 0] += entry.count
            }
        case .other(let column):
            return Self.tally(rows) { column.text(at: $0) }.reduce(into: [:]) { $0[$1.key] = $1.count }
        }
    }

    /// Counts per key in a small list: clusters hold few distinct labels and splits.
    private static func tally<Key: Equatable>(_ rows: [Int], _ key: (Int) -> Key) -> [(key: Key, count: Int)] {
        var counts: [(key: Key, count: Int)] = []
        for row in rows {
            let value = key(row)
            if let index = counts.firstIndex(where: { $0.key == value }) {
                counts[index].count += 1
            } else {
                counts.append((value, 1))
            }
        }
        return counts
    }
}
