/// The filtered rows split by the values of one group column — categories, booleans, numbers in
/// about ten equal-width bins, missing — for views that show one part per group (the slices
/// pane's sections, a confusion matrix per group). Groups without filtered rows are left out;
/// past `limit` groups, only the largest are kept.
public struct GroupSplit: Sendable {
    /// One group: a value of the column and its filtered rows.
    public struct Group: Sendable {
        /// The value's index in `feature`.
        public let value: Int
        /// The conditions selecting the value: `split == "test"`, `age >= 20 and age < 30`.
        public let predicates: [SlicePredicate]
        /// The filtered rows holding the value.
        public let rows: RowSet
    }

    /// The column cut into values.
    public let feature: SliceFeature
    /// The groups kept, in value order.
    public let groups: [Group]
    /// Groups with filtered rows left out for being beyond the limit.
    public let omitted: Int

    /// How the column's numbers are cut.
    public static let binning = SliceBinning.equalWidth(10)
    /// The most groups kept by default.
    public static let defaultLimit = 50

    /// Splits the rows of `filter` by the column `column` of `dataset`. Throws for an unknown
    /// column or one that cannot be cut (text, vectors).
    public init(dataset: Dataset, column: String, filter: RowSet, limit: Int = defaultLimit) throws {
        let feature = try SliceFeature(dataset: dataset, column: column, binning: Self.binning, rows: filter)
        var counts = [Int](repeating: 0, count: feature.valueCount)
        filter.forEachMember { row in
            let code = feature.codes[row]
            if code != SliceFeature.noValue { counts[Int(code)] += 1 }
        }
        let present = counts.indices.filter { counts[$0] > 0 }
        let kept = present.count <= limit ? present
            : present.sorted { (counts[$0], $1) > (counts[$1], $0) }.prefix(limit).sorted()
        var slot = [Int](repeating: -1, count: feature.valueCount)
        for (index, value) in kept.enumerated() { slot[value] = index }
        var rows = kept.map { _ in RowSet(rowCount: dataset.rowCount) }
        filter.forEachMember { row in
            let code = feature.codes[row]
            if code != SliceFeature.noValue, slot[Int(code)] >= 0 { rows[slot[Int(code)]].insert(row) }
        }
        self.feature = feature
        groups = zip(kept, rows).map { Group(value: $0, predicates: feature.predicates[$0], rows: $1) }
        omitted = present.count - kept.count
    }
}
