extension ColumnSummary {
    /// A summary from its figures, for sources that compute them elsewhere (a SQL engine).
    public init(name: String, kind: ColumnKind, role: ColumnRole?, missing: Int, distinct: Int,
                min: Double?, max: Double?, mean: Double?, std: Double?,
                quantiles: (p5: Double, median: Double, p95: Double)?, top: [(value: String, count: Int)]) {
        self.init(name: name, kind: kind, role: role, missing: missing, distinct: distinct, min: min, max: max,
                  mean: mean, median: quantiles?.median, p5: quantiles?.p5, p95: quantiles?.p95, std: std,
                  top: top.map { ValueCount(value: $0.value, count: $0.count) }, vectorWidth: nil)
    }
}
