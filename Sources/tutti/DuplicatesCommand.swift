import ArgumentParser
import Foundation
import Synchronization
import TuttiCore

/// `tutti duplicates`: exact duplicates, label conflicts, leaks across splits, near-duplicate
/// text and vectors.
struct DuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: """
        Find exact duplicates, identical inputs with different labels, rows shared across splits, \
        and near-duplicate text and vectors.
        """,
        discussion: """
        Without a kind flag (--exact, --conflicts, --leaks, --near-text, --near-vectors), every kind that \
        applies is searched: exact duplicates; conflicts when there is a label column; leaks when there is a \
        split column; near-duplicate text when there is a text column; near-duplicate vectors when there is a \
        vector column. --text COL, --vector COL and --vector-columns COLS only name the columns; the kind \
        flags alone restrict the kinds searched.

        Exact duplicates compare every column except the id, split, prediction, score and loss columns \
        (change it with --columns and --ignore); a missing cell equals a missing cell, -0 equals 0. Conflicts \
        compare the same columns less the label and any column that only recodes it (like a text income \
        beside a 0/1 label); leaks are clusters, exact (split ignored) or near, whose rows span several splits.

        Near-duplicate text: texts are lowercased, punctuation and spacing ignored, cut into character \
        5-grams; pairs of Jaccard similarity at least the threshold (default 0.8) are found by MinHash LSH \
        and verified exactly. Near-duplicate vectors: cosine similarity at least the threshold (default \
        0.95), every pair compared up to 4,096 vectors, random-projection LSH above. Every two rows of a \
        near-duplicate cluster are at least the threshold similar (complete linkage); a cluster's similarity \
        is the least of its pairs. A group of rows is reported once, under its strongest kind (exact, then \
        conflict, near text, near vectors; among leaks: exact, near text, near vectors).

        Row numbers are 0-based.
        """
    )

    @OptionGroup var data: DataOptions

    @Flag(help: "Search for rows identical in every compared column.")
    var exact = false

    @Flag(help: "Search for rows with identical features and different labels.")
    var conflicts = false

    @Flag(help: "Search for clusters (exact, or near when searched) whose rows span several splits.")
    var leaks = false

    @Flag(help: "Search for near-duplicate text in the text column (--text, or the inferred one).")
    var nearText = false

    @Flag(help: "Search for near-duplicate vectors (--vector, --vector-columns, or the inferred vector column).")
    var nearVectors = false

    @Option(help: ArgumentHelp("Numeric columns making up one vector per row, for near-duplicate vectors (comma-separated).",
                               valueName: "cols"))
    var vectorColumns: String?

    @Option(help: ArgumentHelp("The least similarity of near duplicates: Jaccard for text (default 0.8), "
                               + "cosine for vectors (default 0.95).", valueName: "x"))
    var threshold: Double?

    @Option(help: ArgumentHelp("Compare only these columns for exact duplicates and conflicts (comma-separated).",
                               valueName: "cols"))
    var columns: String?

    @Option(help: ArgumentHelp("Leave these columns out of the exact comparison (comma-separated).", valueName: "cols"))
    var ignore: String?

    @OptionGroup var filter: WhereOption

    @Option(help: ArgumentHelp("With a database: search a random sample of this many rows passing --where instead of "
                               + "pulling every row (row numbers are then the sample's).", valueName: "n"))
    var sample: Int?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: DuplicatesFormat = .table

    enum DuplicatesFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown }

    func validate() throws {
        if data.vector != nil, vectorColumns != nil { throw ValidationError("give --vector or --vector-columns, not both") }
        if let threshold, !(threshold > 0 && threshold <= 1) {
            throw ValidationError("--threshold must be above 0 and at most 1, got \(threshold)")
        }
        if let sample {
            if !data.isDatabase { throw ValidationError("--sample applies to a database; a file is searched whole") }
            if sample < 1 { throw ValidationError("--sample must be at least 1, got \(sample)") }
        }
        for (flag, list) in [("--columns", columns), ("--ignore", ignore), ("--vector-columns", vectorColumns)] {
            if let list, CommaList.names(list).isEmpty { throw ValidationError("\(flag) needs at least one column name") }
        }
    }

    func run() throws {
        if countsInDatabase { return try countExactInDatabase() }
        let dataset: Dataset, roles: ColumnRoles, sampled: SliceReportJSON.Sample?
        if sample == nil {
            (dataset, roles) = try data.load()
            sampled = nil
        } else {
            (dataset, roles, sampled) = try pullSample()
        }
        if let name = data.vector, let kind = dataset.column(named: name)?.kind, kind != .vector {
            throw TuttiError("--vector: column '\(name)' holds \(kind.rawValue), not vectors; "
                             + "use --vector-columns for numeric columns")
        }
        if nearText, roles[.text] == nil { throw TuttiError("--near-text needs a text column: name it with --text") }
        if nearVectors, roles[.vector] == nil, vectorColumns == nil {
            throw TuttiError("--near-vectors needs a vector column: name it with --vector or --vector-columns")
        }
        let rows = try filter.rows(in: dataset)
        let progress = SearchProgressLine(enabled: Console.stderrIsTerminal)
        let search = try DuplicateSearch(dataset: dataset, roles: roles,
                                         options: options(roles: roles, rows: rows))
        let report = try search.run(work: WorkContext(progress: { progress.update($0) }))
        progress.finish()
        var output = DuplicatesReport(search: search, report: report, name: data.displayName, searchedRows: rows.count)
        output.sample = sampled
        switch format {
        case .table: try Console.table(output.table())
        case .markdown: try Console.output(output.markdown())
        case .csv: try Console.output(output.clusterTable(allRows: true).renderCSV())
        case .json: try Console.output(try output.json() + "\n")
        }
    }

    /// What to search for: the kinds asked for, or every kind that applies.
    func options(roles: ColumnRoles, rows: RowSet) -> DuplicateOptions {
        let vectors = vectorColumns.map(CommaList.names) ?? roles[.vector].map { [$0] } ?? []
        var options = DuplicateOptions.allApplicable(roles: roles)
        options.vectorColumns = vectors
        if exact || conflicts || leaks || nearText || nearVectors {
            options.exact = exact
            options.conflicts = conflicts
            options.leaks = leaks
            if !nearText { options.textColumn = nil }
            if !nearVectors { options.vectorColumns = [] }
        }
        options.columns = columns.map(CommaList.names)
        options.ignoredColumns = ignore.map(CommaList.names) ?? []
        if let threshold {
            options.textThreshold = threshold
            options.vectorThreshold = threshold
        }
        options.rows = rows
        return options
    }

}

/// The output of `tutti duplicates`: a summary and the clusters, as text, Markdown, CSV or JSON.
struct DuplicatesReport {
    let search: DuplicateSearch
    let report: DuplicateReport
    let name: String
    let searchedRows: Int
    /// For a search on a sample of a database's rows: its size and the rows it was drawn from.
    var sample: SliceReportJSON.Sample? = nil

    /// Rows shown per cluster in the table and Markdown outputs.
    static let shownRows = 10

    /// One line per kind searched, and the columns compared.
    func summaryLines() -> [String] {
        let summary = report.summary
        let kinds = report.kinds
        let grouped = NumberFormatting.grouped
        var lines: [String] = []
        let all = search.dataset.rowCount
        if let sample {
            lines.append("\(name): a random sample of \(grouped(sample.rows)) of \(grouped(sample.of)) rows searched "
                         + "(row numbers are the sample's)")
        } else {
            lines.append("\(name): \(grouped(all)) rows" + (searchedRows < all ? ", \(grouped(searchedRows)) searched" : ""))
        }
        if !kinds.isDisjoint(with: [.exact, .conflict, .leak]) {
            let left = search.dataset.columnNames.filter { !search.comparedColumns.contains($0) }
            lines.append("compared: \(search.comparedColumns.count) of \(search.dataset.columns.count) columns"
                         + (left.isEmpty ? "" : " (not \(left.joined(separator: ", ")))"))
        }
        if kinds.contains(.exact) {
            lines.append("exact duplicates: \(clusters(summary.exactClusters)), \(grouped(summary.exactExtraRows)) extra rows")
        }
        if kinds.contains(.conflict) {
            let copies = report.labelCopies
            lines.append("label conflicts: \(clusters(summary.conflictClusters))"
                         + (copies.isEmpty ? "" : " (features less \(copies.joined(separator: ", ")), a copy of the label)"))
        }
        if kinds.contains(.leak) { lines.append("leaks across splits: \(clusters(summary.leakClusters))") }
        if let text = search.options.textColumn {
            let threshold = NumberFormatting.shortest(search.options.textThreshold)
            lines.append("near-duplicate text (\(text), Jaccard >= \(threshold)): \(clusters(summary.nearTextClusters))")
        }
        if !search.options.vectorColumns.isEmpty {
            let threshold = NumberFormatting.shortest(search.options.vectorThreshold)
            let columns = search.options.vectorColumns.joined(separator: ", ")
            lines.append("near-duplicate vectors (\(columns), cosine >= \(threshold)): \(clusters(summary.nearVectorClusters))")
        }
        return lines
    }

    private func clusters(_ count: Int) -> String {
        NumberFormatting.grouped(count) + (count == 1 ? " cluster" : " clusters")
    }

    /// One line per cluster; row numbers cut to the first few (then `… +N more`) unless `allRows`.
    func clusterTable(allRows: Bool) -> TextTable {
        TextTable(
            headers: ["kind", "rows", "similarity", "splits", "labels", "row numbers"],
            rows: report.clusters.map { cluster in
                let kind = cluster.basis.map { "\(cluster.kind.rawValue) (\($0.rawValue))" } ?? cluster.kind.rawValue
                let numbers = RowNumberList.text(cluster.rows, limit: allRows ? .max : Self.shownRows)
                return [kind, NumberFormatting.grouped(cluster.size), cluster.similarity.map { NumberFormatting.fixed($0, decimals: 3) } ?? "",
                        Self.counts(cluster.splits), Self.counts(cluster.labels), numbers]
            },
            rightAligned: [1, 2])
    }

    /// "train (2), test (1)": values by count, most frequent first ("(missing)" for "").
    private static func counts(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "\($0.key.isEmpty ? "(missing)" : $0.key) (\(NumberFormatting.grouped($0.value)))" }
            .joined(separator: ", ")
    }

    func table() -> String {
        var text = summaryLines().joined(separator: "\n") + "\n"
        if !report.clusters.isEmpty { text += "\n" + clusterTable(allRows: false).renderAligned() }
        return text
    }

    func markdown() -> String {
        var text = summaryLines().map { "- " + $0.replacingOccurrences(of: ">=", with: "≥") }.joined(separator: "\n") + "\n"
        if !report.clusters.isEmpty { text += "\n" + clusterTable(allRows: false).renderMarkdown() }
        return text
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var shape = JSONShape(report)
        shape.sample = sample
        return String(decoding: try encoder.encode(shape), as: UTF8.self)
    }

    /// The JSON of exact duplicates counted by a database: the summary, and no cluster.
    static func json(exact count: DuplicateCount) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(JSONShape(exact: count)), as: UTF8.self)
    }

    /// `{"summary": {…}, "clusters": [{"kind", "basis", "rows", "similarity", "splits", "labels"}], "sample"}`.
    private struct JSONShape: Encodable {
        struct Summary: Encodable {
            let exactClusters, exactExtraRows, conflictClusters, leakClusters, nearTextClusters, nearVectorClusters: Int

            enum CodingKeys: String, CodingKey {
                case exactClusters = "exact_clusters", exactExtraRows = "exact_extra_rows"
                case conflictClusters = "conflict_clusters", leakClusters = "leak_clusters"
                case nearTextClusters = "near_text_clusters", nearVectorClusters = "near_vector_clusters"
            }
        }

        struct Cluster: Encodable {
            let cluster: DuplicateCluster

            enum CodingKeys: String, CodingKey { case kind, basis, rows, similarity, splits, labels }

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(cluster.kind.rawValue, forKey: .kind)
                try container.encode(cluster.basis?.rawValue, forKey: .basis)
                try container.encode(cluster.rows, forKey: .rows)
                try container.encode(cluster.similarity, forKey: .similarity)
                try container.encode(cluster.splits, forKey: .splits)
                try container.encode(cluster.labels, forKey: .labels)
            }
        }

        let summary: Summary
        let clusters: [Cluster]
        /// Present for a search on a sample of a database's rows.
        var sample: SliceReportJSON.Sample?

        /// Exact duplicates counted elsewhere (by a database), with no cluster listed.
        init(exact count: DuplicateCount) {
            summary = Summary(exactClusters: count.groups, exactExtraRows: count.extraRows, conflictClusters: 0, leakClusters: 0,
                              nearTextClusters: 0, nearVectorClusters: 0)
            clusters = []
        }

        init(_ report: DuplicateReport) {
            let s = report.summary
            summary = Summary(exactClusters: s.exactClusters, exactExtraRows: s.exactExtraRows,
                              conflictClusters: s.conflictClusters, leakClusters: s.leakClusters,
                              nearTextClusters: s.nearTextClusters, nearVectorClusters: s.nearVectorClusters)
            clusters = report.clusters.map(Cluster.init)
        }
    }
}

/// A one-line progress display on standard error for searches that take more than half a second:
/// the phase and how far it has come.
private final class SearchProgressLine: Sendable {
    private let enabled: Bool
    private let started = Date()
    private let state = Mutex<(shown: Bool, last: String)>((false, ""))

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: WorkProgress) {
        guard enabled, Date().timeIntervalSince(started) > 0.5 else { return }
        let text = "\(progress.phase) \(Int(progress.fraction * 100))%"
        let changed = state.withLock { state in
            guard text != state.last else { return false }
            state = (true, text)
            return true
        }
        if changed { Console.progress("\r\u{1B}[K\(text)") }
    }

    func finish() {
        if state.withLock({ $0.shown }) { Console.progress("\r\u{1B}[K") }
    }
}
