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
    /// For numeric columns.
    public let min: Double?
    public let max: Double?
    public let mean: Double?
    /// For categorical and boolean columns: the most frequent values, most frequent first
    /// (ties in dictionary order).
    public let top: [ValueCount]
    /// For vector columns: the number of values per row.
    public let vectorWidth: Int?

    /// Summaries of every column, computed on all cores.
    public static func compute(_ dataset: Dataset, roles: ColumnRoles, topCount: Int = 3) -> [ColumnSummary] {
        ResultSlots.collect(count: dataset.columns.count) { index in
            let column = dataset.columns[index]
            return summarize(column, role: roles.role(ofColumn: column.name), topCount: topCount)
        }
    }

    /// The summary of one column.
    public static func summarize(_ column: Column, role: ColumnRole?, topCount: Int = 3) -> ColumnSummary {
        var stats = NumericStats()
        var distinct = 0
        var top: [ValueCount] = []
        var width: Int?
        let validity = column.validity
        switch column.data {
        case .integer(let values):
            values.withUnsafeBufferPointer { buffer in
                validity.forEachMember { stats.add(Double(buffer[$0])) }
            }
            distinct = DistinctCounter.integers(values, validity: validity, min: stats.min, max: stats.max)
        case .float(let values):
            values.withUnsafeBufferPointer { buffer in
                validity.forEachMember { stats.add(buffer[$0]) }
            }
            distinct = DistinctCounter.floats(values, validity: validity)
        case .boolean(let values):
            var trues = 0, falses = 0
            validity.forEachMember { if values[$0] { trues += 1 } else { falses += 1 } }
            distinct = (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0)
            top = [ValueCount(value: "true", count: trues), ValueCount(value: "false", count: falses)]
                .filter { $0.count > 0 }.sorted { $0.count > $1.count }
        case .categorical(let codes, let dictionary):
            let counts = CategoryCounts.count(codes: codes, categories: dictionary.count)
            distinct = counts.dropLast().filter { $0 > 0 }.count
            top = counts.dropLast().enumerated().filter { $0.element > 0 }
                .sorted { $0.element > $1.element || ($0.element == $1.element && $0.offset < $1.offset) }
                .prefix(topCount).map { ValueCount(value: dictionary[$0.offset], count: $0.element) }
        case .text(let table):
            distinct = DistinctCounter.strings(table, validity: validity)
        case .vector(let vectorWidth, _):
            width = vectorWidth
            distinct = 0
        }
        return ColumnSummary(name: column.name, kind: column.kind, role: role, missing: column.missingCount,
                             distinct: distinct, min: stats.count > 0 ? stats.min : nil,
                             max: stats.count > 0 ? stats.max : nil, mean: stats.count > 0 ? stats.mean : nil,
                             top: top, vectorWidth: width)
    }
}

/// Running minimum, maximum and mean (compensated sum).
struct NumericStats {
    private(set) var count = 0
    private(set) var min = Double.infinity
    private(set) var max = -Double.infinity
    private var sum = 0.0
    private var compensation = 0.0

    @inline(__always)
    mutating func add(_ value: Double) {
        count += 1
        if value < min { min = value }
        if value > max { max = value }
        let y = value - compensation
        let t = sum + y
        compensation = (t - sum) - y
        sum = t
    }

    var mean: Double { count > 0 ? sum / Double(count) : .nan }
}
