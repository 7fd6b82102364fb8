import TuttiCore

/// What the duplicates pane sorts the clusters of each kind by. The raw values are the
/// `sortColumn` strings of a view file.
public enum DuplicateSort: String, Sendable, CaseIterable {
    /// The number of rows.
    case size
    /// The weakest link of a near-duplicate cluster; exact clusters and conflicts count as 1.
    case similarity
    /// The number of rows in the selection (follows the selection live).
    case selected
    /// The kind: the order of the kind groups (exact, conflict, leak, near text, near vector)
    /// and, among leaks, the kind of cluster that spans the splits.
    case kind

    /// The direction a column starts in when chosen: largest first, except kinds in their usual order.
    public var startsDescending: Bool { self != .kind }
}

/// One line of the duplicates list: the heading of a kind or a cluster.
enum DuplicateListLine: Equatable {
    /// A kind and its number of clusters.
    case heading(DuplicateKind, clusters: Int)
    /// A cluster, by its index in the report.
    case cluster(Int)

    /// The cluster's index in the report; nil for a heading.
    var cluster: Int? {
        if case .cluster(let index) = self { return index }
        return nil
    }
}

/// Orders the clusters of a duplicate report for the list: grouped by kind under headings,
/// sorted within each kind, ties broken by first row (ascending whatever the direction).
enum DuplicateListOrder {
    /// The lines of the list for `report` sorted by `sort`; `selection` counts for `.selected`.
    static func lines(_ report: DuplicateReport, by sort: DuplicateSort, descending: Bool,
                      selection: RowSet?) -> [DuplicateListLine] {
        let kindOrder = Dictionary(uniqueKeysWithValues: DuplicateKind.allCases.enumerated().map { ($1, $0) })
        let groups = Dictionary(grouping: report.clusters.indices) { report.clusters[$0].kind }
        var kinds = DuplicateKind.allCases.filter { groups[$0] != nil }
        if sort == .kind && descending { kinds.reverse() }
        var lines: [DuplicateListLine] = []
        for kind in kinds {
            let members = groups[kind] ?? []
            lines.append(.heading(kind, clusters: members.count))
            let keyed = members.map { index in
                let cluster = report.clusters[index]
                let value: Double = switch sort {
                case .size: Double(cluster.size)
                case .similarity: cluster.similarity ?? 1
                case .selected: Double(selection.map { set in cluster.rows.count(where: set.contains) } ?? 0)
                case .kind: Double(cluster.basis.flatMap { kindOrder[$0] } ?? 0)
                }
                return (value: value, first: cluster.rows.first ?? 0, index: index)
            }
            let sorted = keyed.sorted { a, b in
                if a.value != b.value { return descending ? a.value > b.value : a.value < b.value }
                return (a.first, a.index) < (b.first, b.index)
            }
            lines += sorted.map { .cluster($0.index) }
        }
        return lines
    }
}
