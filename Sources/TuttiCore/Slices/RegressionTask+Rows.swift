extension RegressionTask {
    /// The regression metrics' sums over `rows` (those without a label or a prediction are left out).
    public func sums(over rows: RowSet) -> RegressionSums {
        var sums = RegressionSums()
        rows.intersection(measured).forEachMember { add($0, to: &sums) }
        return sums
    }

    /// The residuals (prediction − label) of `rows` in about `bins` equal-width bins over a range
    /// symmetric about 0 (so the exact predictions' bars sit in the middle) that holds every
    /// finite residual of `scaleRows` (of `rows` when nil: pass the filter's rows to draw a
    /// selection on the filter's scale). `edges` has one more entry than the bins; `counts` has
    /// one more than the bins, for the rows without a label or a prediction (or whose residual is
    /// not a number: an infinite label and prediction). Residuals beyond
    /// the range (infinite ones) count in the end bins.
    public func residualHistogram(over rows: RowSet, bins: Int, scaleRows: RowSet? = nil) -> NumericHistogram {
        var largest = 0.0
        (scaleRows ?? rows).intersection(measured).forEachMember { row in
            let residual = abs(error(row))
            if residual.isFinite { largest = max(largest, residual) }
        }
        if largest == 0 { largest = 1 }
        let step = NiceScale.step(span: 2 * largest, target: max(2, bins), integral: false)
        let half = max(1, Int((largest / step).rounded(.up)))
        let edges = (-half...half).map { Double($0) * step }
        let binCount = edges.count - 1
        var counts = [Int](repeating: 0, count: binCount + 1)
        let rowsMeasured = rows.intersection(measured)
        counts[binCount] = rows.count - rowsMeasured.count
        rowsMeasured.forEachMember { row in
            let position = (error(row) / step + Double(half)).rounded(.down)
            counts[position.isNaN ? binCount : Int(min(max(position, 0), Double(binCount - 1)))] += 1
        }
        return NumericHistogram(edges: edges, counts: counts)
    }
}
