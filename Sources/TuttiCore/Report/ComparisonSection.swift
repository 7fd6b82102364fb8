/// The comparison pane: the two models it compares (the view's, else the data's first two), each
/// one's metrics over the filtered rows, and their agreement matrix; with group columns, A's and
/// B's error per group and the delta, largest first. SliceLine's slices are left to
/// `tutti compare --discover`.
enum ComparisonSection {
    static func make(state: ExplorerState, settings: PaneSettings) -> ReportSection {
        let heading = "Model comparison"
        do {
            let models = try ModelList.parse(settings.models?.joined(separator: ","), dataset: state.dataset, roles: state.roles)
            var comparison = try ModelComparison(dataset: state.dataset, roles: state.roles, models: models, filter: state.filter.rows)
            let tables = ComparisonTables(comparison)
            let names = models.map(\.name)
            var blocks: [ReportBlock] = [
                .paragraph([.plain("Model A is "), .code(names[0]), .plain(", model B "), .code(names[1]),
                            .plain(", on the \(NumberFormatting.rows(state.filteredCount))" + (state.filter.isEmpty ? "." : " passing the filter."))]),
                .table(report(tables.overall(), caption: nil)),
            ]
            if let agreement = tables.agreement() {
                blocks.append(.table(report(agreement, caption: "Rows with a label and both predictions: each model right or wrong.")))
            }
            if !state.groupColumns.isEmpty {
                try comparison.group(dataset: state.dataset, columns: Array(state.groupColumns.prefix(SliceGroups.maxColumns)),
                                     binning: .equalWidth(10), filter: state.filter.rows)
                blocks.append(.table(report(ComparisonTables(comparison).slices(), caption: "Per group: delta = \(names[0]) − \(names[1]), largest first.")))
            }
            return ReportSection(heading: heading, blocks: blocks)
        } catch {
            return ReportSection(heading: heading, blocks: [.note("Cannot compare models: \(error).")])
        }
    }

    private static func report(_ table: TextTable, caption: String?) -> ReportTable {
        ReportTable(headers: table.headers, rows: table.rows, rightAligned: table.rightAligned, caption: caption)
    }
}
