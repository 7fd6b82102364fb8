import TuttiCore

/// `ColumnSummary`s computed by the engine: one aggregate query over the filtered rows for every
/// column's missing and distinct counts, minimum, maximum, mean, standard deviation (sample) and
/// 5th, 50th and 95th percentiles (of times: of their microseconds since 1970, as in memory) (`PERCENTILE_CONT`, the linear interpolation NumPy and tutti
/// use), then one `GROUP BY` per string column that is categorical for the top values.
///
/// A string column is categorical, as when loading a file, when it has at most 65,536 distinct
/// values and at most one per two present rows; here that is decided over the filtered rows.
struct PostgresSummaries {
    let source: PostgresSource
    let filter: SQLFilter
    let topCount: Int

    /// Most distinct values a categorical column has (as `ColumnAssembler.maxCategories`).
    static let maxCategories = 65_536

    /// The figures read per column, in this order, from the aggregate query.
    private static let numericFigures = ["MIN", "MAX", "AVG", "STDDEV_SAMP", "P5", "P50", "P95"]

    func compute() throws -> [ColumnSummary] {
        let connection = source.connection
        var aggregates = ["COUNT(*)"]
        for column in source.columns {
            var name = try connection.identifier(column.name)
            aggregates += ["COUNT(\(name))", "COUNT(DISTINCT \(name))"]
            if column.kind == .datetime { name = "CAST(EXTRACT(EPOCH FROM \(name)) * 1000000 AS BIGINT)" }
            switch column.kind {
            case .integer, .float, .datetime:
                aggregates += ["MIN(\(name))", "MAX(\(name))", "AVG(\(name))", "STDDEV_SAMP(\(name))"]
                aggregates += [0.05, 0.5, 0.95].map { "PERCENTILE_CONT(\($0)) WITHIN GROUP (ORDER BY \(name))" }
            case .boolean:
                aggregates += ["COUNT(CASE WHEN \(name) THEN 1 END)", "COUNT(CASE WHEN NOT \(name) THEN 1 END)"]
            default:
                break
            }
        }
        let rows = try connection.select("SELECT \(aggregates.joined(separator: ", ")) FROM \(source.relation)"
                                         + filter.whereClause)
        let total = rows.integer(0, 0) ?? 0
        var field = 1
        var summaries: [ColumnSummary] = []
        for column in source.columns {
            let present = rows.integer(0, field) ?? 0, distinct = rows.integer(0, field + 1) ?? 0
            field += 2
            let role = source.roles.role(ofColumn: column.name)
            switch column.kind {
            case .integer, .float, .datetime:
                let figures = (0..<Self.numericFigures.count).map { rows.double(0, field + $0) }
                field += Self.numericFigures.count
                let quantiles = figures[4].flatMap { p5 in
                    figures[5].flatMap { median in figures[6].map { (p5: p5, median: median, p95: $0) } }
                }
                summaries.append(ColumnSummary(name: column.name, kind: column.kind, role: role, missing: total - present,
                                               distinct: distinct, min: figures[0], max: figures[1], mean: figures[2],
                                               std: figures[3], quantiles: quantiles, top: []))
            case .boolean:
                let trues = rows.integer(0, field) ?? 0, falses = rows.integer(0, field + 1) ?? 0
                field += 2
                let top = [(value: "true", count: trues), (value: "false", count: falses)]
                    .filter { $0.count > 0 }.sorted { $0.count > $1.count }
                summaries.append(ColumnSummary(name: column.name, kind: .boolean, role: role, missing: total - present,
                                               distinct: distinct, min: nil, max: nil, mean: nil, std: nil,
                                               quantiles: nil, top: top))
            default:
                let categorical = distinct <= Self.maxCategories && distinct * 2 <= present
                summaries.append(ColumnSummary(name: column.name, kind: categorical ? .categorical : .text, role: role,
                                               missing: total - present, distinct: distinct, min: nil, max: nil,
                                               mean: nil, std: nil, quantiles: nil,
                                               top: categorical ? try topValues(column) : []))
            }
        }
        return summaries
    }

    /// The `topCount` most frequent values of a string column, most frequent first (ties in
    /// the engine's order of the values).
    private func topValues(_ column: SQLColumn) throws -> [(value: String, count: Int)] {
        guard topCount > 0 else { return [] }
        let connection = source.connection
        let name = try connection.identifier(column.name)
        let present = "\(name) IS NOT NULL"
        let condition = filter.condition.map { "(\($0)) AND \(present)" } ?? present
        let rows = try connection.select("SELECT \(name), COUNT(*) FROM \(source.relation) WHERE \(condition) "
                                         + "GROUP BY \(name) ORDER BY COUNT(*) DESC, \(name) LIMIT \(topCount)")
        return (0..<rows.count).map {
            (value: rows.text($0, 0) ?? "", count: rows.integer($0, 1) ?? 0)
        }
    }
}
