/// Where a value falls among a histogram's bins when the bins were made on other rows (a
/// sample): the rule `SQLBinExpression` writes for a SQL engine, in memory.
///
/// - Numbers and times: the last bin whose lower edge the value reaches (values below the first
///   edge in bin 0, beyond the last edge in the last bin); missing and non-finite values in the
///   missing bin (`binCount`).
/// - Values (categories, booleans): the bin of the value, the "other" bin for any value the bins
///   do not name when they have one; missing in the missing bin; a value without a bin in none.
public struct BinPlacement {
    private let binning: ColumnBinning
    private let binOfValue: [String: Int]

    /// The placement of values among `binning`'s bins.
    public init(_ binning: ColumnBinning) {
        self.binning = binning
        if case .values(let values, _) = binning.scheme {
            binOfValue = Dictionary(values.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        } else {
            binOfValue = [:]
        }
    }

    /// The bin of `column`'s value at `row`, or nil when the bins have no place for it.
    public func bin(of column: Column, at row: Int) -> Int? {
        guard column.isPresent(row) else { return binning.binCount }
        switch binning.scheme {
        case .numeric(let edges, _):
            guard let value = column.number(at: row), value.isFinite, column.kind != .boolean else { return binning.binCount }
            var low = 0, high = max(edges.count - 2, 0)
            while low < high {
                let middle = (low + high + 1) / 2
                if value >= edges[middle] { low = middle } else { high = middle - 1 }
            }
            return low
        case .values(let values, let other):
            if let bin = binOfValue[column.text(at: row)] { return bin }
            return other.isEmpty ? nil : values.count
        }
    }
}
