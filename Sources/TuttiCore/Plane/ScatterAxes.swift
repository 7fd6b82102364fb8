/// Where a scatter plot's x and y come from.
public enum ScatterAxes: Sendable, Equatable {
    /// Two numeric columns: any two, or a precomputed projection's pair (`umap_1`, `umap_2`).
    case columns(x: String, y: String)
    /// Two coordinates per row computed from a vector column (PCA).
    case projection(vector: String)

    /// How headers name the axes.
    public var title: String {
        switch self {
        case .columns(let x, let y): "x: \(x) · y: \(y)"
        case .projection(let vector): "projection of \(vector)"
        }
    }

    /// The axes a view file saved (`xColumn` and `yColumn`, or `vectorColumn`), if it saved any.
    public init?(settings: PaneSettings) {
        if let x = settings.xColumn, let y = settings.yColumn {
            self = .columns(x: x, y: y)
        } else if let vector = settings.vectorColumn {
            self = .projection(vector: vector)
        } else {
            return nil
        }
    }

    /// The numeric columns x and y can be (every one but the id column).
    public static func numericColumns(_ state: ExplorerState) -> [String] {
        state.dataset.columns.filter { $0.kind.isNumeric && state.roles.role(ofColumn: $0.name) != .id }.map(\.name)
    }

    /// The projections of `state`'s data: precomputed pairs of columns, then (when
    /// `vectors`) every vector column.
    public static func projections(_ state: ExplorerState, vectors: Bool) -> [ScatterAxes] {
        let pairs = ProjectionColumns.pairs(in: numericColumns(state)).map { ScatterAxes.columns(x: $0.x, y: $0.y) }
        let projected = vectors ? state.dataset.columns.filter { $0.kind == .vector }.map { ScatterAxes.projection(vector: $0.name) } : []
        return pairs + projected
    }

    /// The axes a fresh plot starts with: a projection if the data has one, else two numeric
    /// columns (one numeric column against itself); nil without numeric columns.
    public static func defaultAxes(_ state: ExplorerState, vectors: Bool) -> ScatterAxes? {
        if let first = projections(state, vectors: vectors).first { return first }
        let numeric = numericColumns(state)
        guard numeric.count >= 2 else { return numeric.first.map { .columns(x: $0, y: $0) } }
        return .columns(x: numeric[0], y: numeric[1])
    }
}

/// Two coordinates per row, as a projection of a vector column delivers them.
public struct ProjectedPoints: Sendable, Equatable {
    public let x: [Double]
    public let y: [Double]

    public init(x: [Double], y: [Double]) {
        self.x = x
        self.y = y
    }
}
