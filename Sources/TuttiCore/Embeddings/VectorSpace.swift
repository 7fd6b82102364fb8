/// Items and how near two of them are: cosine similarity for a vector column (the items are
/// unit length), or Euclidean distance in standardised numeric columns.
///
/// Internally nearness is a `score`, larger for nearer items: the dot product for cosine, minus
/// the squared distance for Euclidean. `similarity(_:)` turns a score into the similarity users
/// see: the cosine itself, or `1 / (1 + d / √m)` for distance `d` in `m` standardised columns
/// (1 for identical rows, ½ for rows one standard deviation apart in every column).
struct VectorSpace: Sendable {
    enum Metric: Sendable { case cosine, euclidean }

    let items: VectorItems
    let metric: Metric
    /// Squared lengths of the items (Euclidean only).
    private let squares: [Float]

    /// The space of one vector column (cosine) or of numeric columns (standardised Euclidean),
    /// over the rows of `rows` (every row when nil).
    init(columns: [Column], rows: RowSet? = nil) throws {
        let isVector = columns.count == 1 && columns[0].kind == .vector
        metric = isVector ? .cosine : .euclidean
        let items = try VectorItems(columns: columns, scaling: isVector ? .unitLength : .standardized, rows: rows)
        let width = items.width
        squares = isVector ? [] : items.values.withUnsafeBufferPointer { values in
            (0..<items.count).map { NearVectorSearch.dot(values.baseAddress! + $0 * width, values.baseAddress! + $0 * width, width) }
        }
        self.items = items
    }

    var count: Int { items.count }
    var width: Int { items.width }

    /// The score of items `a` and `b`, given the items' floats.
    @inline(__always)
    func score(_ values: UnsafePointer<Float>, _ a: Int, _ b: Int) -> Float {
        let dot = NearVectorSearch.dot(values + a * width, values + b * width, width)
        switch metric {
        case .cosine: return dot
        case .euclidean: return min(0, 2 * dot - squares[a] - squares[b])
        }
    }

    /// The similarity users see for a score.
    func similarity(_ score: Float) -> Double {
        switch metric {
        case .cosine: return min(1, max(-1, Double(score)))
        case .euclidean:
            let distance = Double(-score).squareRoot()
            return 1 / (1 + distance / Double(max(width, 1)).squareRoot())
        }
    }
}
