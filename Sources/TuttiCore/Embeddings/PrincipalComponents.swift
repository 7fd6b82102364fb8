import Foundation

/// Principal component analysis of a vector column, down to two dimensions (for a scatter
/// plot).
///
/// The vectors are centred on their mean. Up to 256 components the covariance matrix is
/// computed in full (in `Double`, in chunks of rows on all cores) and decomposed exactly
/// (`SymmetricEigen`); above, a randomized SVD (Halko, Martinsson and Tropp 2011) finds the two
/// leading directions from a random sketch of 12 directions refined by two power iterations.
/// Each axis is oriented so that its largest loading is positive, so results do not flip
/// between runs.
public enum PrincipalComponents {
    /// The widest vectors decomposed exactly.
    public static let exactWidthLimit = 256

    /// The projection of every row of `column` (a vector column) on its two principal
    /// components. A row whose vector is missing or has a non-finite component gets NaN.
    /// Reports progress to `context` and throws "projection cancelled" when it is cancelled;
    /// throws a message for a column that is not a vector column or has fewer than two usable
    /// rows.
    public static func project(_ column: Column, context: WorkContext) throws -> Projection2D {
        try project(column, context: context, exactWidthLimit: exactWidthLimit)
    }

    /// `project(_:context:)` with the exact decomposition used up to `exactWidthLimit`
    /// components (tests lower it to try the randomized path on small data).
    static func project(_ column: Column, context: WorkContext, exactWidthLimit: Int) throws -> Projection2D {
        guard column.kind == .vector else {
            throw TuttiError("PCA needs a vector column, but '\(column.name)' holds \(column.kind.rawValue)")
        }
        let items = try VectorItems(columns: [column], scaling: .none)
        guard items.count >= 2 else {
            throw TuttiError("PCA needs at least 2 rows with a vector in '\(column.name)', found \(items.count)")
        }
        let rows = try CenteredRows(items, work: context, phase: "projection: covariance")
        let axes = min(2, items.width)
        let coordinates: [[Double]]
        let ratios: [Double]
        if items.width <= exactWidthLimit {
            (coordinates, ratios) = try exact(rows, axes: axes)
        } else {
            (coordinates, ratios) = try randomized(rows, axes: axes)
        }
        var x = [Double](repeating: .nan, count: column.rowCount)
        var y = [Double](repeating: .nan, count: column.rowCount)
        for item in 0..<items.count {
            let row = Int(items.rowOfItem[item])
            x[row] = coordinates[0][item]
            y[row] = axes > 1 ? coordinates[1][item] : 0
        }
        return Projection2D(x: x, y: y, explainedVarianceRatio: ratios)
    }

    /// The coordinates on, and variance shares of, the leading eigenvectors of the covariance.
    private static func exact(_ rows: CenteredRows, axes: Int) throws -> ([[Double]], [Double]) {
        let width = rows.width
        let gram = try rows.gram()
        let trace = (0..<width).reduce(0.0) { $0 + gram[$1 * width + $1] }
        let eigen = SymmetricEigen(gram, size: width)
        let directions = (0..<axes).map { oriented(eigen.vectors[$0]) }
        var matrix = [Double](repeating: 0, count: width * axes)
        for k in 0..<width { for a in 0..<axes { matrix[k * axes + a] = directions[a][k] } }
        let product = try rows.times(matrix, columns: axes)
        let ratios = (0..<axes).map { trace > 0 ? max(0, eigen.values[$0]) / trace : 0 }
        return (columnsOf(product, columns: axes), ratios)
    }

    /// Columns of the sketch.
    private static let sketchWidth = 12
    /// Power iterations refining the sketch.
    private static let powerIterations = 2

    /// The same by randomized SVD: Q spans C·Ω refined by power iterations, B = QᵀC is small, and
    /// the eigenvectors of BBᵀ give the leading singular vectors.
    private static func randomized(_ rows: CenteredRows, axes: Int) throws -> ([[Double]], [Double]) {
        let width = rows.width
        let columns = min(sketchWidth, width, rows.count)
        var random = SplitMix64(seed: 0x50CA_2D)
        let omega = (0..<(width * columns)).map { _ in gaussian(&random) }
        var q = try rows.times(omega, columns: columns)
        orthonormalize(&q, rows: rows.count, columns: columns)
        for _ in 0..<powerIterations {
            var z = try rows.transposeTimes(q, columns: columns)
            orthonormalize(&z, rows: width, columns: columns)
            q = try rows.times(z, columns: columns)
            orthonormalize(&q, rows: rows.count, columns: columns)
        }
        let bt = try rows.transposeTimes(q, columns: columns)  // Bᵀ: width × columns
        var small = [Double](repeating: 0, count: columns * columns)
        for k in 0..<width {
            for a in 0..<columns { for b in 0..<columns { small[a * columns + b] += bt[k * columns + a] * bt[k * columns + b] } }
        }
        let eigen = SymmetricEigen(small, size: columns)
        let total = try rows.totalSquares()
        var coordinates: [[Double]] = []
        var ratios: [Double] = []
        for a in 0..<axes {
            let sigma = max(0, eigen.values[a]).squareRoot()
            let u = eigen.vectors[a]
            // The right singular vector Bᵀu/σ: its largest loading decides the orientation.
            let loading = (0..<width).map { k in (0..<columns).reduce(0.0) { $0 + bt[k * columns + $1] * u[$1] } }
            let sign = orientation(loading)
            // C·v = Q·B·v = Q·u·σ.
            coordinates.append((0..<rows.count).map { item in
                sign * sigma * (0..<columns).reduce(0.0) { $0 + q[item * columns + $1] * u[$1] }
            })
            ratios.append(total > 0 ? sigma * sigma / total : 0)
        }
        return (coordinates, ratios)
    }

    /// Makes the columns of a row-major `rows` × `columns` matrix orthonormal (modified
    /// Gram–Schmidt, twice for accuracy); a column that vanishes stays zero.
    static func orthonormalize(_ matrix: inout [Double], rows: Int, columns: Int) {
        for _ in 0..<2 {
            for c in 0..<columns {
                for previous in 0..<c {
                    var dot = 0.0
                    for r in 0..<rows { dot += matrix[r * columns + c] * matrix[r * columns + previous] }
                    for r in 0..<rows { matrix[r * columns + c] -= dot * matrix[r * columns + previous] }
                }
                var norm = 0.0
                for r in 0..<rows { norm += matrix[r * columns + c] * matrix[r * columns + c] }
                let scale = norm > 1e-300 ? 1 / norm.squareRoot() : 0
                for r in 0..<rows { matrix[r * columns + c] *= scale }
            }
        }
    }

    /// +1 or -1: the sign that makes the largest-magnitude entry positive.
    private static func orientation(_ vector: [Double]) -> Double {
        let largest = vector.max { abs($0) < abs($1) } ?? 0
        return largest < 0 ? -1 : 1
    }

    private static func oriented(_ vector: [Double]) -> [Double] {
        let sign = orientation(vector)
        return vector.map { $0 * sign }
    }

    /// The columns of a row-major matrix.
    private static func columnsOf(_ matrix: [Double], columns: Int) -> [[Double]] {
        let rows = columns > 0 ? matrix.count / columns : 0
        return (0..<columns).map { c in (0..<rows).map { matrix[$0 * columns + c] } }
    }

    /// A standard normal sample (Box–Muller).
    private static func gaussian(_ random: inout SplitMix64) -> Double {
        let u = (Double(random.next() >> 11) + 0.5) / Double(1 << 53)
        let v = Double(random.next() >> 11) / Double(1 << 53)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
