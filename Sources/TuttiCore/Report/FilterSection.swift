/// The section on which rows the panes show (the filter), which rows they highlight (the
/// selection, where it came from) and how slices are grouped.
enum FilterSection {
    static func make(state: ExplorerState) -> ReportSection {
        let total = state.dataset.rowCount
        let filtered = state.filteredCount
        var blocks: [ReportBlock] = []
        if state.filter.isEmpty {
            blocks.append(.paragraph([.plain("No filter: every pane shows all \(NumberFormatting.rows(total)).")]))
        } else if state.filter.isExpression {
            blocks.append(.paragraph([.plain("Filter: "), .code(state.filter.expression),
                                      .plain(". \(NumberFormatting.grouped(filtered)) of \(NumberFormatting.rows(total)) pass "
                                             + "(\(NumberFormatting.percent(filtered, of: total))); every pane shows only these.")]))
        } else {
            blocks.append(.paragraph([.plain("Filter: a list of rows (\(state.filter.expression)). "
                                             + "\(NumberFormatting.grouped(filtered)) of \(NumberFormatting.rows(total)) pass "
                                             + "(\(NumberFormatting.percent(filtered, of: total))); every pane shows only these.")]))
        }
        blocks.append(selection(state))
        if state.groupColumns.isEmpty {
            blocks.append(.paragraph([.plain("No group columns: slices are found automatically (SliceLine).")]))
        } else {
            blocks.append(.paragraph([.plain("Group columns: "), .code(state.groupColumns.joined(separator: ", ")),
                                      .plain(" (slices are these columns' values).")]))
        }
        return ReportSection(heading: "Filter and selection", blocks: blocks)
    }

    private static func selection(_ state: ExplorerState) -> ReportBlock {
        guard let selection = state.selection else {
            return .paragraph([.plain("No selection: no rows are highlighted.")])
        }
        let visible = state.selectedCount
        let all = selection.rows.count
        var text = describe(selection.source)
        if let expression = SelectionExpression.text(for: selection.source, dataset: state.dataset) {
            text += [.plain(", that is "), .code(expression)]
        }
        var counts = ". \(NumberFormatting.grouped(visible)) selected \(visible == 1 ? "row passes" : "rows pass") the filter "
            + "(\(NumberFormatting.percent(visible, of: state.filteredCount)) of the filtered rows)"
        if all != visible { counts += "; \(NumberFormatting.grouped(all)) selected in all" }
        text.append(.plain(counts + ". Selected rows are highlighted in every pane: ▓ in bars, hatched in charts."))
        return .paragraph(text)
    }

    /// Where a selection came from, in words.
    static func describe(_ source: SelectionSource) -> [ReportText] {
        switch source {
        case .brush(let column, .numeric(let lower, let upper, let includesUpper)):
            return [.plain("Selection: a range brushed on the histogram of "), .code(column),
                    .plain(", from \(NumberFormatting.number(lower, exact: true)) to \(NumberFormatting.number(upper, exact: true))"
                           + (includesUpper ? " inclusive" : " (exclusive)"))]
        case .brush(let column, .values(let values)):
            let shown = values.prefix(8).joined(separator: ", ") + (values.count > 8 ? ", …" : "")
            return [.plain("Selection: values brushed on the histogram of "), .code(column), .plain(": "), .code(shown)]
        case .slice:
            return [.plain("Selection: a slice picked in the slices pane")]
        case .duplicateCluster(let kind, let index):
            return [.plain("Selection: cluster \(index + 1) of the duplicates pane (kind \(kind))")]
        case .confusionCell:
            return [.plain("Selection: a cell of the confusion matrix")]
        case .rectangle(let predicates):
            let text = predicates.map { "\($0.column) \($0.op) \($0.value)" }.joined(separator: " and ")
            return [.plain("Selection: a rectangle brushed on the scatter plot: "), .code(text)]
        case .rows:
            return [.plain("Selection: rows picked by hand")]
        case .described(let text):
            return [.plain("Selection: \(text)")]
        }
    }
}
