/// A row near another one, and how similar the two are.
public struct Neighbor: Sendable, Equatable {
    /// The row (0-based).
    public var row: Int
    /// Cosine similarity for a vector column; `1 / (1 + d / √m)` for Euclidean distance `d` in
    /// `m` standardised numeric columns (1 for identical rows).
    public var similarity: Double

    /// A neighbour `row` of the given similarity.
    public init(row: Int, similarity: Double) {
        self.row = row
        self.similarity = similarity
    }
}
