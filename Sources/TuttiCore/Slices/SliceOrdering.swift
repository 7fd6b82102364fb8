/// Which of the slices SliceLine ranks are shown.
public enum SliceOrdering: String, Sendable, Equatable, CaseIterable {
    /// Every slice, in SliceLine's order: the top of the list is often one slice in many
    /// near-identical spellings (`relationship == "Husband"`, the same and `marital_status ==
    /// "Married-civ-spouse"`, …).
    case all
    /// In SliceLine's order, skipping every slice more than `maxOverlap` of whose rows are in
    /// a better slice already shown.
    case diverse

    /// The largest share of a slice's rows that may lie in one better slice for it to be shown.
    public static let maxOverlap = 0.9
    /// How many times more slices than are shown a diverse search asks SliceLine for.
    public static let candidates = 10

    /// The indices of the slices (row sets, best first) to show in the diverse ordering: each
    /// slice whose rows lie in no earlier shown slice for more than `maxOverlap` of them, until
    /// `limit` are shown.
    public static func diverse(_ slices: [RowSet], limit: Int) -> [Int] {
        var shown: [Int] = []
        for (index, rows) in slices.enumerated() {
            guard shown.count < limit else { break }
            let size = Double(rows.count)
            let covered = shown.contains { Double(rows.intersection(slices[$0]).count) > maxOverlap * size }
            if !covered { shown.append(index) }
        }
        return shown
    }
}
