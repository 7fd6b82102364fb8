/// The columns rows are compared in, for familiarity and "rows like this": the vector column
/// (the one with the vector role, else the first vector column), or, when the data has none, its
/// numeric columns that play no role (the features; not the label, prediction, score, loss or
/// id), standardised and compared by Euclidean distance.
public struct NeighborColumns: Equatable, Sendable {
    /// The columns' names.
    public let names: [String]
    /// Whether `names` is one vector column (cosine similarity).
    public let isVector: Bool

    /// The columns of `state`'s data to compare rows in, or nil when it has none.
    public init?(_ state: ExplorerState) {
        let dataset = state.dataset
        if let name = state.roles[.vector], dataset.column(named: name)?.kind == .vector {
            self.init(names: [name], isVector: true)
            return
        }
        if let vector = dataset.columns.first(where: { $0.kind == .vector }) {
            self.init(names: [vector.name], isVector: true)
            return
        }
        let numeric = dataset.columns.filter { $0.kind.isNumeric && state.roles.role(ofColumn: $0.name) == nil }.map(\.name)
        guard !numeric.isEmpty else { return nil }
        self.init(names: numeric, isVector: false)
    }

    private init(names: [String], isVector: Bool) {
        self.names = names
        self.isVector = isVector
    }

    /// Why nothing can be compared, for a pane's notice.
    public static let missing = "no vector column and no numeric feature column to compare rows in"

    /// The columns, from `dataset`.
    public func columns(in dataset: Dataset) -> [Column] { names.compactMap { dataset.column(named: $0) } }

    /// What the rows are compared in: "cosine in embedding", "6 standardised numeric columns".
    public var summary: String {
        isVector ? "cosine in \(names[0])" : "\(names.count) standardised numeric column\(names.count == 1 ? "" : "s")"
    }
}
