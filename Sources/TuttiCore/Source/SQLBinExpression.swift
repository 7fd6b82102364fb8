/// A histogram's bins (`ColumnBinning`) as a SQL expression giving each row's bin number, the
/// way the in-memory binning gives it, so that a SQL engine can group rows by bin.
///
/// - Numbers and times (`EXTRACT(EPOCH FROM …)`, portable across the engines, in microseconds
///   as in memory): the last bin whose lower edge the value reaches (values below the first edge in
///   bin 0), missing and non-finite values (`x - x = 0` fails for them) in the missing bin
///   (`binCount`). Values beyond the edges — which a binning made on a sample may not have
///   seen — fall in the end bins.
/// - Values (categories, booleans): the bin of the value, the "other" bin for the values it
///   holds, NULL in the missing bin; a value the binning never saw (a sample's binning without
///   an "other" bin) gets -1: no bin.
///
/// Written with `CASE` and comparisons only, so every engine of `SQLFilter` runs it; names and
/// values are quoted by `SQLQuoting`.
public enum SQLBinExpression {
    /// The expression for `binning` over `column`. Throws a `TuttiError` when the column's kind
    /// in the engine does not match the bins (numbers binned as times, or the reverse).
    public static func sql(for binning: ColumnBinning, column: SQLColumn, quoting: some SQLQuoting) throws -> String {
        let value = try quoting.identifier(column.name)
        let missing = binning.binCount
        switch binning.scheme {
        case .numeric(let edges, _):
            let isTime = binning.calendarUnit != nil
            guard isTime ? column.kind == .datetime : column.kind == .integer || column.kind == .float else {
                throw TuttiError("the bins of column '\(column.name)' cannot be counted by the engine (it holds "
                                 + "\(column.kind.rawValue) there)")
            }
            // Times as their microseconds since 1970 (UTC), the in-memory time bins' scale.
            let number = isTime ? "(EXTRACT(EPOCH FROM \(value)) * 1000000)" : value
            let bin = search(number, edges: edges, bins: 0...max(edges.count - 2, 0))
            return "CASE WHEN \(number) - \(number) = 0 THEN \(bin) ELSE \(missing) END"
        case .values(let values, let other):
            if column.kind == .boolean {
                let bin = { (name: String) in values.firstIndex(of: name).map(String.init) ?? "-1" }
                return "CASE WHEN \(value) THEN \(bin("true")) WHEN NOT \(value) THEN \(bin("false")) ELSE \(missing) END"
            }
            guard column.kind != .integer, column.kind != .float else {
                throw TuttiError("the bins of column '\(column.name)' cannot be counted by the engine (it holds "
                                 + "\(column.kind.rawValue) there)")
            }
            var branches = ["WHEN \(value) IS NULL THEN \(missing)"]
            for (bin, name) in values.enumerated() { branches.append("WHEN \(value) = \(try quoting.literal(name)) THEN \(bin)") }
            return "CASE \(branches.joined(separator: " ")) ELSE \(other.isEmpty ? -1 : values.count) END"
        }
    }

    /// The bin among `bins` of a finite `value` known to reach the lower edge of the first of them
    /// (or below the first edge of all, for bin 0): the last whose lower edge it reaches, found by
    /// nested `CASE`s that halve the bins at each comparison, so that a row costs about
    /// log₂(bins) comparisons rather than one per bin.
    private static func search(_ value: String, edges: [Double], bins: ClosedRange<Int>) -> String {
        guard bins.count > 1 else { return "\(bins.lowerBound)" }
        let middle = (bins.lowerBound + bins.upperBound + 1) / 2
        return "CASE WHEN \(value) >= \(SQLFilter.double(edges[middle])) THEN \(search(value, edges: edges, bins: middle...bins.upperBound)) "
            + "ELSE \(search(value, edges: edges, bins: bins.lowerBound...(middle - 1))) END"
    }
}
