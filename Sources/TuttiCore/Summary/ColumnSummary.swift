/// What `tutti info` and the summary pane show about one column.
public struct ColumnSummary: Sendable, Equatable {
    /// A value and how many rows hold it.
    public struct ValueCount: Sendable, Equatable {
        public let value: String
        public let count: Int
    }

    public let name: String
    public let kind: ColumnKind
    /// The role the column plays, if any.
    public let role: ColumnRole?
    public let missing: Int
    /// Distinct present values.
    public let distinct: Int
    /// For numeric and datetime columns (times in microseconds since 1970, UTC).
    public let min: Double?
    public let max: Double?
    /// For numeric columns.
    public let mean: Double?
    /// For numeric and datetime columns: the median and the 5th and 95th percentiles
    /// (linear interpolation between the nearest values, as NumPy's default).
    public let median: Double?
    public let p5: Double?
    public let p95: Double?
    /// For numeric columns: the sample standard deviation (n − 1 in the denominator); nil
    /// with fewer than two values.
    public let std: Double?
    /// For categorical and boolean columns: the most frequent values, most frequent first
    /// (ties in dictionary order).
    public let top: [ValueCount]
    /// For vector columns: the number of values per row.
    public let vectorWidth: Int?

    /// Summaries of every column, computed on all cores; over `rows` only when given (say, the
    /// rows passing the filter).
    public static func compute(_ dataset: Dataset, roles: ColumnRoles, rows: RowSet? = nil,
                               topCount: Int = 3) -> [ColumnSummary] {
        compute(dataset, columns: Array(dataset.columns.indices), roles: roles, rows: rows, topCount: topCount)
    }

    /// Summaries of the columns at `indexes`, in that order, computed on all cores; over `rows`
    /// only when given.
    public static func compute(_ dataset: Dataset, columns indexes: [Int], roles: ColumnRoles, rows: RowSet? = nil,
                               topCount: Int = 3) -> [ColumnSummary] {
        // The costliest columns start first, so that no long one is left to run alone at the end.
        let order = indexes.indices.sorted { cost(dataset.columns[indexes[$0]]) > cost(dataset.columns[indexes[$1]]) }
        // Each column borrows the scratch memory another column gave back (one per core at most).
        let pool = ReusePool<SummaryScratch>()
        let summaries = ResultSlots.collect(count: order.count) { slot in
            let column = dataset.columns[indexes[order[slot]]]
            let scratch = pool.take() ?? SummaryScratch(rows: dataset.rowCount)
            defer { pool.give(scratch) }
            return summarize(column, role: roles.role(ofColumn: column.name), rows: rows, topCount: topCount,
                             scratch: scratch)
        }
        var inOrder = summaries
        for (slot, position) in order.enumerated() { inOrder[position] = summaries[slot] }
        return inOrder
    }

    /// A rough rank of how long a column takes to summarize: text (hashing every string), then
    /// floats (every value hashed), then integers and times, then the rest.
    private static func cost(_ column: Column) -> Int {
        switch column.data {
        case .text: 3
        case .float: 2
        case .integer, .datetime: 1
        case .boolean, .categorical, .vector: 0
        }
    }

    /// The summary of one column, over `rows` only when given (say, the rows passing the
    /// filter): missing counts the missing cells among them, and every statistic is of them.
    public static func summarize(_ column: Column, role: ColumnRole?, rows: RowSet? = nil,
                                 topCount: Int = 3) -> ColumnSummary {
        summarize(column, role: role, rows: rows, topCount: topCount, scratch: SummaryScratch(rows: column.rowCount))
    }

    /// The summary of one column, working in `scratch` (for at least the column's rows).
    static func summarize(_ column: Column, role: ColumnRole?, rows: RowSet?, topCount: Int,
                          scratch: SummaryScratch) -> ColumnSummary {
        var stats = NumericStats()
        var distinct = 0
        var top: [ValueCount] = []
        var width: Int?
        var quantiles: Quantiles?
        let validity = rows.map { column.validity.intersection($0) } ?? column.validity
        let missing = (rows?.count ?? column.rowCount) - validity.count
        switch column.data {
        case .integer(let values), .datetime(let values):
            // Values in a small range are counted, with no hash table; others become keys whose
            // order is theirs (`orderStatistics`).
            // The present values as doubles, packed, for the moments; then keys or counts.
            var lowest = Int64.max, highest = Int64.min
            let packed = scratch.words(0, count: validity.count)
            var present = 0
            values.withUnsafeBufferPointer { buffer in
                validity.forEachMember {
                    let value = buffer[$0]
                    packed[present] = Double(value).bitPattern
                    present += 1
                    lowest = Swift.min(lowest, value)
                    highest = Swift.max(highest, value)
                }
            }
            stats = NumericStats(bitPatterns: UnsafeBufferPointer(packed))
            if let counts = values.withUnsafeBufferPointer({
                IntegerCounts($0, validity: validity, lowest: lowest, highest: highest)
            }) {
                quantiles = counts.quantiles
                distinct = counts.distinctCount
                break
            }
            let keys = scratch.words(0, count: validity.count)
            var count = 0
            values.withUnsafeBufferPointer { buffer in
                validity.forEachMember {
                    keys[count] = OrderKeys.key(buffer[$0])
                    count += 1
                }
            }
            (quantiles, distinct) = orderStatistics(UnsafeBufferPointer(keys), scratch: scratch) {
                Double(OrderKeys.integer($0))
            }
        case .float(let values):
            let keys = scratch.words(0, count: validity.count)
            var count = 0
            // NaN is left out of the quantiles and the extremes (it makes the mean and deviation
            // NaN) but counted as a distinct value per bit pattern.
            var nans = Set<UInt64>()
            var nanCount = 0
            values.withUnsafeBufferPointer { buffer in
                validity.forEachMember {
                    let value = buffer[$0]
                    if value.isNaN {
                        nans.insert(value.bitPattern)
                        nanCount += 1
                    } else {
                        keys[count] = value.bitPattern
                        count += 1
                    }
                }
            }
            stats = NumericStats(bitPatterns: UnsafeBufferPointer(rebasing: keys[..<count]), nanCount: nanCount)
            for index in 0..<count { keys[index] = OrderKeys.key(Double(bitPattern: keys[index])) }
            let (found, distinctKeys) = orderStatistics(UnsafeBufferPointer(rebasing: keys[..<count]), scratch: scratch,
                                                        number: OrderKeys.double)
            quantiles = found
            distinct = distinctKeys + nans.count
        case .boolean(let values):
            var trues = 0, falses = 0
            validity.forEachMember { if values[$0] { trues += 1 } else { falses += 1 } }
            distinct = (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0)
            top = [ValueCount(value: "true", count: trues), ValueCount(value: "false", count: falses)]
                .filter { $0.count > 0 }.sorted { $0.count > $1.count }
        case .categorical(let codes, let dictionary):
            let counts: [Int]
            if rows == nil {
                counts = CategoryCounts.count(codes: codes, categories: dictionary.count)
            } else {
                var tally = [Int](repeating: 0, count: dictionary.count + 1)
                validity.forEachMember { tally[Int(codes[$0])] += 1 }
                counts = tally
            }
            distinct = counts.dropLast().filter { $0 > 0 }.count
            top = counts.dropLast().enumerated().filter { $0.element > 0 }
                .sorted { $0.element > $1.element || ($0.element == $1.element && $0.offset < $1.offset) }
                .prefix(topCount).map { ValueCount(value: dictionary[$0.offset], count: $0.element) }
        case .text(let table):
            distinct = DistinctCounter.strings(table, validity: validity, scratch: scratch)
        case .vector(let vectorWidth, _):
            width = vectorWidth
            distinct = 0
        }
        let numeric = column.kind.isNumeric
        return ColumnSummary(name: column.name, kind: column.kind, role: role, missing: missing,
                             distinct: distinct, min: stats.hasExtremes ? stats.min : nil,
                             max: stats.hasExtremes ? stats.max : nil,
                             mean: stats.count > 0 && numeric ? stats.mean : nil,
                             median: quantiles?.median, p5: quantiles?.p5, p95: quantiles?.p95,
                             std: stats.count > 1 && numeric ? stats.standardDeviation : nil,
                             top: top, vectorWidth: width)
    }
}

extension ColumnSummary {
    /// The quantiles and the distinct count of numbers given as `OrderKeys` (`number` reads a
    /// key back; `keys` is scratch array 0), with no sort: the quantiles' ranks are selected
    /// (`RadixSelect`) and the distinct keys counted in hash partitions (`KeyDistinct`, in
    /// scratch array 1).
    fileprivate static func orderStatistics(_ keys: UnsafeBufferPointer<UInt64>, scratch: SummaryScratch,
                                            number: (UInt64) -> Double) -> (Quantiles?, Int) {
        let ranks = Quantiles.ranks(count: keys.count)
        let selected = Dictionary(uniqueKeysWithValues: zip(ranks, RadixSelect.keys(atRanks: ranks, of: keys)))
        // `ranks(count:)` lists every rank the quantiles read.
        let quantiles = Quantiles(sortedCount: keys.count) { number(selected[$0]!) }
        return (quantiles, KeyDistinct.count(keys, grouping: scratch.words(1, count: keys.count)))
    }
}
