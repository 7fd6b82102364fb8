/// The slices pane: where the model does worst, computed as the pane computes it
/// (`SliceSections`). Without group columns, one table of the slices SliceLine finds among the
/// filtered rows; with them, one table per group of the first group column (a sub-heading with
/// the group's size and metric), holding the slices found within the group — or the groups of
/// the other group columns —, each with its size, selected rows, the sort metric, its interval
/// and its gap to the group.
enum SlicesSection {
    /// Slices shown per table.
    static let shownSlices = 10

    static func make(state: ExplorerState, settings: PaneSettings, work: WorkContext) throws -> ReportSection {
        let heading = "Slices"
        let roles = state.roles
        guard roles[.label] != nil && roles[.prediction] != nil || roles[.loss] != nil else {
            return ReportSection(heading: heading, blocks: [.note("Slices need label and prediction columns or a loss column.")])
        }
        let sections: SliceSections
        do {
            sections = try SliceSections.compute(state: state, options: SliceSectionOptions(minimumSize: settings.minimumSize),
                                                 work: work)
        } catch {
            if work.isCancelled { throw ReportBuilder.cancelled }
            return ReportSection(heading: heading, blocks: [.note("Cannot compute slices: \(error).")])
        }
        return ReportSection(heading: heading, blocks: blocks(sections, state: state, settings: settings))
    }

    private static func blocks(_ model: SliceSections, state: ExplorerState, settings: PaneSettings) -> [ReportBlock] {
        var model = model
        let metric = settings.sortMetric.flatMap(SliceMetric.init(rawValue:))
            .flatMap { model.evaluator.availableMetrics.contains($0) ? $0 : nil } ?? model.objective.metric
        model.sort(by: metric, descending: settings.descending ?? true)
        let scope = state.filter.isEmpty ? "rows" : "filtered rows"
        let tables = SliceTables(model: model, selection: state.visibleSelection, shown: shownSlices)
        var blocks: [ReportBlock] = [.paragraph([.plain(introduction(model, state: state, scope: scope))])]
        guard model.isHeaded else {
            if let section = model.sections.first { blocks.append(.table(tables.table(section, name: "all " + scope))) }
            return blocks
        }
        for section in model.sections {
            blocks += groupBlocks(section, model: model, tables: tables, scope: scope)
        }
        return blocks
    }

    /// One group's sub-heading and its table (or a note that it holds no slice).
    private static func groupBlocks(_ section: SliceSections.Section, model: SliceSections, tables: SliceTables,
                                    scope: String) -> [ReportBlock] {
        let expression = SliceReport.expression(section.group)
        let heading = ReportBlock.subheading([.code(expression), .plain(": " + summary(section, model: model, scope: scope))])
        guard section.slices.isEmpty else { return [heading, .table(tables.table(section, name: expression))] }
        let size = section.minimumSize.map { " of \(NumberFormatting.rows($0)) or more" } ?? ""
        return [heading, .note("No slice\(size) found in this group.")]
    }

    /// A group's size and metric, and its gap to all rows: "32,650 rows, error 0.2153 (+0.0230 against all rows)".
    private static func summary(_ section: SliceSections.Section, model: SliceSections, scope: String) -> String {
        let metric = model.sortMetric, metrics = section.metrics
        let gap = metrics.gap(metric, to: model.overall).map { " (\(NumberFormatting.signed($0)) against all \(scope))" } ?? ""
        return "\(NumberFormatting.rows(metrics.size)), \(metric.title) \(NumberFormatting.metric(metrics.value(metric)))" + gap
    }

    /// What the slices are: how they were made, the sort, and the classes.
    private static func introduction(_ model: SliceSections, state: ExplorerState, scope: String) -> String {
        let metric = model.sortMetric, objective = model.objective.metric.title
        var text: String
        if model.nothingToSearch {
            text = model.groupColumns.first.map { "No column besides \($0) is left to search: the slices are its groups" }
                ?? "No column is left to search for slices (group the rows by a column to compare its groups)"
        } else if model.groupColumns.isEmpty {
            let search = model.sections.first?.search
            text = "Slices found by SliceLine among the \(scope), where the \(objective) is high "
                + "(at least \(NumberFormatting.rows(search?.minimumSupport ?? 0)) each, "
                + "\(NumberFormatting.grouped(search?.evaluated ?? 0)) candidates evaluated)"
        } else {
            let groups = model.sections.count, first = model.groupColumns[0]
            text = "The \(scope) split by \(first) (\(groups == 1 ? "1 group" : "\(groups) groups")"
                + (model.omittedGroups > 0 ? ", the largest of \(groups + model.omittedGroups)" : "") + "); within each, "
            text += model.isSearch ? "slices found by SliceLine where the \(objective) is high"
                : "the rows grouped by " + model.groupColumns.dropFirst().joined(separator: ", ")
            let numeric = model.groupColumns.contains { state.dataset.column(named: $0)?.kind.isNumeric == true }
            if numeric { text += " (the group columns' numbers in 10 equal-width bins)" }
        }
        text += ", sorted by \(metric.title) (\(model.descending ? "highest" : "lowest") first)."
        if !model.groupColumns.isEmpty, let overall = model.overall.value(metric) {
            text += " All \(scope): \(metric.title) \(NumberFormatting.metric(overall))."
        }
        if let classes = model.evaluator.classes {
            text += classes.positive.map { " Positive class: \(classes.classes[$0])." }
                ?? " \(classes.classes.count) classes: precision, recall and F1 are macro averages."
        }
        return text
    }
}
