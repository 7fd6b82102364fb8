import TuttiCore

/// Where a scatter plot's x and y come from.
public enum ScatterAxes: Sendable, Equatable {
    /// Two numeric columns: any two, or a precomputed projection's pair (`umap_1`, `umap_2`).
    case columns(x: String, y: String)
    /// Two coordinates per row computed in the background from a vector column by a
    /// `VectorProjector` (PCA).
    case projection(vector: String)

    /// How the header names the axes.
    var title: String {
        switch self {
        case .columns(let x, let y): "x: \(x) · y: \(y)"
        case .projection(let vector): "projection of \(vector)"
        }
    }
}

/// The points a scatter plot draws: x and y per row, and the rows that have both.
struct ScatterPoints: Sendable {
    let xs: [Double]
    let ys: [Double]
    let present: RowSet
    /// The smallest and largest x and y of the present rows (nil when none is present).
    let bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)?

    init(xs: [Double], ys: [Double], present: RowSet) {
        self.xs = xs
        self.ys = ys
        var present = present
        var low = (x: Double.infinity, y: Double.infinity), high = (x: -Double.infinity, y: -Double.infinity)
        var infinite: [Int] = []
        present.forEachMember { row in
            let x = xs[row], y = ys[row]
            guard x.isFinite, y.isFinite else {
                infinite.append(row)
                return
            }
            low = (min(low.x, x), min(low.y, y))
            high = (max(high.x, x), max(high.y, y))
        }
        for row in infinite { present.remove(row) }
        self.present = present
        bounds = low.x <= high.x ? (low.x...high.x, low.y...high.y) : nil
    }

    /// The values of two numeric columns.
    init?(x: Column, y: Column) {
        guard let xs = Self.numbers(x), let ys = Self.numbers(y) else { return nil }
        self.init(xs: xs, ys: ys, present: x.validity.intersection(y.validity))
    }

    /// Coordinates computed for every row (a projection); rows with a non-finite value are left out.
    init(projected: ProjectedPoints, rowCount: Int) {
        self.init(xs: projected.x, ys: projected.y, present: RowSet(rowCount: rowCount, allSet: true))
    }

    /// A numeric column's values as doubles (nil for other kinds).
    private static func numbers(_ column: Column) -> [Double]? {
        switch column.data {
        case .integer(let values), .datetime(let values): values.map(Double.init)
        case .float(let values): values
        case .boolean(let values): values.map { $0 ? 1 : 0 }
        default: nil
        }
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

/// Projects a vector column to two coordinates per row, in the background (PCA in TuttiCore);
/// the scatter pane offers vector columns as axes when it has one.
public struct VectorProjector: Sendable {
    /// The method's name in the header and the status line ("PCA").
    public let method: String
    /// The projection: one x and one y per row of the column; it reports progress and stops
    /// through the context.
    public let project: @Sendable (Column, WorkContext) throws -> ProjectedPoints

    public init(method: String, project: @escaping @Sendable (Column, WorkContext) throws -> ProjectedPoints) {
        self.method = method
        self.project = project
    }
}

extension VectorProjector {
    /// The first two principal components (exact up to 256 dimensions, randomized SVD above).
    public static let pca = VectorProjector(method: "PCA") { column, context in
        let projection = try PrincipalComponents.project(column, context: context)
        return ProjectedPoints(x: projection.x, y: projection.y)
    }
}
