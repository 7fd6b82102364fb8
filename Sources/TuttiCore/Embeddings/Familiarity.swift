/// How typical each row is among the rows: its familiarity is the mean similarity to its `k`
/// nearest neighbours (the row itself left out; `Neighbor.similarity` says what similarity
/// is: cosine in a vector column, `1 / (1 + d / √m)` in standardised numeric columns). A row
/// deep inside a dense region scores near 1; a row unlike any other scores low. Rows whose
/// vector is missing (or, for cosine, all zeros) get no score (NaN).
///
/// Up to 4,096 usable rows every pair is compared; above, the neighbours come from an
/// approximate index (`NeighborGraph`: random-projection trees and neighbour descent) whose
/// recall of the exact neighbours is measured by the tests and the benchmark.
public struct Familiarity: Sendable {
    /// The default number of neighbours.
    public static let defaultK = 10

    /// Neighbours per row used (at most the number of usable rows less one).
    public let k: Int
    /// Each row's familiarity, NaN for a row without one.
    public let scores: [Double]
    private let space: VectorSpace
    private let graph: NeighborGraph

    /// The familiarity of every row in one vector column or in numeric columns (standardised),
    /// from `k` neighbours among the rows of `rows` (every row when nil; rows outside get no
    /// score). Reports progress to `context`; throws "familiarity cancelled" when
    /// cancelled, or a message for unusable columns or fewer than two usable rows.
    public init(columns: [Column], k: Int = defaultK, rows: RowSet? = nil, context: WorkContext) throws {
        try self.init(columns: columns, k: k, rows: rows, tuning: NeighborGraph.Tuning(), context: context)
    }

    /// The same with the index tuned (tests force the approximate index on small data).
    init(columns: [Column], k: Int, rows: RowSet? = nil, tuning: NeighborGraph.Tuning, context: WorkContext) throws {
        guard k >= 1 else { throw TuttiError("familiarity needs k of at least 1, got \(k)") }
        space = try VectorSpace(columns: columns, rows: rows)
        guard space.count >= 2 else {
            let names = columns.map(\.name).joined(separator: ", ")
            throw TuttiError("familiarity needs at least 2 rows with usable values in \(names), found \(space.count)")
        }
        graph = try NeighborGraph(space: space, k: k, tuning: tuning, work: context)
        self.k = graph.k
        var scores = [Double](repeating: .nan, count: columns[0].rowCount)
        for item in 0..<space.count {
            var sum = 0.0
            for j in 0..<graph.k { sum += space.similarity(graph.scores[item * graph.k + j]) }
            scores[Int(space.items.rowOfItem[item])] = sum / Double(graph.k)
        }
        self.scores = scores
    }

    /// The `k` neighbours of `row` the index found, nearest first (empty for a row without a
    /// score).
    public func neighbors(ofRow row: Int) -> [Neighbor] {
        guard row >= 0, row < space.items.itemOfRow.count else { return [] }
        let item = Int(space.items.itemOfRow[row])
        guard item >= 0 else { return [] }
        return (0..<graph.k).compactMap { j in
            let other = Int(graph.ids[item * graph.k + j])
            guard other >= 0 else { return nil }
            return Neighbor(row: Int(space.items.rowOfItem[other]), similarity: space.similarity(graph.scores[item * graph.k + j]))
        }
    }

    /// The rows with a score, least familiar first (ties by row).
    public func rowsLeastFamiliarFirst() -> [Int] {
        scores.indices.filter { !scores[$0].isNaN }.sorted { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    }

    /// The scores as a float column called `name` (missing where there is no score).
    public func column(named name: String) -> Column {
        let validity = RowSet(rowCount: scores.count, rows: scores.indices.filter { !scores[$0].isNaN })
        return Column(name: name, data: .float(scores.map { $0.isNaN ? 0 : $0 }), validity: validity)
    }
}
