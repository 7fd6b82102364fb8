/// The duplicates pane: how many clusters of each kind the filtered rows hold, and the largest
/// clusters of each kind with their splits, labels and first rows.
enum DuplicatesSection {
    /// Clusters listed per kind.
    static let clustersPerKind = 5
    /// Row numbers listed per cluster.
    static let rowsPerCluster = 8

    static func make(state: ExplorerState, settings: PaneSettings, work: WorkContext) throws -> ReportSection {
        let heading = "Duplicates"
        var options = DuplicateOptions.allApplicable(roles: state.roles)
        options.rows = state.filter.isEmpty ? nil : state.filter.rows
        let report: DuplicateReport
        do {
            report = try DuplicateSearch(dataset: state.dataset, roles: state.roles, options: options).run(work: work)
        } catch {
            if work.isCancelled { throw ReportBuilder.cancelled }
            return ReportSection(heading: heading, blocks: [.note("Cannot search for duplicates: \(error).")])
        }
        var blocks: [ReportBlock] = [.paragraph([.plain(searched(report, state: state))]), .list(counts(report, options: options))]
        let first = settings.duplicateKind.flatMap(DuplicateKind.init(rawValue:))
        let kinds = (first.map { [$0] } ?? []) + DuplicateKind.allCases.filter { $0 != first }
        let selection = state.visibleSelection
        for kind in kinds {
            let indexes = report.clusters.indices.filter { report.clusters[$0].kind == kind }
            guard !indexes.isEmpty else { continue }
            blocks.append(.table(table(report, kind: kind, indexes: indexes, selection: selection)))
        }
        return ReportSection(heading: heading, blocks: blocks)
    }

    private static func searched(_ report: DuplicateReport, state: ExplorerState) -> String {
        let rows = state.filter.isEmpty ? "all \(NumberFormatting.rows(state.dataset.rowCount))"
            : "the \(NumberFormatting.rows(state.filteredCount)) passing the filter"
        guard !report.kinds.isDisjoint(with: [.exact, .conflict, .leak]) else { return "Searched \(rows)." }
        let left = state.dataset.columnNames.filter { !report.comparedColumns.contains($0) }
        return "Searched \(rows), comparing \(report.comparedColumns.count) of \(state.dataset.columns.count) columns"
            + (left.isEmpty ? "." : " (not \(left.joined(separator: ", "))).")
    }

    private static func counts(_ report: DuplicateReport, options: DuplicateOptions) -> [[ReportText]] {
        let summary = report.summary
        var lines: [String] = []
        if report.kinds.contains(.exact) {
            lines.append("Exact duplicates: \(clusters(summary.exactClusters)), "
                         + "\(NumberFormatting.grouped(summary.exactExtraRows)) rows repeating an earlier one")
        }
        if report.kinds.contains(.conflict) {
            lines.append("Identical inputs with different labels: \(clusters(summary.conflictClusters))")
        }
        if report.kinds.contains(.leak) { lines.append("Rows shared across splits: \(clusters(summary.leakClusters))") }
        if let text = options.textColumn {
            lines.append("Near-duplicate text in \(text) (similarity ≥ \(NumberFormatting.shortest(options.textThreshold))): "
                         + clusters(summary.nearTextClusters))
        }
        if !options.vectorColumns.isEmpty {
            lines.append("Near-duplicate vectors in \(options.vectorColumns.joined(separator: ", ")) "
                         + "(cosine ≥ \(NumberFormatting.shortest(options.vectorThreshold))): \(clusters(summary.nearVectorClusters))")
        }
        return lines.map { [.plain($0)] }
    }

    private static func clusters(_ count: Int) -> String {
        NumberFormatting.grouped(count) + (count == 1 ? " cluster" : " clusters")
    }

    private static func table(_ report: DuplicateReport, kind: DuplicateKind, indexes: [Int], selection: RowSet?) -> ReportTable {
        let shown = indexes.prefix(clustersPerKind).map { ($0, report.clusters[$0]) }
        let similar = shown.contains { $0.1.similarity != nil }
        var headers = ["cluster", "rows"]
        if selection != nil { headers.append("selected") }
        if similar { headers.append("similarity") }
        headers += ["splits", "labels", "first rows"]
        let rows = shown.map { index, cluster -> [String] in
            var cells = ["\(index + 1)", NumberFormatting.grouped(cluster.size)]
            if let selection { cells.append(NumberFormatting.grouped(cluster.rows.filter(selection.contains).count)) }
            if similar { cells.append(cluster.similarity.map { NumberFormatting.fixed($0, decimals: 3) } ?? "") }
            var numbers = cluster.rows.prefix(rowsPerCluster).map(String.init)
            if cluster.rows.count > numbers.count { numbers.append("… (\(NumberFormatting.grouped(cluster.rows.count - numbers.count)) more)") }
            return cells + [tally(cluster.splits), tally(cluster.labels), numbers.joined(separator: " ")]
        }
        let numeric = Set(headers.indices.filter { ["cluster", "rows", "selected", "similarity"].contains(headers[$0]) })
        let largest = indexes.count > shown.count ? "the \(shown.count) largest of \(indexes.count) clusters" : "every cluster"
        return ReportTable(headers: headers, rows: rows, rightAligned: numeric,
                           caption: "\(title(kind)): \(largest). Row numbers count from 0.")
    }

    private static func title(_ kind: DuplicateKind) -> String {
        switch kind {
        case .exact: "Exact duplicates"
        case .conflict: "Identical inputs with different labels"
        case .leak: "Rows shared across splits"
        case .nearText: "Near-duplicate text"
        case .nearVector: "Near-duplicate vectors"
        }
    }

    /// "train (2), test (1)": values by count, most frequent first.
    private static func tally(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "\($0.key.isEmpty ? "missing" : $0.key) (\(NumberFormatting.grouped($0.value)))" }
            .joined(separator: ", ")
    }
}
