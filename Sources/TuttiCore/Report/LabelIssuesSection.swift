/// The label issues pane: how many likely label errors confident learning finds among the
/// filtered rows, and the first of them, ranked by self-confidence (as `tutti label-issues`).
enum LabelIssuesSection {
    /// Issues listed before the rest are only counted.
    static let listed = 20

    static func make(state: ExplorerState, work: WorkContext) throws -> ReportSection {
        let heading = "Likely label errors"
        let source: LabelIssueSource
        do {
            source = try LabelIssueSource(dataset: state.dataset, roles: state.roles)
        } catch {
            return ReportSection(heading: heading, blocks: [.note("No label issues: \(error).")])
        }
        let issues = try source.issues(in: state.dataset, filter: state.filter.rows, work: work)
        let json = LabelIssuesJSON(issues: issues, source: source, name: "", rowCount: state.dataset.rowCount,
                                   filtered: state.filteredCount, filter: nil, shown: listed)
        let text = json.table()
        var blocks: [ReportBlock] = [.paragraph([.plain(
            "\(NumberFormatting.grouped(issues.count)) likely label errors among \(NumberFormatting.rows(state.filteredCount)) "
                + "by confident learning from the \(source.description), ranked by self-confidence (lowest first)"
                + (issues.count > listed ? "; the first \(listed):" : "."))])]
        if !issues.isEmpty {
            blocks.append(.table(ReportTable(headers: text.headers, rows: text.rows, rightAligned: [0, 3])))
        }
        return ReportSection(heading: heading, blocks: blocks)
    }
}
