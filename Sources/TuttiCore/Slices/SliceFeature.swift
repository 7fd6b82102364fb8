/// How numeric columns are cut into slices.
public enum SliceBinning: Sendable, Equatable {
    /// About this many equal-width bins with nice edges, over the whole column as in
    /// histograms (so slices stay put when the filter changes); an integer column with no
    /// more distinct values in its range gets one slice per value.
    case equalWidth(Int)
    /// This many bins holding about equal numbers of the rows sliced, with edges at quantiles
    /// (a value repeated across a quantile keeps its rows together, so there may be fewer).
    /// Both clamp the bin count to 1 ... `ColumnBinning.maxBins`.
    case quantiles(Int)

    /// "10 equal-width bins", "5 quantile bins".
    public var description: String {
        switch self {
        case .equalWidth(let bins): "\(bins) equal-width bins"
        case .quantiles(let bins): "\(bins) quantile bins"
        }
    }
}

/// One column cut into the values a slice can take: each category (and missing), each boolean,
/// each numeric bin. Every value comes with the predicates that select its rows, written so
/// that `FilterExpression` selects exactly those rows again.
public struct SliceFeature: Sendable {
    /// The column cut.
    public let column: String
    /// The predicates of each value: `sex == "Female"`; `age >= 20` and `age < 30`;
    /// `education_num == 9`; `workclass is null`.
    public let predicates: [[SlicePredicate]]
    /// The value of each dataset row, or `SliceFeature.noValue` (NaN, or a number beyond an end
    /// of the bins that is not open; see `NumericBins`).
    public let codes: [UInt16]

    /// The code of rows in no value.
    public static let noValue = UInt16.max

    /// The number of values.
    public var valueCount: Int { predicates.count }

    /// Cuts the column `name` of `dataset`. Quantiles are taken over `rows` (the filtered
    /// rows); equal-width bins and categories over the whole column. Throws for an unknown
    /// column, a text or vector column, and a column of more than 65,534 values.
    public init(dataset: Dataset, column name: String, binning: SliceBinning, rows: RowSet) throws {
        guard let column = dataset.column(named: name) else {
            throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: dataset.columnNames))
        }
        self.column = name
        let missing = column.missingCount > 0
        var predicates: [[SlicePredicate]] = []
        var codes = [UInt16](repeating: Self.noValue, count: dataset.rowCount)
        switch column.data {
        case .categorical(let rowCodes, let dictionary):
            var present = [Bool](repeating: false, count: dictionary.count + 1)
            column.validity.forEachMember { present[Int(rowCodes[$0])] = true }
            var valueOfCode = [UInt16](repeating: Self.noValue, count: dictionary.count + 1)
            for code in 0..<dictionary.count where present[code] {
                guard predicates.count < Int(Self.noValue) - 1 else {
                    throw TuttiError("column '\(name)' has too many values to slice (at most \(Int(Self.noValue) - 1))")
                }
                valueOfCode[code] = UInt16(predicates.count)
                predicates.append([SlicePredicate(column: name, op: "==",
                                                  value: SelectionExpression.quotedString(dictionary[code]))])
            }
            column.validity.forEachMember { codes[$0] = valueOfCode[Int(rowCodes[$0])] }
        case .boolean(let values):
            predicates = [[SlicePredicate(column: name, op: "==", value: "false")],
                          [SlicePredicate(column: name, op: "==", value: "true")]]
            column.validity.forEachMember { codes[$0] = values[$0] ? 1 : 0 }
        case .integer(let values):
            let bins = try NumericBins(dataset: dataset, column: column, binning: binning, rows: rows,
                                       value: { Double(values[$0]) })
            predicates = bins.predicates(name)
            column.validity.forEachMember { codes[$0] = bins.code(of: Double(values[$0])) }
        case .float(let values):
            let bins = try NumericBins(dataset: dataset, column: column, binning: binning, rows: rows,
                                       value: { values[$0] })
            predicates = bins.predicates(name)
            column.validity.forEachMember { codes[$0] = bins.code(of: values[$0]) }
        case .datetime:
            predicates = try Self.calendarBins(dataset: dataset, column: column, binning: binning, codes: &codes)
        case .text, .vector:
            throw TuttiError("column '\(name)' holds \(column.kind.rawValue); slices need numbers, booleans or categories")
        }
        if missing {
            let code = UInt16(predicates.count)
            predicates.append([SlicePredicate(column: name, op: "is", value: "null")])
            column.validity.complement().forEachMember { codes[$0] = code }
        }
        self.predicates = predicates
        self.codes = codes
    }

    /// Times cut on calendar units as in histograms (about as many bins as asked for, either
    /// way), each non-empty bin a value: `t >= "2016-01-01"` and `t < "2016-02-01"`.
    private static func calendarBins(dataset: Dataset, column: Column, binning: SliceBinning,
                                     codes: inout [UInt16]) throws -> [[SlicePredicate]] {
        let target = switch binning {
        case .equalWidth(let bins), .quantiles(let bins): bins
        }
        let calendar = try ColumnBinning(dataset: dataset, column: column.name, bins: target)
        guard case .numeric(let edges, _) = calendar.scheme else { preconditionFailure("times binned as values") }
        var predicates: [[SlicePredicate]] = []
        var valueOfBin = [UInt16](repeating: noValue, count: calendar.binCount + 1)
        for bin in 0..<calendar.binCount where calendar.totals[bin] > 0 {
            valueOfBin[bin] = UInt16(predicates.count)
            predicates.append([SlicePredicate(column: column.name, op: ">=", value: calendar.literal(edges[bin])),
                               SlicePredicate(column: column.name, op: "<", value: calendar.literal(edges[bin + 1]))])
        }
        column.validity.forEachMember { codes[$0] = valueOfBin[Int(calendar.codes[$0])] }
        return predicates
    }

    /// The rows of value `value`, among all rows.
    public func rows(of value: Int) -> RowSet {
        let code = UInt16(value)
        var rows = RowSet(rowCount: codes.count)
        for (row, rowCode) in codes.enumerated() where rowCode == code { rows.insert(row) }
        return rows
    }
}

/// Contiguous numeric bins: bin `i` holds `lowers[i] <= x < lowers[i + 1]`, the last one
/// `x <= upper` when `lastIncludesUpper`, else `x < upper`. With two bins or more, the first is
/// open below and the last open above (unless they hold a single value): their predicates leave
/// out the bound at the column's end (`x < 500`, not `x >= 0 and x < 500`), so they hold −∞ and
/// +∞ too, and any value beyond the ends (of rows outside those the quantiles were taken over).
/// NaN is in no bin.
private struct NumericBins {
    var lowers: [Double]
    var upper: Double
    var lastIncludesUpper: Bool
    /// Bins holding a single value (written `==`).
    var single: [Bool]

    init(dataset: Dataset, column: Column, binning: SliceBinning, rows: RowSet, value: (Int) -> Double) throws {
        let integral = column.kind == .integer
        switch binning {
        case .equalWidth(let target):
            let binning = try ColumnBinning(dataset: dataset, column: column.name, bins: target)
            guard case .numeric(var edges, _) = binning.scheme else { preconditionFailure("a numeric column binned as values") }
            var low = Double.infinity, high = -Double.infinity
            column.validity.forEachMember { row in
                let x = value(row)
                if x.isFinite {
                    low = min(low, x)
                    high = max(high, x)
                }
            }
            // Rounding in the nice scale must never leave a value outside every bin.
            if low <= high {
                edges[0] = min(edges[0], low)
                edges[edges.count - 1] = max(edges[edges.count - 1], integral ? high + 1 : high)
            }
            lowers = Array(edges.dropLast())
            upper = edges[edges.count - 1]
            lastIncludesUpper = !integral
            single = integral ? zip(edges, edges.dropFirst()).map { $1 - $0 == 1 } : lowers.map { _ in false }
        case .quantiles(let target):
            let k = min(max(target, 1), ColumnBinning.maxBins)
            var sorted: [Double] = []
            rows.intersection(column.validity).forEachMember { row in
                let x = value(row)
                if x.isFinite { sorted.append(x) }
            }
            sorted.sort()
            lastIncludesUpper = true
            guard let maximum = sorted.last else {
                lowers = []
                upper = 0
                single = []
                return
            }
            var edges: [Double] = []
            for j in 0..<k {
                let edge = sorted[j * sorted.count / k]
                if edges.last != edge { edges.append(edge) }
            }
            lowers = edges
            upper = maximum
            single = edges.indices.map { index in
                let next = index + 1 < edges.count ? edges[index + 1] : nil
                // The smallest value above this bin's lower edge decides.
                let position = Self.firstIndex(in: sorted, above: edges[index])
                guard position < sorted.count else { return true }
                return next.map { sorted[position] >= $0 } ?? false
            }
        }
    }

    /// The index of the first value of `sorted` greater than `x`.
    private static func firstIndex(in sorted: [Double], above x: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether the first bin has no lower bound.
    var openBelow: Bool { lowers.count > 1 && !single[0] }
    /// Whether the last bin has no upper bound.
    var openAbove: Bool { lowers.count > 1 && !single[lowers.count - 1] }

    /// The bin of `x`, or `SliceFeature.noValue`.
    func code(of x: Double) -> UInt16 {
        guard !x.isNaN, let first = lowers.first else { return SliceFeature.noValue }
        if x < first { return openBelow ? 0 : SliceFeature.noValue }
        if x > upper || (x == upper && !lastIncludesUpper) {
            return openAbove ? UInt16(lowers.count - 1) : SliceFeature.noValue
        }
        var low = 0, high = lowers.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lowers[middle] <= x { low = middle } else { high = middle }
        }
        return UInt16(low)
    }

    func predicates(_ name: String) -> [[SlicePredicate]] {
        lowers.indices.map { index in
            let lower = NumberFormatting.shortest(lowers[index])
            if single[index] { return [SlicePredicate(column: name, op: "==", value: lower)] }
            let isLast = index == lowers.count - 1
            let bound = isLast ? upper : lowers[index + 1]
            var predicates: [SlicePredicate] = []
            if !(index == 0 && openBelow) { predicates.append(SlicePredicate(column: name, op: ">=", value: lower)) }
            if !(isLast && openAbove) {
                predicates.append(SlicePredicate(column: name, op: isLast && lastIncludesUpper ? "<=" : "<",
                                                 value: NumberFormatting.shortest(bound)))
            }
            return predicates
        }
    }
}
