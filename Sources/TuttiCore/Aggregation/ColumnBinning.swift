/// A column cut into bins, with each row's bin: the base of histograms and brushing.
///
/// Numbers get nice, equal-width bins over the whole column (so bins stay put when the
/// filter changes); integers with a small range get one bin per value. The quantile and log
/// modes (`BinMode`) cut numbers at quantiles or on a log scale instead. Categorical and
/// boolean columns get their most frequent values plus "other". Times get calendar bins (a
/// number of minutes, hours, days, weeks, months or years; `calendarUnit`) labelled as dates,
/// and brush like integers (of microseconds). Every row's bin is stored as
/// a code; missing rows hold `binCount` (the missing pseudo-bin).
public struct ColumnBinning: Sendable, Equatable {
    /// How the bins were made.
    public enum Scheme: Sendable, Equatable {
        /// Bin `i` is `edges[i] ..< edges[i + 1]` (the last bin also holds its upper edge
        /// unless `integral`, where bins are whole numbers).
        case numeric(edges: [Double], integral: Bool)
        /// Bin `i` is `values[i]`; when `other` is not empty, one more bin holds those values.
        case values([String], other: [String])
    }

    /// The column binned.
    public let column: String
    public let scheme: Scheme
    /// How the numbers were cut: the mode asked for, or `even` when it could not apply (a log
    /// scale without positive values) or the column is not numeric.
    public let mode: BinMode
    /// A label per bin.
    public let labels: [String]
    /// The bin of each row (`binCount` for missing rows).
    public let codes: [UInt16]
    /// Rows per bin over the whole dataset (`binCount + 1` entries, the last for missing).
    public let totals: [Int]
    /// For a datetime column: the calendar unit of its bins (whose edges are microseconds).
    public let calendarUnit: CalendarUnit?

    /// The number of bins (not counting missing).
    public var binCount: Int { labels.count }

    /// The bin that holds the values ≤ 0 under a log scale, when the column has such values.
    public var nonPositiveBin: Int? {
        guard mode == .log, case .numeric(let edges, _) = scheme, let first = edges.first, first <= 0 else { return nil }
        return 0
    }

    /// Most bins a binning may have.
    public static let maxBins = 4096

    /// Bins the column called `name`: numbers into about `bins` bins cut as `mode` says,
    /// categories into the top `bins - 1` values plus "other". Text and vector columns cannot be
    /// binned.
    public init(dataset: Dataset, column name: String, bins: Int, mode: BinMode = .even) throws {
        guard let column = dataset.column(named: name) else {
            throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: dataset.columnNames))
        }
        let target = min(max(bins, 1), Self.maxBins)
        switch column.data {
        case .integer(let values):
            self = Self.numeric(name, values.map(Double.init), validity: column.validity, target: target, integral: true, mode: mode)
        case .float(let values):
            self = Self.numeric(name, values, validity: column.validity, target: target, integral: false, mode: mode)
        case .boolean(let values):
            var codes = [UInt16](repeating: 2, count: column.rowCount)
            column.validity.forEachMember { codes[$0] = values[$0] ? 1 : 0 }
            self.init(column: name, scheme: .values(["false", "true"], other: []), labels: ["false", "true"], codes: codes)
        case .categorical(let codes, let dictionary):
            self = Self.categorical(name, codes: codes, dictionary: dictionary, target: target)
        case .datetime(let values):
            self = Self.calendar(name, values, validity: column.validity, target: target)
        case .text, .vector:
            throw TuttiError("column '\(name)' holds \(column.kind.rawValue); only numbers, booleans and categories have histograms")
        }
    }

    init(column: String, scheme: Scheme, labels: [String], codes: [UInt16], mode: BinMode = .even,
         calendarUnit: CalendarUnit? = nil) {
        self.column = column
        self.scheme = scheme
        self.mode = mode
        self.calendarUnit = calendarUnit
        self.labels = labels
        self.codes = codes
        var totals = [Int](repeating: 0, count: labels.count + 1)
        codes.withUnsafeBufferPointer { input in
            totals.withUnsafeMutableBufferPointer { out in
                for code in input { out[Int(code)] &+= 1 }
            }
        }
        self.totals = totals
    }

    private static func numeric(_ name: String, _ values: [Double], validity: RowSet, target: Int,
                                integral: Bool, mode: BinMode) -> ColumnBinning {
        var low = Double.infinity, high = -Double.infinity, smallestPositive = Double.infinity
        validity.forEachMember { row in
            let value = values[row]
            if value.isFinite {
                low = min(low, value)
                high = max(high, value)
                if value > 0 { smallestPositive = min(smallestPositive, value) }
            }
        }
        if low > high { low = 0; high = 0 }
        switch mode {
        case .quantile:
            var finite: [Double] = []
            validity.forEachMember { row in if values[row].isFinite { finite.append(values[row]) } }
            if let edges = NumericBinEdges.quantile(finite.sorted(), target: target, integral: integral) {
                return uneven(name, values, validity: validity, edges: edges, integral: integral, mode: mode)
            }
        case .log:
            if let edges = NumericBinEdges.log(low: low, smallestPositive: smallestPositive.isFinite ? smallestPositive : nil,
                                               high: high, target: target, integral: integral) {
                return uneven(name, values, validity: validity, edges: edges, integral: integral, mode: mode)
            }
        case .even:
            break
        }
        let (start, step, count) = evenScale(low: low, high: high, target: target, integral: integral)
        let edges = (0...count).map { start + Double($0) * step }
        let missing = UInt16(count)
        var codes = [UInt16](repeating: missing, count: values.count)
        codes.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { input in
                validity.forEachMember { row in
                    let value = input[row]
                    guard value.isFinite else { return }
                    var bin = min(max(Int((value - start) / step), 0), count - 1)
                    // Division can land one bin off on an edge; the edges decide.
                    if bin > 0, value < edges[bin] { bin -= 1 }
                    if bin + 1 < count, value >= edges[bin + 1] { bin += 1 }
                    out[row] = UInt16(bin)
                }
            }
        }
        let labels = (0..<count).map { index in
            integral && step == 1 ? NumberFormatting.shortest(edges[index]) : NumberFormatting.compact(edges[index])
        }
        return ColumnBinning(column: name, scheme: .numeric(edges: edges, integral: integral), labels: labels, codes: codes)
    }

    /// The equal-width bins of numbers from `low` to `high` (finite; `low <= high`) in about
    /// `target` bins: bin `i` starts at `start + i * step`. Integers with a small range get one
    /// bin per value.
    public static func evenScale(low: Double, high: Double, target: Int,
                                 integral: Bool) -> (start: Double, step: Double, count: Int) {
        if integral, high - low + 1 <= Double(target) { return (low, 1, Int(high - low) + 1) }
        let step = NiceScale.step(span: high - low, target: target, integral: integral)
        let start = (low / step).rounded(.down) * step
        let span = integral ? high + 1 - start : high - start
        return (start, step, min(max(1, Int((span / step).rounded(.up))), maxBins))
    }

    /// Bins of unequal widths: each row goes to the last bin whose lower edge it reaches.
    static func uneven(_ name: String, _ values: [Double], validity: RowSet, edges: [Double], integral: Bool,
                               mode: BinMode) -> ColumnBinning {
        let count = edges.count - 1
        var codes = [UInt16](repeating: UInt16(count), count: values.count)
        codes.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { input in
                validity.forEachMember { row in
                    let value = input[row]
                    guard value.isFinite else { return }
                    var low = 0, high = count - 1
                    while low < high {
                        let middle = (low + high + 1) / 2
                        if value >= edges[middle] { low = middle } else { high = middle - 1 }
                    }
                    out[row] = UInt16(low)
                }
            }
        }
        let labels = (0..<count).map { index in
            mode == .log && index == 0 && edges[0] <= 0 ? "≤0"
                : integral ? NumberFormatting.shortest(edges[index]) : NumberFormatting.compact(edges[index])
        }
        return ColumnBinning(column: name, scheme: .numeric(edges: edges, integral: integral), labels: labels, codes: codes,
                             mode: mode)
    }

    /// Calendar bins of times: bin `i` holds `edges[i] ..< edges[i + 1]` microseconds.
    private static func calendar(_ name: String, _ values: [Int64], validity: RowSet, target: Int) -> ColumnBinning {
        var low = Int64.max, high = Int64.min
        values.withUnsafeBufferPointer { input in
            validity.forEachMember { row in
                low = min(low, input[row])
                high = max(high, input[row])
            }
        }
        if low > high { low = 0; high = 0 }
        let (edges, unit) = CalendarBins.edges(low: low, high: high, target: target)
        let count = edges.count - 1
        var codes = [UInt16](repeating: UInt16(count), count: values.count)
        codes.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { input in
                validity.forEachMember { row in
                    let value = input[row]
                    var lower = 0, upper = count - 1
                    while lower < upper {
                        let middle = (lower + upper + 1) / 2
                        if value >= edges[middle] { lower = middle } else { upper = middle - 1 }
                    }
                    out[row] = UInt16(lower)
                }
            }
        }
        return ColumnBinning(column: name, scheme: .numeric(edges: edges.map(Double.init), integral: true),
                             labels: edges.dropLast().map(unit.label), codes: codes, calendarUnit: unit)
    }

    /// A value on this binning's scale as written in an expression: an ISO 8601 string
    /// literal for times, a number otherwise.
    public func literal(_ value: Double) -> String {
        calendarUnit == nil ? NumberFormatting.shortest(value) : "\"" + TimeFormatting.iso(Int64(value)) + "\""
    }

    /// A value on this binning's scale for people: ISO 8601 for times, a number otherwise.
    public func valueText(_ value: Double) -> String {
        calendarUnit == nil ? NumberFormatting.shortest(value) : TimeFormatting.iso(Int64(value))
    }

    private static func categorical(_ name: String, codes: [UInt32], dictionary: StringTable, target: Int) -> ColumnBinning {
        let counts = CategoryCounts.count(codes: codes, categories: dictionary.count)
        let present = (0..<dictionary.count).filter { counts[$0] > 0 }
        let ranked = present.sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }
        let hasOther = ranked.count > target
        let kept = hasOther ? Array(ranked.prefix(max(target - 1, 1))) : ranked
        let otherBin = kept.count
        let missingBin = UInt16(kept.count + (hasOther ? 1 : 0))
        var binOfCode = [UInt16](repeating: UInt16(otherBin), count: dictionary.count + 1)
        for (bin, code) in kept.enumerated() { binOfCode[code] = UInt16(bin) }
        binOfCode[dictionary.count] = missingBin
        let rowBins = codes.map { binOfCode[Int($0)] }
        let values = kept.map { dictionary[$0] }
        let other = ranked.dropFirst(kept.count).map { dictionary[$0] }
        let labels = values + (hasOther ? ["other (\(other.count))"] : [])
        return ColumnBinning(column: name, scheme: .values(values, other: other), labels: labels, codes: rowBins)
    }

    /// The brush range covering bins `bins` (clamped to the real bins).
    public func range(of bins: ClosedRange<Int>) -> BrushRange {
        let low = max(bins.lowerBound, 0), high = min(bins.upperBound, binCount - 1)
        switch scheme {
        case .numeric(let edges, let integral):
            let isLast = high == binCount - 1
            // The bin of the values ≤ 0 ends at its first positive edge, but no value lies between.
            if high == nonPositiveBin { return .numeric(lower: edges[low], upper: 0, includesUpper: true) }
            return integral ? .numeric(lower: edges[low], upper: edges[high + 1] - 1, includesUpper: true)
                            : .numeric(lower: edges[low], upper: edges[high + 1], includesUpper: isLast)
        case .values(let values, let other):
            var chosen = low < values.count ? Array(values[low...min(high, values.count - 1)]) : []
            if !other.isEmpty, high == binCount - 1 { chosen += other }
            return .values(chosen)
        }
    }

    /// The rows whose bin lies in `bins`, optionally only among `within`.
    public func rows(in bins: ClosedRange<Int>, within: RowSet? = nil) -> RowSet {
        let low = UInt16(clamping: bins.lowerBound), high = UInt16(clamping: bins.upperBound)
        var words = [UInt64](repeating: 0, count: (codes.count + 63) >> 6)
        codes.withUnsafeBufferPointer { input in
            words.withUnsafeMutableBufferPointer { out in
                for word in 0..<out.count {
                    var bits: UInt64 = 0
                    let base = word << 6
                    let end = min(base + 64, input.count)
                    for row in base..<end {
                        let code = input[row]
                        bits |= (code >= low && code <= high ? 1 : 0) << UInt64(row - base)
                    }
                    out[word] = bits
                }
            }
        }
        let set = RowSet(rowCount: codes.count, words: words)
        return within.map { set.intersection($0) } ?? set
    }
}
