/// A regression's figures over the rows passing a filter, where the rows are: the metrics' sums
/// and the residuals in bins made elsewhere (on a sample). Sources agree on finite labels and
/// predictions; an infinite one is measured in memory (infinite sums) and left out by a SQL
/// engine (see `PostgresSource.regressionFigures`).
public protocol RegressionSource {
    /// The sums of `label` and `prediction` (numbers) over the rows passing `filter` that have
    /// both (labels less `center`, a value near their mean), and the residuals (prediction −
    /// label) of those rows in `bins` (those without both in the missing bin). Throws an
    /// `ExpressionError` for a bad filter and a `TuttiError` when the columns are not numbers
    /// or the engine fails.
    func regressionFigures(label: String, prediction: String, center: Double, bins: ResidualBins,
                           where filter: String) throws -> RegressionFigures
}

/// A regression's metrics' sums and residual histogram over some rows.
public struct RegressionFigures: Sendable, Equatable {
    /// The metrics' sums.
    public let sums: RegressionSums
    /// The residuals in their bins, the rows without a label or prediction last.
    public let residuals: NumericHistogram

    /// The figures `sums` and `residuals`.
    public init(sums: RegressionSums, residuals: NumericHistogram) {
        self.sums = sums
        self.residuals = residuals
    }
}

extension MemorySource: RegressionSource {
    /// Counts the loaded rows (sums of squares around their own mean label: `center` is for
    /// engines that do not know it).
    public func regressionFigures(label: String, prediction: String, center: Double, bins: ResidualBins,
                                  where filter: String) throws -> RegressionFigures {
        let columns = try dataset.columns(named: [label, prediction])
        guard let task = RegressionTask(label: columns[0], prediction: columns[1], anyLabels: true) else {
            throw TuttiError("columns '\(label)' and '\(prediction)' are not both numbers")
        }
        let rows = try self.rows(where: filter)
        return RegressionFigures(sums: task.sums(over: rows), residuals: task.residualHistogram(over: rows, bins: bins))
    }
}
