/// What makes the rows of a duplicate cluster belong together.
public enum DuplicateKind: String, Sendable, CaseIterable, Codable {
    /// Rows identical in every compared column.
    case exact
    /// Rows identical in every feature column whose labels differ.
    case conflict
    /// A cluster (exact or near) whose rows span more than one split.
    case leak
    /// Rows whose texts are near-duplicates (Jaccard similarity of their shingles).
    case nearText = "near_text"
    /// Rows whose vectors are near-duplicates (cosine similarity).
    case nearVector = "near_vector"
}

/// One group of rows found by a duplicate search.
public struct DuplicateCluster: Sendable, Equatable {
    /// What the rows share.
    public let kind: DuplicateKind
    /// For a leak: the kind of cluster that spans the splits (`exact`, `nearText` or `nearVector`);
    /// nil for every other kind.
    public let basis: DuplicateKind?
    /// The rows, 0-based, ascending.
    public let rows: [Int]
    /// For near duplicates (and leaks found through them): the least similarity of two rows of
    /// the cluster (Jaccard for text, cosine for vectors), at least the threshold, since every two
    /// rows of a near-duplicate cluster are near duplicates. Nil for exact duplicates and conflicts.
    public let similarity: Double?
    /// Rows per value of the split column (empty without one; a missing value counts under "").
    public let splits: [String: Int]
    /// Rows per value of the label column (empty without one; a missing value counts under "").
    public let labels: [String: Int]

    /// A cluster.
    public init(kind: DuplicateKind, basis: DuplicateKind? = nil, rows: [Int], similarity: Double?,
                splits: [String: Int], labels: [String: Int]) {
        self.kind = kind
        self.basis = basis
        self.rows = rows
        self.similarity = similarity
        self.splits = splits
        self.labels = labels
    }

    /// The number of rows.
    public var size: Int { rows.count }

    /// The rows as a row set over `rowCount` rows (to select the cluster).
    public func rowSet(rowCount: Int) -> RowSet { RowSet(rowCount: rowCount, rows: rows) }
}

/// Cluster counts of a duplicate search.
public struct DuplicateSummary: Sendable, Equatable {
    /// Groups of at least two identical rows.
    public var exactClusters = 0
    /// Rows that repeat an earlier row: the sum of (cluster size − 1) over exact clusters.
    public var exactExtraRows = 0
    /// Groups of rows with identical features and different labels.
    public var conflictClusters = 0
    /// Clusters (exact or near) spanning more than one split.
    public var leakClusters = 0
    /// Clusters of near-duplicate texts.
    public var nearTextClusters = 0
    /// Clusters of near-duplicate vectors.
    public var nearVectorClusters = 0

    /// All counts zero.
    public init() {}

    /// Counts of `clusters`.
    public init(clusters: [DuplicateCluster]) {
        for cluster in clusters {
            switch cluster.kind {
            case .exact:
                exactClusters += 1
                exactExtraRows += cluster.size - 1
            case .conflict: conflictClusters += 1
            case .leak: leakClusters += 1
            case .nearText: nearTextClusters += 1
            case .nearVector: nearVectorClusters += 1
            }
        }
    }
}

/// The outcome of a duplicate search: counts, and every cluster found.
public struct DuplicateReport: Sendable, Equatable {
    /// The number of rows of the dataset searched (row sets of clusters range over them).
    public let rowCount: Int
    /// The columns compared for exact duplicates, in dataset order (empty when not searched).
    public let comparedColumns: [String]
    /// Compared columns that hold the label under other values (a text `income` beside a 0/1
    /// `label`): left out of the features that conflicts compare (found only when searching for
    /// conflicts).
    public let labelCopies: [String]
    /// The kinds searched for.
    public let kinds: Set<DuplicateKind>
    /// Cluster counts.
    public let summary: DuplicateSummary
    /// The clusters: by kind (exact, conflict, leak, near text, near vector), then largest first,
    /// then by first row.
    public let clusters: [DuplicateCluster]

    /// A report over `clusters` (sorted here).
    public init(rowCount: Int, comparedColumns: [String], labelCopies: [String] = [], kinds: Set<DuplicateKind>,
                clusters: [DuplicateCluster]) {
        self.rowCount = rowCount
        self.comparedColumns = comparedColumns
        self.labelCopies = labelCopies
        self.kinds = kinds
        let order = Dictionary(uniqueKeysWithValues: DuplicateKind.allCases.enumerated().map { ($1, $0) })
        // Sort small keys, not the clusters themselves.
        let keys = clusters.enumerated().map { index, cluster in
            (kind: order[cluster.kind]!, size: -cluster.size, first: cluster.rows.first ?? 0, index: index)
        }
        self.clusters = keys.sorted { ($0.kind, $0.size, $0.first, $0.index) < ($1.kind, $1.size, $1.first, $1.index) }
            .map { clusters[$0.index] }
        summary = DuplicateSummary(clusters: clusters)
    }

    /// The clusters of one kind.
    public func clusters(of kind: DuplicateKind) -> [DuplicateCluster] { clusters.filter { $0.kind == kind } }

    /// The rows of cluster `index` as a row set (what the UI selects).
    public func rowSet(ofCluster index: Int) -> RowSet { clusters[index].rowSet(rowCount: rowCount) }
}
