/// A two-dimensional projection of a vector column: one point per row.
public struct Projection2D: Sendable {
    /// Each row's first coordinate (NaN for a row whose vector is missing).
    public var x: [Double]
    /// Each row's second coordinate (NaN for a row whose vector is missing; 0 for every row when
    /// the vectors have a single component).
    public var y: [Double]
    /// The share of the vectors' total variance along each axis, first axis first (one entry
    /// per axis the vectors span, at most two).
    public var explainedVarianceRatio: [Double]

    /// A projection of the given coordinates.
    public init(x: [Double], y: [Double], explainedVarianceRatio: [Double]) {
        self.x = x
        self.y = y
        self.explainedVarianceRatio = explainedVarianceRatio
    }
}
