/// The points a scatter plot draws: x and y per row, and the rows that have both (finite).
public struct ScatterPoints: Sendable {
    public let xs: [Double]
    public let ys: [Double]
    /// The rows with both coordinates, finite.
    public let present: RowSet
    /// The smallest and largest x and y of the present rows (nil when none is present).
    public let bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)?

    /// The points (`xs[row]`, `ys[row]`) of the rows of `present`; a row with a coordinate that is
    /// not finite is left out.
    public init(xs: [Double], ys: [Double], present: RowSet) {
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

    /// The values of two numeric columns (nil unless both are numeric).
    public init?(x: Column, y: Column) {
        guard let xs = Self.numbers(x), let ys = Self.numbers(y) else { return nil }
        self.init(xs: xs, ys: ys, present: x.validity.intersection(y.validity))
    }

    /// Coordinates computed for every row (a projection); rows with a non-finite value are left out.
    public init(projected: ProjectedPoints, rowCount: Int) {
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
