/// How a numeric column is cut into bins. Categories and booleans ignore it.
public enum BinMode: String, Sendable, Codable, CaseIterable {
    /// Equal widths on nice steps (1, 2 or 5 times a power of ten).
    case even
    /// Equal row counts: the edges are quantiles of the column's values, so a heavy tail gets
    /// as many bins as the crowd. Tied values stay in one bin, which then holds more rows.
    case quantile
    /// Widths growing by powers of ten (nice steps 1, 2, 5 … within each decade) for
    /// heavy-tailed positive values. Zero and negative values, which have no logarithm, share one
    /// first bin from the column's minimum up to the first positive edge.
    case log

    /// The next mode in the order the histogram's `b` key steps through them.
    public var next: BinMode {
        switch self {
        case .even: .quantile
        case .quantile: .log
        case .log: .even
        }
    }
}
