extension ColumnBinning {
    /// Two number columns cut at the same equal-width edges over the range of both, so that bin
    /// `i` of one is bin `i` of the other: a regression's label and prediction, whose table of
    /// counts then reads as predicted against actual with the exact-enough predictions on the
    /// diagonal. Integers stay integral only when both columns hold integers. Throws for a
    /// column that is missing or not a number.
    public static func sharedScale(dataset: Dataset, columns: (String, String),
                                   bins: Int) throws -> (ColumnBinning, ColumnBinning) {
        let first = try numbers(dataset, columns.0), second = try numbers(dataset, columns.1)
        var low = Double.infinity, high = -Double.infinity
        for (values, validity) in [(first.values, first.validity), (second.values, second.validity)] {
            validity.forEachMember { row in
                let value = values[row]
                if value.isFinite {
                    low = min(low, value)
                    high = max(high, value)
                }
            }
        }
        if low > high { (low, high) = (0, 0) }
        let integral = first.integral && second.integral
        let scale = evenScale(low: low, high: high, target: min(max(bins, 1), maxBins), integral: integral)
        let edges = (0...scale.count).map { scale.start + Double($0) * scale.step }
        return (uneven(columns.0, first.values, validity: first.validity, edges: edges, integral: integral, mode: .even),
                uneven(columns.1, second.values, validity: second.validity, edges: edges, integral: integral, mode: .even))
    }

    private static func numbers(_ dataset: Dataset, _ name: String) throws -> (values: [Double], validity: RowSet, integral: Bool) {
        guard let column = dataset.column(named: name) else {
            throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: dataset.columnNames))
        }
        switch column.data {
        case .integer(let values): return (values.map(Double.init), column.validity, true)
        case .float(let values): return (values, column.validity, false)
        default: throw TuttiError("column '\(name)' holds \(column.kind.rawValue), not numbers")
        }
    }
}
