/// A column a slice search leaves out, and why.
public struct ExcludedColumn: Sendable, Equatable {
    /// Why a column is not searched.
    public enum Reason: Sendable, Equatable {
        /// It plays a role: the label, a model output (prediction, score, loss), the id, the split, …
        case role(ColumnRole)
        /// It holds the label (or the prediction) under other values, like Adult's `income`:
        /// its slices would be the label itself.
        case copies(ColumnRole)
        /// It holds text or vectors, which cannot be cut into slices.
        case kind(ColumnKind)
        /// It is a group column: the rows were split by it before searching.
        case group
    }

    /// The column's name.
    public let name: String
    /// Why it is left out.
    public let reason: Reason

    public init(name: String, reason: Reason) {
        self.name = name
        self.reason = reason
    }

    /// The reason in a few words: "split column", "copies the label", "holds text", "group column".
    public var because: String {
        switch reason {
        case .role(let role): "\(role.rawValue) column"
        case .copies(let role): "copies the \(role.rawValue)"
        case .kind(let kind): "holds \(kind.rawValue)"
        case .group: "group column"
        }
    }
}

/// The columns a slice search cuts by default — every number, boolean and category that plays
/// no role and copies neither the label nor the prediction — and the others with the reason
/// they are left out, in dataset order.
public struct SliceSearchColumns: Sendable, Equatable {
    /// The columns searched.
    public let searched: [String]
    /// The columns left out.
    public let excluded: [ExcludedColumn]

    /// The default columns of `dataset` under `roles`, less `groups` (the columns the rows were
    /// split by); copies are those found over `rows` (the rows searched).
    public init(dataset: Dataset, roles: ColumnRoles, rows: RowSet, groups: [String] = []) {
        var excluded: [String: ExcludedColumn.Reason] = [:]
        var candidates: [Column] = []
        for column in dataset.columns {
            if let role = roles.role(ofColumn: column.name) {
                excluded[column.name] = .role(role)
            } else if groups.contains(column.name) {
                excluded[column.name] = .group
            } else if [.integer, .float, .boolean, .categorical].contains(column.kind) {
                candidates.append(column)
            } else {
                excluded[column.name] = .kind(column.kind)
            }
        }
        for role in [ColumnRole.label, .prediction] {
            guard let target = roles[role].flatMap(dataset.column(named:)) else { continue }
            let remaining = candidates.filter { excluded[$0.name] == nil }
            for name in LabelCopies.columns(copying: target, among: remaining, rows: rows) { excluded[name] = .copies(role) }
        }
        searched = candidates.map(\.name).filter { excluded[$0] == nil }
        self.excluded = dataset.columnNames.compactMap { name in excluded[name].map { ExcludedColumn(name: name, reason: $0) } }
    }
}
