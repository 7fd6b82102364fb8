import TuttiCore
import TuttiPostgres

extension DuplicatesCommand {
    /// Whether the database counts the answer: only exact duplicates asked for (`--exact`), no
    /// `--sample`. Then one `GROUP BY` of the compared columns runs there and no row travels.
    var countsInDatabase: Bool {
        data.isDatabase && exact && !conflicts && !leaks && !nearText && !nearVectors && sample == nil
    }

    /// Exact duplicates among the rows passing `--where`, counted by the database: groups of
    /// equal rows over the columns the search would compare in memory (every column but the
    /// id, split, prediction, score and loss roles by name, or `--columns`, less `--ignore`).
    func countExactInDatabase() throws {
        let source = try data.openDatabase()
        let shape = SQLColumn.emptyDataset(source.columns, source: source.displayName)
        let search = try DuplicateSearch(dataset: shape, roles: source.roles,
                                         options: options(roles: source.roles, rows: RowSet(rowCount: 0)))
        let count = try filter.asking { try source.exactDuplicates(comparing: search.comparedColumns, where: $0) }
        let all = try source.rowCount(where: "")
        let searched = try filter.asking { try source.rowCount(where: $0) }
        let grouped = NumberFormatting.grouped
        let left = source.columnNames.filter { !search.comparedColumns.contains($0) }
        let lines = [
            "\(data.displayName): \(grouped(all)) rows" + (searched < all ? ", \(grouped(searched)) searched" : ""),
            "compared: \(search.comparedColumns.count) of \(source.columns.count) columns"
                + (left.isEmpty ? "" : " (not \(left.joined(separator: ", ")))"),
            "exact duplicates: \(grouped(count.groups)) cluster\(count.groups == 1 ? "" : "s"), "
                + "\(grouped(count.extraRows)) extra rows (counted by the database; a table has no row numbers to list: "
                + "--sample N lists the clusters of a sample)",
        ]
        switch format {
        case .table: try Console.table(lines.joined(separator: "\n") + "\n")
        case .markdown: try Console.output(lines.map { "- " + $0 }.joined(separator: "\n") + "\n")
        case .csv:
            Console.error("tutti: the database counts exact duplicates; --format csv lists clusters, which need --sample N")
            try Console.output(TextTable(headers: ["kind", "rows", "similarity", "splits", "labels", "row numbers"], rows: [])
                .renderCSV())
        case .json: try Console.output(try DuplicatesReport.json(exact: count) + "\n")
        }
    }

    /// A random sample of `--sample` rows passing `--where`, every column, pulled into memory,
    /// with their roles; and the sample's size with the number of rows it was drawn from.
    func pullSample() throws -> (Dataset, ColumnRoles, SliceReportJSON.Sample) {
        let source = try data.openDatabase()
        let of = try filter.asking { try source.rowCount(where: $0) }
        let pulled = try filter.asking { expression in
            try source.pull(sample: sample, where: expression, options: data.loadOptions())
        }.dataset
        Console.error("tutti: searching a random sample of \(pulled.rowCount) of \(of) rows × \(pulled.columns.count) columns "
                      + "from \(data.displayName)")
        return (pulled, try data.roles(for: pulled), SliceReportJSON.Sample(rows: pulled.rowCount, of: of))
    }
}
