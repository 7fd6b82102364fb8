/// The slices pane: where the model does worst — the group columns' values, or slices found by
/// SliceLine — with size, selected rows, the sort metric, its interval and its gap to all rows.
enum SlicesSection {
    /// Slices shown.
    static let shownSlices = 10

    static func make(state: ExplorerState, settings: PaneSettings, cancellation: CancellationFlag?) throws -> ReportSection {
        let heading = "Slices"
        do {
            return try make(state: state, settings: settings, cancellation: cancellation, heading: heading)
        } catch {
            if cancellation?.isCancelled == true { throw ReportBuilder.cancelled }
            return ReportSection(heading: heading, blocks: [.note("Cannot compute slices: \(error).")])
        }
    }

    private static func make(state: ExplorerState, settings: PaneSettings, cancellation: CancellationFlag?,
                             heading: String) throws -> ReportSection {
        let evaluator = try SliceEvaluator(dataset: state.dataset, roles: state.roles)
        let objective: SliceObjective
        if evaluator.classes != nil {
            objective = .error
        } else if evaluator.availableMetrics.contains(.meanLoss) {
            objective = .loss
        } else {
            return ReportSection(heading: heading, blocks: [.note("Slices need label and prediction columns or a loss column.")])
        }
        let metric = settings.sortMetric.flatMap(SliceMetric.init(rawValue:))
            .flatMap { evaluator.availableMetrics.contains($0) ? $0 : nil } ?? objective.metric
        let descending = settings.descending ?? true
        let filter = state.filter.rows, selection = state.visibleSelection
        let scope = state.filter.isEmpty ? "rows" : "filtered rows"
        var report: SliceReport
        let how: String
        if state.groupColumns.isEmpty {
            report = try SliceReport.discovered(dataset: state.dataset, roles: state.roles, evaluator: evaluator,
                                                objective: objective,
                                                options: SliceLineOptions(minimumSupport: settings.minimumSize, count: shownSlices),
                                                filter: filter, selection: selection, cancellation: cancellation)
            let search = report.search
            how = "Slices found by SliceLine among the \(scope), where the \(objective.metric.title) is high "
                + "(at least \(ReportNumbers.rows(search?.minimumSupport ?? 0)) each, "
                + "\(ReportNumbers.count(search?.evaluated ?? 0)) candidates evaluated)"
        } else {
            let columns = Array(state.groupColumns.prefix(SliceGroups.maxColumns))
            report = try SliceReport.grouped(dataset: state.dataset, evaluator: evaluator, columns: columns,
                                             binning: .equalWidth(10), filter: filter, selection: selection)
            let numeric = columns.contains { state.dataset.column(named: $0)?.kind.isNumeric == true }
            how = "The \(scope) grouped by \(columns.joined(separator: ", "))" + (numeric ? " (numbers in 10 equal-width bins)" : "")
        }
        report.sort(by: metric, descending: descending)
        let total = report.entries.count
        report.entries = Array(report.entries.prefix(shownSlices))
        let shown = total > report.entries.count ? "; the first \(report.entries.count) of \(total)" : ""
        var text = how + ", sorted by \(metric.title) (\(descending ? "highest" : "lowest") first)\(shown)."
        if let classes = evaluator.classes {
            text += classes.positive.map { " Positive class: \(classes.classes[$0])." }
                ?? " \(classes.classes.count) classes: precision, recall and F1 are macro averages."
        }
        let overall = "all " + scope
        let slices = table(report, metric: metric, evaluator: evaluator, overall: overall, hasSelection: selection != nil)
        return ReportSection(heading: heading, blocks: [.paragraph([.plain(text)]), .table(slices)])
    }

    private static func table(_ report: SliceReport, metric: SliceMetric, evaluator: SliceEvaluator, overall overallName: String,
                              hasSelection: Bool) -> ReportTable {
        let isRate = evaluator.isRate(metric)
        var headers = ["slice", "rows", "share"]
        if hasSelection { headers.append("selected") }
        headers.append(metric.title)
        if isRate { headers.append("95% interval") }
        headers.append("gap")
        func line(_ name: String, _ metrics: SliceMetrics, overall: Bool) -> [String] {
            var cells = [name, ReportNumbers.count(metrics.size), ReportNumbers.percent(metrics.share)]
            if hasSelection { cells.append(ReportNumbers.count(metrics.selected)) }
            cells.append(ReportNumbers.metric(metrics.value(metric)))
            if isRate {
                cells.append(metrics.interval(metric).map { String(format: "%.3f – %.3f", $0.lower, $0.upper) } ?? "")
            }
            cells.append(overall ? "" : ReportNumbers.signed(metrics.gap(metric, to: report.overall)))
            return cells
        }
        let rows = [line(overallName, report.overall, overall: true)]
            + report.entries.map { line($0.expression, $0.metrics, overall: false) }
        return ReportTable(headers: headers, rows: rows, rightAligned: Set(1..<headers.count), codeColumns: [0],
                           caption: "The gap is the slice's \(metric.title) minus that of \(overallName).")
    }
}
