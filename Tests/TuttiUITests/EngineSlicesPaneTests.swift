import Synchronization
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The slices pane of a sample of a table in an engine: the slices are found on the sample, then
/// the engine measures each over the whole table (here the whole Adult data in memory), once per
/// list of slices and expression; the title says where slices and figures come from.
@Suite struct EngineSlicesPaneTests {
    /// The first 3,000 rows of the Adult data: the sample the pane searches.
    static let sample = adult.firstRows(3000)

    /// Measures slices over the whole Adult data, counting the questions it gets.
    final class Engine: Sendable {
        let questions = Mutex<[String]>([])
        let fails: Bool

        init(fails: Bool = false) { self.fails = fails }

        /// The exact metrics of `slices` over the Adult rows passing `filter`.
        static func measure(_ slices: [[SlicePredicate]], filter: String, roles: ColumnRoles,
                            positiveClass: String?) throws -> (overall: SliceMetrics, slices: [SliceMetrics]) {
            let evaluator = try SliceEvaluator(dataset: adult, roles: roles, positiveClass: positiveClass)
            let rows = try MemorySource(dataset: adult, roles: roles).rows(where: filter)
            let each = try slices.map {
                evaluator.metrics(of: try SliceReport.rows(matching: $0, dataset: adult, filter: rows), filteredCount: rows.count)
            }
            return (evaluator.metrics(of: rows, filteredCount: rows.count), each)
        }

        /// The engine's figures for a pane on the sample, under `filter` (nil: picked rows).
        func figures(filter: String? = "", selection: String? = nil) -> EngineFigures {
            var figures = EngineFigures(tableRows: TableRowCount(exact: adult.rowCount, estimate: nil), sampleRows: EngineSlicesPaneTests.sample.rowCount)
            figures.filter = filter
            figures.selectionFilter = selection
            figures.sliceFigures = { [self] slices, filter, roles, positiveClass, work in
                questions.withLock { $0.append(filter) }
                if fails { throw TuttiError("the engine is down") }
                try work.check("measuring slices")
                return try Self.measure(slices, filter: filter, roles: roles, positiveClass: positiveClass)
            }
            return figures
        }
    }

    /// A context on the sample under `filter`, with the engine's figures.
    private func context(_ engine: Engine, filter: String = "", selection: (RowSet, [SlicePredicate])? = nil) throws -> PaneContext {
        var explorer = Explorer(state: ExplorerState(dataset: Self.sample, roles: adultRoles))
        if !filter.isEmpty { try explorer.apply(.setFilter(filter)) }
        var selected: String?
        if let (rows, predicates) = selection {
            try explorer.apply(.select(rows, .slice(predicates)))
            selected = EngineRows.filter(for: explorer.state)
        }
        var context = paneContext(explorer.state)
        context.engine = engine.figures(filter: filter, selection: selected)
        return context
    }

    /// Updates `pane` with `message` as the app would, running the work it starts at once, except
    /// the engine's measures, which are returned unstarted (`stop` cancels them first, then runs them).
    private func drive(_ pane: inout SlicesPane, _ message: PaneMessage, _ context: PaneContext,
                       stop: Bool = false) -> [JobRequest] {
        var held: [JobRequest] = []
        for command in pane.update(message, context: context) {
            guard case .start(let job) = command else { continue }
            if job.handle.label == "exact slices", !stop {
                held.append(job)
                continue
            }
            if job.handle.label == "exact slices" { job.handle.cancel() }
            job.handle.finish(Result { try job.work(job.handle) })
            held += drive(&pane, .jobEnded(job.handle), context, stop: stop)
        }
        return held
    }

    /// Each slice the pane lists, top to bottom: its conditions and its line.
    private func listed(_ pane: SlicesPane, _ context: PaneContext) -> [(predicates: [SlicePredicate], line: String)] {
        var pane = pane
        var listed: [(predicates: [SlicePredicate], line: String)] = []
        let lines = render(&pane, context, width: 200, height: 30).lines
        for index in 0..<lines.count - 2 {
            guard let (_, predicates) = SlicesPaneSectionTests.selection(pane, context),
                  predicates != listed.last?.predicates else { break }
            listed.append((predicates, lines[index + 2]))
            _ = pane.send(.down, context: context)
        }
        return listed
    }

    @Test func slicesFoundOnTheSampleShowTheTablesFigures() throws {
        let engine = Engine()
        let context = try context(engine)
        var pane = SlicesPane()
        pane.layOut(context, width: 200, height: 30)
        #expect(pane.title == "Slices: found by SliceLine · found on sample 3,000 · figures: table of 48,842", "\(pane.title)")
        let lines = render(&pane, context, width: 200, height: 30).lines
        let whole = try Engine.measure([], filter: "", roles: adultRoles, positiveClass: nil).overall
        #expect(lines[0].contains("all rows \(NumberFormatting.compact(try #require(whole.value(.error))))"), "\(lines[0])")
        let slices = listed(pane, context)
        #expect(slices.count == 10)
        var beyondTheSample = 0
        for (predicates, line) in slices {
            let measured = try Engine.measure([predicates], filter: "", roles: adultRoles, positiveClass: nil).slices[0]
            let cells = line.split(separator: " ")
            #expect(cells.first == Substring(NumberFormatting.grouped(measured.size)), "\(line)")
            #expect(cells.dropFirst(2).first == Substring(NumberFormatting.compact(try #require(measured.value(.error)))), "\(line)")
            if measured.size > Self.sample.rowCount { beyondTheSample += 1 }
        }
        #expect(beyondTheSample > 0)
        // Sorted by the table's error, worst first.
        let errors = slices.compactMap { Double($0.line.split(separator: " ")[2]) }
        #expect(errors == errors.sorted(by: >))
        // One question, for the filter; redraws and a new sort ask nothing more.
        _ = render(&pane, context, width: 120, height: 20)
        _ = pane.send(.action(.sort), context: context)
        _ = render(&pane, context, width: 200, height: 30)
        #expect(engine.questions.withLock { $0 } == [""])
    }

    @Test func aFilterAsksOnceMoreAndTheSelectedCountsAreTheTables() throws {
        let engine = Engine()
        var pane = SlicesPane()
        let filtered = try context(engine, filter: "age > 30")
        pane.layOut(filtered, width: 200, height: 30)
        #expect(engine.questions.withLock { $0 } == ["age > 30"])
        let first = try #require(listed(pane, filtered).first)
        let rows = try SliceReport.rows(matching: first.predicates, dataset: Self.sample, filter: filtered.state.filter.rows)
        let selected = try context(engine, filter: "age > 30", selection: (rows, first.predicates))
        pane.layOut(selected, width: 200, height: 30)
        let both = try #require(EngineRows.filter(for: selected.state))
        #expect(engine.questions.withLock { $0 } == ["age > 30", both])
        // Every row of the selected slice is selected: its table's size in both columns.
        let line = try #require(listed(pane, selected).first { $0.predicates == first.predicates }).line
        let cells = line.split(separator: " ")
        #expect(cells.count > 2 && cells[0] == cells[1] && Int(cells[0].filter(\.isNumber))! > rows.count, "\(line)")
        // Back to the filter alone: answered already.
        pane.layOut(filtered, width: 200, height: 30)
        #expect(engine.questions.withLock { $0 }.count == 2)
    }

    @Test func whileTheEngineMeasuresTheTitleSaysSoThenTheFiguresChange() throws {
        let context = try context(Engine())
        var pane = SlicesPane()
        // The search runs; the engine's work is started and not run yet.
        var started: [JobRequest] = []
        for _ in 0..<3 { started += drive(&pane, .layout(width: 200, height: 30), context) }
        #expect(pane.title.hasSuffix("found on sample 3,000 · figures: …"), "\(pane.title)")
        var canvas = Canvas(width: 200, height: 30)
        pane.render(into: &canvas, context: context)
        let sampleSizes = canvas.lines.dropFirst(2).compactMap { Int($0.split(separator: " ").first?.filter(\.isNumber) ?? "") }
        #expect(!sampleSizes.isEmpty && sampleSizes.allSatisfy { $0 <= Self.sample.rowCount })
        let job = try #require(started.first)
        #expect(started.count == 1)
        job.handle.finish(Result { try job.work(job.handle) })
        _ = pane.update(.jobEnded(job.handle), context: context)
        pane.layOut(context, width: 200, height: 30)
        #expect(pane.title.hasSuffix("figures: table of 48,842"), "\(pane.title)")
    }

    @Test func aStoppedOrFailedMeasureLeavesTheSamplesFigures() throws {
        var pane = SlicesPane()
        let failing = try context(Engine(fails: true))
        var errors: [String] = []
        for _ in 0..<2 {
            for command in pane.settle(.layout(width: 200, height: 30), context: failing) {
                if case .error(let text) = command { errors.append(text) }
            }
        }
        #expect(pane.title.hasSuffix("figures: sample (the engine failed)"), "\(pane.title)")
        #expect(errors.count == 1 && errors[0].contains("the engine is down"), "\(errors)")
        let sizes = render(&pane, failing, width: 200, height: 30).lines.dropFirst(2)
            .compactMap { Int($0.split(separator: " ").first?.filter(\.isNumber) ?? "") }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 <= Self.sample.rowCount })

        // Esc stops the engine's work: the sample's figures stay, and nothing is asked again.
        let engine = Engine()
        let stopped = try context(engine)
        var other = SlicesPane()
        for _ in 0..<3 { _ = drive(&other, .layout(width: 200, height: 30), stopped, stop: true) }
        #expect(other.title.hasSuffix("figures: sample (stopped)"), "\(other.title)")
        #expect(engine.questions.withLock { $0 }.count == 1)
    }

    @Test func picksAndThresholdsKeepTheSamplesFigures() throws {
        let engine = Engine()
        var pane = SlicesPane()
        let picked = try context(engine)
        var figures = try #require(picked.engine)
        figures.filter = nil
        var context = picked
        context.engine = figures
        pane.layOut(context, width: 200, height: 30)
        #expect(pane.title.hasSuffix("figures: sample (a filter of picked rows)"), "\(pane.title)")

        let threshold = try ScoreThreshold(value: 0.3, dataset: Self.sample, roles: adultRoles)
        var moved = try self.context(engine)
        moved = PaneContext(id: moved.id, state: try Explorer.reduce(moved.state, .setThreshold(threshold)).0, theme: moved.theme,
                            glyphs: moved.glyphs, focused: true, brush: nil, engine: moved.engine)
        var other = SlicesPane()
        other.layOut(moved, width: 200, height: 30)
        #expect(other.title.hasSuffix("figures: sample (a moved threshold)"), "\(other.title)")
        #expect(engine.questions.withLock { $0 }.isEmpty)
    }

    @Test func theDuplicatesPaneSaysItSearchesTheSample() throws {
        var pane = DuplicatesPane()
        let context = try context(Engine())
        pane.layOut(context, width: 120, height: 20)
        #expect(pane.title == "Duplicates · on sample 3,000 of 48,842", "\(pane.title)")
        var whole = DuplicatesPane()
        whole.layOut(paneContext(ExplorerState(dataset: Self.sample, roles: adultRoles)), width: 120, height: 20)
        #expect(whole.title == "Duplicates")
    }
}
