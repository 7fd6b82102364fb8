/// Summary statistics of a numeric column over a set of rows (under the filter, under the
/// selection).
public struct ColumnStatistics: Sendable, Equatable {
    public let count: Int
    public let missing: Int
    public let min: Double?
    public let max: Double?
    public let mean: Double?
    /// Sample standard deviation.
    public let standardDeviation: Double?

    /// Statistics of `column` over `rows`; nil for a column that is not numeric or boolean.
    public static func compute(_ column: Column, rows: RowSet) -> ColumnStatistics? {
        var count = 0, missing = 0
        var low = Double.infinity, high = -Double.infinity
        var mean = 0.0, squares = 0.0
        func add(_ value: Double) {
            count += 1
            low = Swift.min(low, value)
            high = Swift.max(high, value)
            let delta = value - mean
            mean += delta / Double(count)
            squares += delta * (value - mean)
        }
        switch column.data {
        case .integer(let values):
            rows.forEachMember { if column.validity.contains($0) { add(Double(values[$0])) } else { missing += 1 } }
        case .float(let values):
            rows.forEachMember { if column.validity.contains($0) { add(values[$0]) } else { missing += 1 } }
        case .boolean(let values):
            rows.forEachMember { if column.validity.contains($0) { add(values[$0] ? 1 : 0) } else { missing += 1 } }
        default:
            return nil
        }
        return ColumnStatistics(count: count, missing: missing, min: count > 0 ? low : nil, max: count > 0 ? high : nil,
                                mean: count > 0 ? mean : nil,
                                standardDeviation: count > 1 ? (squares / Double(count - 1)).squareRoot() : nil)
    }
}
