/// One axis of an even grid over the plane: `count` cells from `lower` to `upper`. A value's
/// cell always agrees with the edges (`edge(i) <= v < edge(i + 1)`, the last cell including
/// `upper`), so a range of cells reads back as exact comparisons with the edges.
public struct PlaneAxis: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    /// Cells along the axis (at least one).
    public let count: Int

    /// `count` cells over `lower ... upper`; an empty or reversed span is widened to one unit.
    public init(lower: Double, upper: Double, count: Int) {
        let (low, high) = upper > lower ? (lower, upper) : (lower - 0.5, lower + 0.5)
        self.lower = low
        self.upper = high
        self.count = max(1, count)
    }

    /// The lower edge of cell `index` (`edge(count)` is `upper`); non-decreasing in `index`.
    public func edge(_ index: Int) -> Double {
        if index <= 0 { return lower }
        if index >= count { return upper }
        return min(lower + (upper - lower) * (Double(index) / Double(count)), upper)
    }

    /// The cell holding `value`, or nil when it lies outside `lower ... upper` (or is NaN).
    @inline(__always)
    public func cell(of value: Double) -> Int? {
        guard value >= lower, value <= upper else { return nil }
        var index = Int((value - lower) / (upper - lower) * Double(count))
        index = min(max(index, 0), count - 1)
        while index > 0, value < edge(index) { index -= 1 }
        while index < count - 1, value >= edge(index + 1) { index += 1 }
        return index
    }

    /// The same span cut into `count / factor` cells, whose edges are every `factor`-th edge of this one.
    public func coarsened(by factor: Int) -> PlaneAxis {
        PlaneAxis(lower: lower, upper: upper, count: max(1, count / max(1, factor)))
    }
}
