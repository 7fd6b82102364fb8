/// What a duplicate search looks for, over which rows and columns.
public struct DuplicateOptions: Sendable {
    /// Find rows identical in every compared column.
    public var exact: Bool
    /// Find rows identical in their features (the compared columns less the label and split)
    /// whose labels differ. Needs a label column.
    public var conflicts: Bool
    /// Find clusters spanning more than one split: exact clusters compared without the split
    /// column, and the near-duplicate clusters searched for. Needs a split column.
    public var leaks: Bool
    /// The column to search for near-duplicate text (text or categorical), if any.
    public var textColumn: String?
    /// The vectors to search for near duplicates: one vector column, or numeric columns making
    /// up one vector per row. Empty: no vector search.
    public var vectorColumns: [String]
    /// The columns compared for exact duplicates; nil for every column except the id, split,
    /// prediction, score and loss columns.
    public var columns: [String]?
    /// Columns left out of the exact comparison.
    public var ignoredColumns: [String]
    /// The least Jaccard similarity of two texts' shingle sets for them to be near duplicates.
    public var textThreshold: Double
    /// The least cosine similarity of two vectors for them to be near duplicates.
    public var vectorThreshold: Double
    /// The rows to search (nil: every row). Clusters still name rows by their dataset number.
    public var rows: RowSet?

    /// Keeps only these low bits of every row hash: tests set it to force hash collisions.
    var rowHashMask: UInt64 = ~0
    /// Up to this many vectors are compared pair by pair; more go through random projections.
    var exactVectorLimit = 4_096

    /// The default Jaccard threshold for text.
    public static let defaultTextThreshold = 0.8
    /// The default cosine threshold for vectors.
    public static let defaultVectorThreshold = 0.95

    /// Options for a search; by default exact duplicates only.
    public init(exact: Bool = true, conflicts: Bool = false, leaks: Bool = false, textColumn: String? = nil,
                vectorColumns: [String] = [], columns: [String]? = nil, ignoredColumns: [String] = [],
                textThreshold: Double = defaultTextThreshold, vectorThreshold: Double = defaultVectorThreshold,
                rows: RowSet? = nil) {
        self.exact = exact
        self.conflicts = conflicts
        self.leaks = leaks
        self.textColumn = textColumn
        self.vectorColumns = vectorColumns
        self.columns = columns
        self.ignoredColumns = ignoredColumns
        self.textThreshold = textThreshold
        self.vectorThreshold = vectorThreshold
        self.rows = rows
    }

    /// Every kind of search the roles allow: exact duplicates; conflicts with a label column;
    /// leaks with a split column; near-duplicate text with a text column; near-duplicate vectors
    /// with a vector column.
    public static func allApplicable(roles: ColumnRoles) -> DuplicateOptions {
        DuplicateOptions(exact: true, conflicts: roles[.label] != nil, leaks: roles[.split] != nil,
                         textColumn: roles[.text], vectorColumns: roles[.vector].map { [$0] } ?? [])
    }
}
