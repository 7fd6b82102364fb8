/// The report's first section: the file, its size, the column roles, and one line per column
/// (what `tutti info` and the summary pane show).
enum DatasetSection {
    /// Bars in each column's distribution sparkline.
    static let sparklineBins = 16
    /// Values listed for categorical and boolean columns.
    static let topValues = 3

    static func make(state: ExplorerState, datasetName: String) -> ReportSection {
        let dataset = state.dataset
        let roles = ColumnRole.allCases.compactMap { role in state.roles[role].map { "\(role.rawValue): \($0)" } }
        var facts: [[ReportText]] = [
            [.plain("File: "), .code(datasetName)],
            [.plain("Rows: \(NumberFormatting.grouped(dataset.rowCount))")],
            [.plain("Columns: \(NumberFormatting.grouped(dataset.columns.count))")],
        ]
        facts.append([.plain("Column roles: " + (roles.isEmpty ? "none" : roles.joined(separator: ", ")))])
        for derived in dataset.derivedColumns {
            facts.append([.plain("Derived column "), .code(derived.name), .plain(" = "), .code(derived.expression)])
        }
        let summaries = ColumnSummary.compute(dataset, roles: state.roles, topCount: topValues)
        let rows = summaries.map { summary in
            [summary.name, kind(summary), roleText(summary, groups: state.groupColumns), missing(summary, rowCount: dataset.rowCount),
             NumberFormatting.grouped(summary.distinct), sparkline(dataset, summary), rangeOrTop(summary)]
        }
        let table = ReportTable(headers: ["column", "kind", "role", "missing", "distinct", "distribution", "range or top values"],
                                rows: rows, rightAligned: [3, 4], codeColumns: [5],
                                caption: "Every column over all rows; the distribution is a small histogram "
                                    + "(numbers in ascending bins, categories most frequent first).")
        return ReportSection(heading: "Dataset", blocks: [.list(facts), .table(table)])
    }

    private static func kind(_ summary: ColumnSummary) -> String {
        summary.kind == .vector ? "vector[\(summary.vectorWidth ?? 0)]" : summary.kind.rawValue
    }

    private static func missing(_ summary: ColumnSummary, rowCount: Int) -> String {
        summary.missing == 0 ? "0" : NumberFormatting.percent(summary.missing, of: rowCount)
    }

    private static func sparkline(_ dataset: Dataset, _ summary: ColumnSummary) -> String {
        guard summary.kind != .text, summary.kind != .vector,
              let binning = try? ColumnBinning(dataset: dataset, column: summary.name, bins: sparklineBins) else { return "" }
        return TextBars.sparkline(Array(binning.totals.dropLast()))
    }

    private static func rangeOrTop(_ summary: ColumnSummary) -> String {
        if summary.kind == .datetime, let low = summary.min, let high = summary.max {
            return TimeFormatting.iso(Int64(low)) + " – " + TimeFormatting.iso(Int64(high))
        }
        if let low = summary.min, let high = summary.max {
            let mean = summary.mean.map { ", mean " + NumberFormatting.number($0) } ?? ""
            return "\(NumberFormatting.number(low)) – \(NumberFormatting.number(high))\(mean)"
        }
        let top = summary.top.map { "\($0.value) (\(NumberFormatting.grouped($0.count)))" }
        return top.joined(separator: ", ") + (summary.distinct > summary.top.count && !top.isEmpty ? ", …" : "")
    }

    /// The role column, as the summary pane shows it: the role, and "group" for a group column.
    private static func roleText(_ summary: ColumnSummary, groups: [String]) -> String {
        let role = summary.role?.rawValue ?? ""
        guard groups.contains(summary.name) else { return role }
        return role.isEmpty ? "group" : role + "+group"
    }
}
