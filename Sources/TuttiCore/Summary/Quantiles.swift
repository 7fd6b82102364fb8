/// The median and the 5th and 95th percentiles of a set of numbers, interpolated linearly
/// between the nearest values as NumPy's default does.
struct Quantiles {
    let p5: Double
    let median: Double
    let p95: Double

    /// The quantiles given, as fractions.
    private static let levels = (p5: 0.05, median: 0.5, p95: 0.95)

    /// The quantiles of `count` numbers whose value of sorted rank `k` is `value(k)`; nil when
    /// there are none. `value` is asked only for ranks in `ranks(count:)`.
    init?(sortedCount count: Int, value: (Int) -> Double) {
        guard count > 0 else { return nil }
        func quantile(_ q: Double) -> Double {
            let (low, high, fraction) = Self.neighbours(q, count: count)
            let lowValue = value(low)
            guard let high else { return lowValue }
            let highValue = value(high)
            return lowValue + (highValue - lowValue) * fraction
        }
        median = quantile(Self.levels.median)
        p5 = quantile(Self.levels.p5)
        p95 = quantile(Self.levels.p95)
    }

    /// The sorted ranks whose values the quantiles of `count` numbers read, ascending, each once.
    static func ranks(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let ranks = [levels.p5, levels.median, levels.p95].flatMap { q -> [Int] in
            let (low, high, _) = neighbours(q, count: count)
            return [low] + (high.map { [$0] } ?? [])
        }
        return Array(Set(ranks)).sorted()
    }

    /// The rank of the value at or below quantile `q` of `count` numbers, the next rank when
    /// the quantile lies between the two, and how far between.
    private static func neighbours(_ q: Double, count: Int) -> (low: Int, high: Int?, fraction: Double) {
        let position = Double(count - 1) * q
        let low = Int(position.rounded(.down))
        guard low + 1 < count, position > Double(low) else { return (low, nil, 0) }
        return (low, low + 1, position - Double(low))
    }
}
