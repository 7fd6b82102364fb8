import TuttiCore

extension PostgresSource {
    /// Pulls `columns` (every column when nil) of the rows into memory, for the commands that
    /// need whole columns (model comparison, label issues, neighbours, projections) or search
    /// rows one by one (SliceLine, near duplicates): `COPY (SELECT …) TO STDOUT` in CSV, read by
    /// tutti's own CSV loader, so kinds (categorical or text, times) are inferred as for a file
    /// of the same rows. Only the rows passing `filter`; with `sample`, at most that many of
    /// them, drawn at random by the engine.
    ///
    /// Booleans travel as `true` / `false` and strings always quoted, so that an empty string
    /// stays an empty string (and `NA` the text NA) while NULL is missing. Throws a `TuttiError`
    /// when the engine fails or `work` is cancelled.
    public func pull(columns names: [String]? = nil, sample: Int? = nil, where filter: String = "", options: LoadOptions = LoadOptions(),
                     work: WorkContext = WorkContext()) throws -> LoadResult {
        let chosen = try (names ?? columnNames).map(column(named:))
        var projection: [String] = [], quoted: [String] = []
        for column in chosen {
            let name = try connection.identifier(column.name)
            switch column.kind {
            case .boolean:
                projection.append("CASE WHEN \(name) THEN 'true' WHEN NOT \(name) THEN 'false' END AS \(name)")
            case .integer, .float, .datetime:
                projection.append(name)
            default:
                projection.append(name)
                quoted.append(name)
            }
        }
        let limit = sample.map { " ORDER BY RANDOM() LIMIT \(max($0, 0))" } ?? ""
        let force = quoted.isEmpty ? "" : ", FORCE_QUOTE (\(quoted.joined(separator: ", ")))"
        let condition = try compiled(filter).whereClause
        let sql = "COPY (SELECT \(projection.joined(separator: ", ")) FROM \(relation)\(condition)\(limit)) TO STDOUT "
            + "WITH (FORMAT csv, HEADER true\(force))"
        var bytes: [UInt8] = []
        try connection.copyOut(sql) { line in
            bytes.append(contentsOf: line)
            if work.isCancelled { throw TuttiError("cancelled while reading from \(displayName)") }
        }
        var csv = options
        csv.format = .delimited
        csv.delimiter = UInt8(ascii: ",")
        csv.columns = nil
        csv.displayName = displayName
        return try DatasetLoader.load(bytes: bytes, name: displayName, options: csv, work: work)
    }
}
