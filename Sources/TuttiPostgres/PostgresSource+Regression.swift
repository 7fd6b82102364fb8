import TuttiCore

extension PostgresSource: RegressionSource {
    /// One `GROUP BY` of each row's residual bin under the filter, with the metrics' sums per
    /// bin, added up here. A row is measured when its label and prediction are finite numbers
    /// (`x - x = 0` fails for missing, NaN and infinite values, on every engine; PostgreSQL holds
    /// NaN equal to itself, so no comparison tells NaN alone); the others fall in the missing bin
    /// and add to no sum — unlike memory, which measures an infinite label and makes the sums
    /// infinite. Residuals past the largest double (labels and predictions near ±1.8e308 of
    /// opposite signs) make PostgreSQL refuse the query ("value out of range") where memory
    /// counts them infinite. The bin is `FLOOR(residual / step + half)` held to
    /// the bins, computed in double precision as `ResidualBins.bin` does in memory. Only the
    /// bins' figures travel.
    public func regressionFigures(label: String, prediction: String, center: Double, bins: ResidualBins,
                                  where filter: String) throws -> RegressionFigures {
        let condition = try compiled(filter).whereClause
        var values: [String] = []
        for name in [label, prediction] {
            let column = try column(named: name)
            guard column.kind == .integer || column.kind == .float else {
                throw TuttiError("column '\(name)' holds \(column.kind.rawValue) in the engine, not numbers")
            }
            values.append("CAST(\(try connection.identifier(name)) AS DOUBLE PRECISION)")
        }
        let (l, p) = (values[0], values[1])
        // A literal must be a finite number; sums of squares may be taken around any value.
        let center = center.isFinite ? center : 0
        let measured = "\(l) - \(l) = 0 AND \(p) - \(p) = 0"
        let position = "FLOOR((\(p) - \(l)) / \(SQLFilter.double(bins.step)) + \(bins.half))"
        let bin = "CASE WHEN \(position) < 0 THEN 0 WHEN \(position) > \(bins.count - 1) THEN \(bins.count - 1) "
            + "ELSE CAST(\(position) AS INTEGER) END"
        let rows = try connection.select(
            "SELECT tutti_bin, COUNT(*), SUM(ABS(tutti_error)), SUM(tutti_error * tutti_error), SUM(tutti_error), "
            + "SUM(tutti_label), SUM(tutti_label * tutti_label) FROM (SELECT "
            + "CASE WHEN \(measured) THEN \(bin) ELSE \(bins.count) END AS tutti_bin, "
            + "CASE WHEN \(measured) THEN \(p) - \(l) END AS tutti_error, "
            + "CASE WHEN \(measured) THEN \(l) - \(SQLFilter.double(center)) END AS tutti_label "
            + "FROM \(relation)\(condition)) AS tutti_residuals GROUP BY tutti_bin")
        var counts = [Int](repeating: 0, count: bins.count + 1)
        var sums = (count: 0, absolute: 0.0, squared: 0.0, error: 0.0, label: 0.0, labelSquared: 0.0)
        for row in 0..<rows.count {
            guard let bin = rows.integer(row, 0), (0...bins.count).contains(bin), let count = rows.integer(row, 1) else {
                throw TuttiError("the database sent a residual bin that is not one")
            }
            counts[bin] += count
            guard bin < bins.count else { continue }
            sums.count += count
            sums.absolute += rows.double(row, 2) ?? 0
            sums.squared += rows.double(row, 3) ?? 0
            sums.error += rows.double(row, 4) ?? 0
            sums.label += rows.double(row, 5) ?? 0
            sums.labelSquared += rows.double(row, 6) ?? 0
        }
        return RegressionFigures(
            sums: RegressionSums(count: sums.count, absoluteSum: sums.absolute, squaredSum: sums.squared, errorSum: sums.error,
                                 labelSum: sums.label, labelSquaredSum: sums.labelSquared),
            residuals: NumericHistogram(edges: bins.edges, counts: counts))
    }
}
