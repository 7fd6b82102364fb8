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
        residualHistogram(over: rows, bins: ResidualBins(largest: largestResidual(over: scaleRows ?? rows), bins: bins))
    }

    /// The largest finite residual in size among `rows` (0 when there is none).
    public func largestResidual(over rows: RowSet) -> Double {
        var largest = 0.0
        rows.intersection(measured).forEachMember { row in
            let residual = abs(error(row))
            if residual.isFinite { largest = max(largest, residual) }
        }
        return largest
    }

    /// The residuals of `rows` in `bins` (made elsewhere, such as on a sample): as above, with
    /// residuals past the bins' range in the end bins.
    public func residualHistogram(over rows: RowSet, bins: ResidualBins) -> NumericHistogram {
        var counts = [Int](repeating: 0, count: bins.count + 1)
        let rowsMeasured = rows.intersection(measured)
        counts[bins.count] = rows.count - rowsMeasured.count
        rowsMeasured.forEachMember { counts[bins.bin(of: error($0))] += 1 }
        return NumericHistogram(edges: bins.edges, counts: counts)
    }
}
