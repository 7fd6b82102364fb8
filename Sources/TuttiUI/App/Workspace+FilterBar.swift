import TuttiCore

extension Workspace {
    /// Opens the filter bar with the current filter and the history of applied ones.
    mutating func openFilterBar() {
        var bar = FilterBar(text: state.filter.isExpression ? state.filter.expression : "", history: filterHistory)
        bar.validate(state.dataset)
        filterBar = bar
    }

    /// Edits the open filter bar and validates the result.
    mutating func editFilter(_ edit: (inout FilterBar) -> Void) {
        guard var bar = filterBar else { return }
        edit(&bar)
        bar.validate(state.dataset)
        filterBar = bar
    }

    /// Applies the filter bar's text if it is valid; otherwise keeps the bar open.
    mutating func submitFilter() {
        guard let bar = filterBar else { return }
        if let problem = bar.problem {
            say(problem.message, isError: true)
            return
        }
        filterBar = nil
        let text = bar.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, filterHistory.last != text { filterHistory.append(text) }
        dispatch(.setFilter(text))
        say(text.isEmpty ? "filter cleared" : "\(NumberFormatting.grouped(state.filteredCount)) rows pass the filter")
    }
}
