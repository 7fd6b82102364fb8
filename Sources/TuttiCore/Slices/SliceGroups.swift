/// Manual slices: the filtered rows grouped by one to three columns, every non-empty
/// combination of their values (categories, booleans, numeric bins, missing) one slice.
public struct SliceGroups: Sendable {
    /// The columns grouped by, cut into values.
    public let features: [SliceFeature]
    /// The predicates of each slice, in the order of the columns' values.
    public let slices: [[SlicePredicate]]
    /// The slice of each dataset row (−1 outside the filter or in no value).
    public let groupOfRow: [Int32]

    /// The most columns a grouping may have.
    public static let maxColumns = 3

    /// Groups the rows of `filter` by `columns` (1 to 3 distinct names).
    public init(dataset: Dataset, columns: [String], binning: SliceBinning, filter: RowSet) throws {
        guard (1...Self.maxColumns).contains(columns.count) else {
            throw TuttiError("slices group by 1 to \(Self.maxColumns) columns, not \(columns.count)")
        }
        guard Set(columns).count == columns.count else { throw TuttiError("a column is named twice in the grouping") }
        let features = try columns.map { try SliceFeature(dataset: dataset, column: $0, binning: binning, rows: filter) }
        let radices = features.map { $0.valueCount }
        // Mixed-radix keys with the first column most significant, so key order is value order.
        let combinations = radices.reduce(1) { $0 * $1 }
        let dense = combinations <= 1 << 20
        let keyOfRow = Self.keys(features: features, radices: radices, filter: filter)
        let keys: [Int]
        if dense {
            var groupOfKey = [Int32](repeating: -1, count: combinations)
            for key in keyOfRow where key >= 0 { groupOfKey[key] = 0 }
            keys = groupOfKey.indices.filter { groupOfKey[$0] == 0 }
            for (group, key) in keys.enumerated() { groupOfKey[key] = Int32(group) }
            groupOfRow = keyOfRow.map { $0 < 0 ? -1 : groupOfKey[$0] }
        } else {
            keys = Set(keyOfRow.lazy.filter { $0 >= 0 }).sorted()
            let groupOfKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, Int32($0.offset)) })
            groupOfRow = keyOfRow.map { $0 < 0 ? -1 : groupOfKey[$0]! }
        }
        slices = keys.map { key in
            var rest = key
            var codes = [Int](repeating: 0, count: features.count)
            for index in features.indices.reversed() {
                codes[index] = rest % radices[index]
                rest /= radices[index]
            }
            return features.indices.flatMap { features[$0].predicates[codes[$0]] }
        }
        self.features = features
    }

    /// The mixed-radix key of each row of `filter` (−1 for rows outside it or in no value of a
    /// feature), one column at a time.
    private static func keys(features: [SliceFeature], radices: [Int], filter: RowSet) -> [Int] {
        var keys = [Int](repeating: -1, count: filter.rowCount)
        keys.withUnsafeMutableBufferPointer { keys in
            filter.forEachMember { keys[$0] = 0 }
            for (feature, radix) in zip(features, radices) {
                feature.codes.withUnsafeBufferPointer { codes in
                    for row in keys.indices where keys[row] >= 0 {
                        let code = codes[row]
                        keys[row] = code == SliceFeature.noValue ? -1 : keys[row] * radix + Int(code)
                    }
                }
            }
        }
        return keys
    }

    /// The rows of slice `index` (within the filter the groups were made over).
    public func rows(of index: Int) -> RowSet {
        var rows = RowSet(rowCount: groupOfRow.count)
        for (row, group) in groupOfRow.enumerated() where group == Int32(index) { rows.insert(row) }
        return rows
    }
}
