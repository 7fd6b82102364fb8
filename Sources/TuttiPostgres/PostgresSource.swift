import TuttiCore

/// A table or a query's result in a server that speaks the PostgreSQL protocol, answering the
/// questions of `DataSource` with SQL run there: only counts, summaries and the exported rows
/// travel.
///
/// The rows are `(SELECT … FROM table) AS tutti_rows`, each column read as `PostgresTypes` says
/// (numeric as doubles, types tutti has no kind for as text). Every statement is a `SELECT` or a
/// `COPY (SELECT …) TO STDOUT` on a read-only connection (`PostgresConnection`).
public final class PostgresSource: DataSource {
    /// The connection the questions go through.
    public let connection: PostgresConnection
    /// The columns and their kinds.
    public let columns: [SQLColumn]
    public let roles: ColumnRoles
    /// The rows as a derived table for `FROM`.
    let relation: String

    /// Opens `url` and reads the columns of its `table=`, or of `query` (a `SELECT`) when given.
    /// Throws a `TuttiError` when the connection fails, neither or both of a table and a query
    /// are given, or the table or query cannot be read.
    public init(url: DatabaseURL, query: String? = nil) throws {
        let connection = try PostgresConnection(url: url)
        self.connection = connection
        let base: String
        switch (url.table, query) {
        case (let table?, nil):
            base = try table.split(separator: ".", maxSplits: 1).map { try connection.identifier(String($0)) }
                .joined(separator: ".")
        case (nil, let query?):
            base = "(\(try Self.trimmed(query))) AS tutti_query"
        case (nil, nil):
            throw TuttiError("name the table with ?table=NAME in the URL, or give --query 'SELECT …' (\(url.redacted))")
        case (_?, _?):
            throw TuttiError("give a table in the URL or --query, not both (\(url.redacted))")
        }
        let probe = try connection.select("SELECT * FROM \(base) LIMIT 0")
        var columns: [SQLColumn] = [], projection: [String] = [], seen = Set<String>()
        for index in 0..<probe.columnCount {
            let name = probe.name(index)
            guard seen.insert(name).inserted else {
                throw TuttiError("the column name '\(name)' appears twice in \(url.redacted); rename one (AS …)")
            }
            let reading = PostgresTypes.reading(of: probe.typeOID(index))
            let quoted = try connection.identifier(name)
            let value = switch reading {
            case .native: quoted
            case .cast(let type, _): "CAST(\(quoted) AS \(type))"
            }
            // A NaN is missing, as when the rows are read from a file (or pulled with COPY): every
            // question — filters, summaries, slices, exports — sees NULL on an engine that holds
            // NaN equal to itself and above every number (PostgreSQL, CockroachDB). Where NaN
            // equals nothing, it stays, and compares false as a missing value does. (NULLIF costs
            // a bin query 5–13 %; the fuller `v <> v` test cost 35 %.)
            projection.append(reading.kind == .float ? "NULLIF(\(value), CAST('NaN' AS DOUBLE PRECISION)) AS \(quoted)"
                : value == quoted ? quoted : "\(value) AS \(quoted)")
            columns.append(SQLColumn(name: name, kind: reading.kind))
        }
        guard !columns.isEmpty else { throw TuttiError("\(url.redacted) has no columns") }
        self.columns = columns
        relation = "(SELECT \(projection.joined(separator: ", ")) FROM \(base)) AS tutti_rows"
        roles = ColumnRoles.infer(from: SQLColumn.emptyDataset(columns, source: url.redacted))
    }

    /// A source over `relation` (a derived table for `FROM`) with `columns` and `roles`, on
    /// `connection`: the rows of another source with columns added or roles changed.
    init(connection: PostgresConnection, columns: [SQLColumn], roles: ColumnRoles, relation: String) {
        self.connection = connection
        self.columns = columns
        self.roles = roles
        self.relation = relation
    }

    /// A query as given, without the trailing semicolons and spaces that would break it as a
    /// derived table; it must be a `SELECT`, `WITH`, `VALUES` or `TABLE` statement.
    static func trimmed(_ query: String) throws -> String {
        var text = Substring(query)
        while let last = text.last, last == ";" || last.isWhitespace { text.removeLast() }
        let first = text.drop(while: \.isWhitespace).prefix { $0.isLetter }.uppercased()
        guard ["SELECT", "WITH", "VALUES", "TABLE"].contains(first) else {
            throw TuttiError("--query must be a SELECT (or WITH, VALUES, TABLE) statement; tutti only reads")
        }
        return String(text)
    }

    public var displayName: String { connection.url.redacted }

    public var columnNames: [String] { columns.map(\.name) }

    /// `filter` compiled for this table (see `SQLFilter`).
    public func compiled(_ filter: String) throws -> SQLFilter {
        try SQLFilter(filter, columns: columns, quoting: connection)
    }

    public func rowCount(where filter: String) throws -> Int {
        let rows = try connection.select("SELECT COUNT(*) FROM \(relation)\(try compiled(filter).whereClause)")
        guard let count = rows.integer(0, 0) else { throw TuttiError("the database gave no row count") }
        return count
    }

    public func summaries(where filter: String, topCount: Int) throws -> [ColumnSummary] {
        try PostgresSummaries(source: self, filter: try compiled(filter), topCount: topCount).compute()
    }

    public func groupCounts(by names: [String], where filter: String) throws -> [GroupCount] {
        let grouped = try names.map(column(named:))
        guard !grouped.isEmpty else { return [GroupCount(values: [], count: try rowCount(where: filter))] }
        let list = try grouped.map { try connection.identifier($0.name) }.joined(separator: ", ")
        let rows = try connection.select("SELECT \(list), COUNT(*) FROM \(relation)\(try compiled(filter).whereClause) "
                                         + "GROUP BY \(list)")
        let groups = (0..<rows.count).map { row in
            GroupCount(values: grouped.indices.map { index in
                rows.text(row, index).map { PostgresValues.text($0, kind: grouped[index].kind) }
            }, count: rows.integer(row, grouped.count) ?? 0)
        }
        return GroupCount.ordered(groups)
    }

    public func histogram(of name: String, bins: Int, where filter: String) throws -> NumericHistogram {
        let column = try column(named: name)
        guard column.kind == .integer || column.kind == .float else {
            throw TuttiError("column '\(name)' is not numeric; count its values with groupCounts")
        }
        // Finite values only, as in memory: x - x is NaN for infinities and NaN.
        let value = try connection.identifier(name)
        let finite = "CASE WHEN \(value) - \(value) = 0 THEN \(value) END"
        let range = try connection.select("SELECT MIN(\(finite)), MAX(\(finite)) FROM \(relation)")
        let low = range.double(0, 0) ?? 0, high = range.double(0, 1) ?? 0
        let scale = ColumnBinning.evenScale(low: low, high: high, target: min(max(bins, 1), ColumnBinning.maxBins),
                                            integral: column.kind == .integer)
        let edges = (0...scale.count).map { scale.start + Double($0) * scale.step }
        let branches = (1..<scale.count).map { "WHEN \(value) < \(SQLFilter.double(edges[$0])) THEN \($0 - 1)" }
        let bin = branches.isEmpty ? "0" : "CASE \(branches.joined(separator: " ")) ELSE \(scale.count - 1) END"
        let rows = try connection.select("SELECT tutti_bin, COUNT(*) FROM (SELECT CASE WHEN \(value) - \(value) = 0 THEN "
            + "\(bin) END AS tutti_bin FROM \(relation)\(try compiled(filter).whereClause)) AS tutti_bins GROUP BY tutti_bin")
        var counts = [Int](repeating: 0, count: scale.count + 1)
        for row in 0..<rows.count {
            counts[rows.integer(row, 0) ?? scale.count] += rows.integer(row, 1) ?? 0
        }
        return NumericHistogram(edges: edges, counts: counts)
    }

    public func exactDuplicates(comparing names: [String], where filter: String) throws -> DuplicateCount {
        let list = try names.map { try connection.identifier(try column(named: $0).name) }.joined(separator: ", ")
        guard !list.isEmpty else { throw TuttiError("no columns to compare for exact duplicates") }
        let rows = try connection.select("SELECT COUNT(*), COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM "
            + "\(relation)\(try compiled(filter).whereClause) GROUP BY \(list) HAVING COUNT(*) > 1) AS tutti_groups")
        return DuplicateCount(groups: rows.integer(0, 0) ?? 0, extraRows: rows.integer(0, 1) ?? 0)
    }

    public func rowPage(where filter: String, orderedBy name: String, ascending: Bool, offset: Int,
                        limit: Int) throws -> [[String?]] {
        let key = try connection.identifier(try column(named: name).name)
        let rows = try connection.select("SELECT * FROM \(relation)\(try compiled(filter).whereClause) ORDER BY \(key) "
            + "\(ascending ? "ASC" : "DESC") NULLS LAST LIMIT \(max(limit, 0)) OFFSET \(max(offset, 0))")
        return (0..<rows.count).map { row in
            columns.indices.map { index in rows.text(row, index).map { PostgresValues.text($0, kind: columns[index].kind) } }
        }
    }

    public func export(to path: String, columns names: [String]?, where filter: String, options: ExportOptions,
                       work: WorkContext) throws -> ExportSummary {
        let exporter = try StreamingRowExporter(path: path, options: options)
        let chosen = try (names ?? columnNames).map(column(named:))
        let list = try chosen.map { try connection.identifier($0.name) }.joined(separator: ", ")
        let sql = "COPY (SELECT \(list) FROM \(relation)\(try compiled(filter).whereClause)) TO STDOUT"
        return try exporter.export(columns: chosen.map(\.name), work: work) { write in
            var batch = CopyBatch(columns: chosen)
            var wrote = false
            try connection.copyOut(sql) { line in
                try batch.append(line)
                if batch.rowCount >= CopyBatch.size {
                    try write(batch.dataset())
                    wrote = true
                    batch = CopyBatch(columns: chosen)
                }
                if work.isCancelled { throw TuttiError("export cancelled; nothing was written", file: path) }
            }
            // The last batch, even empty: a Parquet file takes its columns' types from a batch.
            if batch.rowCount > 0 || !wrote { try write(batch.dataset()) }
        }
    }

    /// The column called `name`; throws a `TuttiError` suggesting the nearest name.
    func column(named name: String) throws -> SQLColumn {
        guard let column = columns.first(where: { $0.name == name }) else {
            throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: columnNames))
        }
        return column
    }
}
