import TuttiCore

/// The summary pane's figures of the whole table in a SQL engine, when the explorer shows a
/// sample of one: every column's summary over all the table's rows and over those passing the
/// filter, asked in the background once per expression and kept by it (a redraw or a return to
/// an earlier filter asks nothing). Until they arrive, or when the engine cannot make them (a
/// filter of picked rows, an error, a stop), the pane shows the sample's.
struct SummaryEngineFigures {
    /// Top values asked per column: enough for the pane's shares of a filtered top value.
    static let topCount = 1000

    /// Summaries by expression, then by column name.
    private var answers: [String: [String: ColumnSummary]] = [:]
    /// The work asking for them.
    private var asking: [(expression: String, handle: JobHandle)] = []
    /// Expressions the engine did not answer: not asked again.
    private var unanswered: Set<String> = []

    /// Whether the engine is computing figures the pane waits for.
    var isAsking: Bool { !asking.isEmpty }

    /// Asks the engine for the summaries of the whole table and of the filtered rows, when they
    /// are not known or asked for yet; returns the work to start.
    mutating func prepare(_ engine: EngineFigures?) -> [PaneCommand] {
        guard let engine, let summaries = engine.summaries, let filter = engine.filter else { return [] }
        var commands: [PaneCommand] = []
        for expression in filter.isEmpty ? [""] : ["", filter] where answers[expression] == nil
            && !unanswered.contains(expression) && !asking.contains(where: { $0.expression == expression }) {
            let request = JobRequest(label: "exact summary") { handle in
                try summaries(expression, Self.topCount, WorkContext(cancellation: handle.cancellation))
            }
            asking.append((expression, request.handle))
            commands.append(.start(request))
        }
        return commands
    }

    /// Takes the summaries of ended work; false when `handle` is not this work's.
    mutating func receive(_ handle: JobHandle) -> Bool {
        guard let index = asking.firstIndex(where: { $0.handle === handle }) else { return false }
        let expression = asking.remove(at: index).expression
        if let summaries = handle.value(as: [ColumnSummary].self) {
            answers[expression] = Dictionary(summaries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        } else {
            unanswered.insert(expression)
        }
        return true
    }

    /// Whether the engine's figures are what the pane shows for the state `engine` describes
    /// (not before the table's rows are counted: its shares are of them).
    func isExact(_ engine: EngineFigures?) -> Bool {
        guard let engine, engine.tableRows.exact != nil, let filter = engine.filter, answers[""] != nil else { return false }
        return filter.isEmpty || (answers[filter] != nil && engine.filteredRows != nil)
    }

    /// Column `name`'s figures of the whole table (and of its filtered rows), or nil when the
    /// engine has not given them (a column derived in the sample is not in the engine).
    func entry(_ name: String, engine: EngineFigures?) -> SummaryStatistics.Entry? {
        guard isExact(engine), let engine, let rows = engine.tableRows.exact, let filter = engine.filter,
              let whole = answers[""]?[name] else { return nil }
        guard !filter.isEmpty else {
            return SummaryStatistics.Entry(whole: whole, filtered: nil, rowCount: rows, filteredCount: rows)
        }
        guard let filtered = answers[filter]?[name], let count = engine.filteredRows else { return nil }
        return SummaryStatistics.Entry(whole: whole, filtered: filtered, rowCount: rows, filteredCount: count)
    }
}
