/// The median and the 5th and 95th percentiles of a set of numbers, interpolated linearly
/// between the nearest values as NumPy's default does.
struct Quantiles {
    let p5: Double
    let median: Double
    let p95: Double

    /// The quantiles of `count` numbers whose value of sorted rank `k` is `value(k)`; nil when
    /// there are none.
    init?(sortedCount count: Int, value: (Int) -> Double) {
        guard count > 0 else { return nil }
        func quantile(_ q: Double) -> Double {
            let position = Double(count - 1) * q
            let low = Int(position.rounded(.down))
            let lowValue = value(low)
            guard low + 1 < count, position > Double(low) else { return lowValue }
            let highValue = value(low + 1)
            return lowValue + (highValue - lowValue) * (position - Double(low))
        }
        median = quantile(0.5)
        p5 = quantile(0.05)
        p95 = quantile(0.95)
    }
}
