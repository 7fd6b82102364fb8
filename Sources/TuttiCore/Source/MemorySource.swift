/// The in-memory engine behind `DataSource`: thin adapters over `FilterExpression`,
/// `ColumnSummary` and `RowExporter`, so answers and speed are those of the commands that
/// call them directly.
public struct MemorySource: DataSource {
    /// The loaded table.
    public let dataset: Dataset
    public let roles: ColumnRoles

    /// A source over `dataset` with `roles`.
    public init(dataset: Dataset, roles: ColumnRoles) {
        self.dataset = dataset
        self.roles = roles
    }

    public var displayName: String { dataset.source }

    public var columnNames: [String] { dataset.columnNames }

    /// The rows passing `filter` (every row when blank).
    public func rows(where filter: String) throws -> RowSet {
        guard !filter.allSatisfy(\.isWhitespace) else { return RowSet(rowCount: dataset.rowCount, allSet: true) }
        return try FilterExpression(filter, dataset: dataset).evaluate(dataset)
    }

    public func rowCount(where filter: String) throws -> Int {
        try rows(where: filter).count
    }

    public func summaries(where filter: String, topCount: Int) throws -> [ColumnSummary] {
        let blank = filter.allSatisfy(\.isWhitespace)
        return ColumnSummary.compute(dataset, roles: roles, rows: blank ? nil : try rows(where: filter), topCount: topCount)
    }

    public func groupCounts(by columns: [String], where filter: String) throws -> [GroupCount] {
        let grouped = try dataset.columns(named: columns)
        var counts: [[String?]: Int] = [:]
        try rows(where: filter).forEachMember { row in
            counts[grouped.map { $0.isPresent(row) ? $0.text(at: row) : nil }, default: 0] += 1
        }
        return GroupCount.ordered(counts.map { GroupCount(values: $0.key, count: $0.value) })
    }

    public func histogram(of column: String, bins: Int, where filter: String) throws -> NumericHistogram {
        let binning = try ColumnBinning(dataset: dataset, column: column, bins: bins)
        guard case .numeric(let edges, _) = binning.scheme else {
            throw TuttiError("column '\(column)' is not numeric; count its values with groupCounts")
        }
        let counts = HistogramCounts(binning, filter: try rows(where: filter), selection: nil).filtered
        return NumericHistogram(edges: edges, counts: counts)
    }

    public func exactDuplicates(comparing columns: [String], where filter: String) throws -> DuplicateCount {
        let options = DuplicateOptions(columns: columns, rows: try rows(where: filter))
        let summary = try DuplicateSearch(dataset: dataset, roles: roles, options: options).run().summary
        return DuplicateCount(groups: summary.exactClusters, extraRows: summary.exactExtraRows)
    }

    public func rowPage(where filter: String, orderedBy column: String, ascending: Bool, offset: Int,
                        limit: Int) throws -> [[String?]] {
        guard let sortColumn = dataset.column(named: column) else {
            throw TuttiError.unknownColumn(column, suggestion: NameSuggestion.nearest(to: column, in: dataset.columnNames))
        }
        let ordered = RowOrdering.sorted(try rows(where: filter).members, by: sortColumn, ascending: ascending)
        return ordered.dropFirst(offset).prefix(limit).map { row in
            dataset.columns.map { $0.isPresent(row) ? $0.text(at: row) : nil }
        }
    }

    public func export(to path: String, columns: [String]?, where filter: String, options: ExportOptions,
                       work: WorkContext) throws -> ExportSummary {
        let selected = try columns.map { try dataset.columns(named: $0, context: "--columns") }
        let exporter = RowExporter(dataset: dataset, columns: selected, rows: try rows(where: filter))
        return try exporter.export(to: path, options: options, work: work)
    }
}
