import TuttiCore

/// `ColumnSummary`s computed by the engine, exactly as in memory, in two steps:
///
/// 1. One aggregate query over the filtered rows: the row count and, per column, the present
///    count; for numbers and times the minimum, maximum, mean and sample standard deviation; for
///    booleans the true and false counts. No sort, no distinct: one scan.
/// 2. One query per numeric, time or string column (booleans need none), run two at a time on two
///    connections (`ParallelSelects`): the column's values grouped (`GROUP BY`, which an engine
///    may hash) and then
///    - for numbers and times (of times: their microseconds since 1970, as in memory): the number
///      of groups is the distinct count, and a running sum of the group sizes in value order
///      (`SUM(…) OVER (ORDER BY … ROWS UNBOUNDED PRECEDING)`) finds the values at the sorted ranks
///      the 5th, 50th and 95th percentiles fall between, interpolated here linearly as in memory
///      (NumPy's default): one sort of the distinct values instead of a sort per aggregate;
///    - for strings: the number of groups (`COUNT(*) OVER ()`) and the `topCount` largest groups.
///
/// A string column is categorical, as when loading a file, when it has at most 65,536 distinct
/// values and at most one per two present rows; here that is decided over the filtered rows.
/// Only standard SQL: `GROUP BY`, `CASE`, `MIN`, window `SUM` and `COUNT`, `ORDER BY … LIMIT`.
struct PostgresSummaries {
    let source: PostgresSource
    let filter: SQLFilter
    let topCount: Int

    /// Most distinct values a categorical column has (as `ColumnAssembler.maxCategories`).
    static let maxCategories = 65_536

    /// The percentiles summaries give, in the order of `ColumnSummary`'s initializer.
    private static let fractions = [0.05, 0.5, 0.95]

    /// What the one-scan query gave for a column.
    private struct Scan {
        var present = 0
        /// Minimum, maximum, mean, sample standard deviation (numbers and times).
        var moments: [Double?] = []
        var trues = 0, falses = 0
    }

    func compute() throws -> [ColumnSummary] {
        let scans = try scan()
        var statements: [String] = [], asked: [Int: Int] = [:]
        for (index, column) in source.columns.enumerated() where scans.columns[index].present > 0 {
            let statement: String? = switch column.kind {
            case .integer, .float, .datetime: try rankStatement(column, present: scans.columns[index].present)
            case .boolean: nil
            default: try groupStatement(column)
            }
            if let statement {
                asked[index] = statements.count
                statements.append(statement)
            }
        }
        let answers = try ParallelSelects.run(statements, on: source.connection)
        return source.columns.enumerated().map { index, column in
            summary(of: column, scan: scans.columns[index], total: scans.total, answer: asked[index].map { answers[$0] })
        }
    }

    /// The one-scan query's answer: the row count and each column's `Scan`.
    private func scan() throws -> (total: Int, columns: [Scan]) {
        var aggregates = ["COUNT(*)"]
        for column in source.columns {
            let value = try valueExpression(column)
            aggregates.append("COUNT(\(value))")
            switch column.kind {
            case .integer, .float, .datetime:
                aggregates += ["MIN(\(value))", "MAX(\(value))", "AVG(\(value))", "STDDEV_SAMP(\(value))"]
            case .boolean:
                aggregates += ["COUNT(CASE WHEN \(value) THEN 1 END)", "COUNT(CASE WHEN NOT \(value) THEN 1 END)"]
            default:
                break
            }
        }
        let rows = try source.connection.select("SELECT \(aggregates.joined(separator: ", ")) FROM \(source.relation)"
                                                + filter.whereClause)
        var field = 1
        let columns = source.columns.map { column in
            var scan = Scan(present: rows.integer(0, field) ?? 0)
            field += 1
            switch column.kind {
            case .integer, .float, .datetime:
                scan.moments = (0..<4).map { rows.double(0, field + $0) }
                field += 4
            case .boolean:
                scan.trues = rows.integer(0, field) ?? 0
                scan.falses = rows.integer(0, field + 1) ?? 0
                field += 2
            default:
                break
            }
            return scan
        }
        return (rows.integer(0, 0) ?? 0, columns)
    }

    /// A column's values as summarised: times as their microseconds since 1970.
    private func valueExpression(_ column: SQLColumn) throws -> String {
        let name = try source.connection.identifier(column.name)
        return column.kind == .datetime ? "CAST(EXTRACT(EPOCH FROM \(name)) * 1000000 AS BIGINT)" : name
    }

    /// The filter's condition with `value IS NOT NULL` added.
    private func presentCondition(_ value: String) -> String {
        let present = "\(value) IS NOT NULL"
        return " WHERE " + (filter.condition.map { "(\($0)) AND \(present)" } ?? present)
    }

    /// The sorted ranks (from 0) whose values the percentiles of `present` values lie between.
    private static func ranks(present: Int) -> [Int] {
        Array(Set(fractions.flatMap { fraction -> [Int] in
            let low = Int((Double(present - 1) * fraction).rounded(.down))
            return low + 1 < present ? [low, low + 1] : [low]
        })).sorted()
    }

    /// The query giving a numeric or time column's distinct count, then its values at `ranks`.
    private func rankStatement(_ column: SQLColumn, present: Int) throws -> String {
        let value = try valueExpression(column)
        let atRanks = Self.ranks(present: present).map { "MIN(CASE WHEN tutti_below > \($0) THEN tutti_value END)" }
        return "SELECT COUNT(*), \(atRanks.joined(separator: ", ")) FROM (SELECT tutti_value, SUM(tutti_count) OVER "
            + "(ORDER BY tutti_value ROWS UNBOUNDED PRECEDING) AS tutti_below FROM (SELECT \(value) AS tutti_value, "
            + "COUNT(*) AS tutti_count FROM \(source.relation)\(presentCondition(value)) GROUP BY \(value)) AS tutti_groups) "
            + "AS tutti_ranks"
    }

    /// The query giving a string column's largest groups, each row with the number of groups.
    private func groupStatement(_ column: SQLColumn) throws -> String {
        let name = try source.connection.identifier(column.name)
        return "SELECT tutti_value, tutti_count, COUNT(*) OVER () FROM (SELECT \(name) AS tutti_value, COUNT(*) AS "
            + "tutti_count FROM \(source.relation)\(presentCondition(name)) GROUP BY \(name)) AS tutti_groups "
            + "ORDER BY tutti_count DESC, tutti_value LIMIT \(max(topCount, 1))"
    }

    /// A column's summary from its scan and the answer to its own query (nil: none was asked).
    private func summary(of column: SQLColumn, scan: Scan, total: Int, answer: PostgresRows?) -> ColumnSummary {
        let role = source.roles.role(ofColumn: column.name)
        let missing = total - scan.present
        switch column.kind {
        case .integer, .float, .datetime:
            let quantiles = answer.flatMap { Self.quantiles(present: scan.present, answer: $0) }
            return ColumnSummary(name: column.name, kind: column.kind, role: role, missing: missing,
                                 distinct: answer?.integer(0, 0) ?? 0, min: scan.moments[0], max: scan.moments[1],
                                 mean: scan.moments[2], std: scan.moments[3], quantiles: quantiles, top: [])
        case .boolean:
            let top = [(value: "true", count: scan.trues), (value: "false", count: scan.falses)]
                .filter { $0.count > 0 }.sorted { $0.count > $1.count }
            return ColumnSummary(name: column.name, kind: .boolean, role: role, missing: missing, distinct: top.count,
                                 min: nil, max: nil, mean: nil, std: nil, quantiles: nil, top: top)
        default:
            let distinct = answer.flatMap { $0.count > 0 ? $0.integer(0, 2) : nil } ?? 0
            let categorical = distinct <= Self.maxCategories && distinct * 2 <= scan.present
            let top = categorical ? answer.map { rows in
                (0..<min(rows.count, topCount)).map { (value: rows.text($0, 0) ?? "", count: rows.integer($0, 1) ?? 0) }
            } ?? [] : []
            return ColumnSummary(name: column.name, kind: categorical ? .categorical : .text, role: role,
                                 missing: missing, distinct: distinct, min: nil, max: nil, mean: nil, std: nil,
                                 quantiles: nil, top: top)
        }
    }

    /// The 5th, 50th and 95th percentiles of `present` values from the values at their ranks
    /// (`answer`'s fields after the first, in the order of `ranks`), interpolated linearly as
    /// in memory; nil when a value is missing.
    private static func quantiles(present: Int, answer: PostgresRows) -> (p5: Double, median: Double, p95: Double)? {
        let ranks = ranks(present: present)
        func value(_ rank: Int) -> Double? {
            ranks.firstIndex(of: rank).flatMap { answer.double(0, $0 + 1) }
        }
        let figures = fractions.map { fraction -> Double? in
            let position = Double(present - 1) * fraction
            let low = Int(position.rounded(.down))
            guard let lowValue = value(low) else { return nil }
            guard low + 1 < present, position > Double(low) else { return lowValue }
            return value(low + 1).map { lowValue + ($0 - lowValue) * (position - Double(low)) }
        }
        guard let p5 = figures[0], let median = figures[1], let p95 = figures[2] else { return nil }
        return (p5, median, p95)
    }
}
