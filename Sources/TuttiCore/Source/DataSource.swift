/// The questions commands ask of the rows, answered where the rows are: by the in-memory
/// engine (`MemorySource`, the default and the fast path) or by a SQL engine over the
/// PostgreSQL protocol (`TuttiPostgres.PostgresSource`).
///
/// Filters are tutti's expression language (`FilterExpression`), passed as text: each source
/// checks and runs them its own way with the same meaning, missing values included (a SQL
/// source compiles them with `SQLFilter`). A blank filter keeps every row.
public protocol DataSource {
    /// The data's name for messages and reports: a path, or a database URL without its password.
    var displayName: String { get }
    /// The column names, in order.
    var columnNames: [String] { get }
    /// The roles inferred from the columns (by name; by values too in memory).
    var roles: ColumnRoles { get }

    /// The number of rows passing `filter`. Throws an `ExpressionError` for a bad filter and a
    /// `TuttiError` when the engine fails.
    func rowCount(where filter: String) throws -> Int

    /// The summary of every column over the rows passing `filter`, with the `topCount` most
    /// frequent values of categorical and boolean columns.
    func summaries(where filter: String, topCount: Int) throws -> [ColumnSummary]

    /// The number of rows passing `filter` for each combination of values of `columns` (the
    /// counts slices and confusion matrices are made of), largest group first, then by values.
    func groupCounts(by columns: [String], where filter: String) throws -> [GroupCount]

    /// The histogram of the numeric column `column` in about `bins` equal-width bins: the edges
    /// come from the whole column (so bins stay put when the filter changes, as in the
    /// histogram pane; `ColumnBinning.evenScale`), the counts from the rows passing `filter`.
    func histogram(of column: String, bins: Int, where filter: String) throws -> NumericHistogram

    /// Exact duplicates among the rows passing `filter`, compared on `columns` (a missing
    /// value equals a missing value): groups of two or more equal rows, and rows that repeat
    /// an earlier one.
    func exactDuplicates(comparing columns: [String], where filter: String) throws -> DuplicateCount

    /// `limit` rows from `offset` of the rows passing `filter` ordered by `column` (missing
    /// values last either way; the order of ties is the engine's), as text (`Column.text(at:)`;
    /// nil for missing), every column in order.
    func rowPage(where filter: String, orderedBy column: String, ascending: Bool, offset: Int,
                 limit: Int) throws -> [[String?]]

    /// Writes `columns` (every column when nil) of the rows passing `filter` to `path`, in the
    /// format its extension names, atomically (see `RowExporter`).
    func export(to path: String, columns: [String]?, where filter: String, options: ExportOptions,
                work: WorkContext) throws -> ExportSummary
}

/// A combination of values of some columns (nil for missing, values as `Column.text(at:)`
/// writes them) and how many rows hold it.
public struct GroupCount: Sendable, Equatable {
    /// One value per grouped column; nil where the value is missing.
    public let values: [String?]
    /// The rows holding these values.
    public let count: Int

    /// `count` rows hold `values`.
    public init(values: [String?], count: Int) {
        self.values = values
        self.count = count
    }

    /// Largest group first, then groups in order of their values (missing last).
    public static func ordered(_ groups: [GroupCount]) -> [GroupCount] {
        groups.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            for (x, y) in zip(a.values, b.values) where x != y {
                guard let x else { return false }
                guard let y else { return true }
                return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
            }
            return false
        }
    }
}

/// How many exact duplicates a table holds.
public struct DuplicateCount: Sendable, Equatable {
    /// Groups of at least two equal rows.
    public let groups: Int
    /// Rows that repeat an earlier row: the sum of (group size − 1).
    public let extraRows: Int

    /// `groups` groups with `extraRows` repeated rows.
    public init(groups: Int, extraRows: Int) {
        self.groups = groups
        self.extraRows = extraRows
    }
}

/// Counts of a numeric column per bin.
public struct NumericHistogram: Sendable, Equatable {
    /// Bin `i` holds `edges[i] ..< edges[i + 1]`; the last bin also holds its upper edge.
    public let edges: [Double]
    /// Rows per bin, and one more entry for missing and non-finite values.
    public let counts: [Int]

    /// A histogram with `edges` and `counts` (one more than the bins).
    public init(edges: [Double], counts: [Int]) {
        self.edges = edges
        self.counts = counts
    }
}
