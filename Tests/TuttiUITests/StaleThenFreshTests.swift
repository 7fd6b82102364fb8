import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// Work moved off the frame: after a state change a pane shows what it had (stale, and says it
/// is updating) until the work for the new state comes back; work for a state that has been
/// left behind is dropped, and at most one job per value runs at a time.
@Suite struct StaleThenFreshTests {
    @Test func aNewFilterShowsTheSummaryOfTheOneBeforeUntilItsOwnArrives() throws {
        var pane = SummaryPane()
        _ = render(&pane, paneContext(try adultState(filter: "age > 80")), width: 110, height: 30)
        #expect(pane.title == "Summary")
        let next = paneContext(try adultState(filter: "age < 20"))
        let jobs = pane.layOutHoldingWork(next, width: 110, height: 30)
        #expect(jobs.count == 1)
        let stale = draw(pane, next, width: 110, height: 30)
        #expect(pane.title == "Summary · updating…")
        #expect(summaryLine("age", in: stale).contains("81–90 (all 17–90)"), "\(stale.text)")
        let again = pane.layOutHoldingWork(next, width: 110, height: 30)
        #expect(again.isEmpty, "no second job while one runs")
        finish(jobs, in: &pane, context: next)
        let done = pane.layOutHoldingWork(next, width: 110, height: 30)
        #expect(done.isEmpty, "every column in view has its figures")
        let fresh = draw(pane, next, width: 110, height: 30)
        #expect(pane.title == "Summary")
        #expect(summaryLine("age", in: fresh).contains("17–19 (all 17–90)"), "\(fresh.text)")
    }

    @Test func summaryWorkForAFilterLeftBehindIsDroppedAndTheNewestFilterIsComputedNext() throws {
        var pane = SummaryPane()
        _ = render(&pane, paneContext(try adultState(filter: "age > 80")), width: 110, height: 30)
        let left = paneContext(try adultState(filter: "age < 20"))
        let first = pane.layOutHoldingWork(left, width: 110, height: 30)
        let newest = paneContext(try adultState(filter: "age >= 30 and age < 40"))
        let waiting = pane.layOutHoldingWork(newest, width: 110, height: 30)
        #expect(waiting.isEmpty, "waits for the running job")
        finish(first, in: &pane, context: newest)
        let between = draw(pane, newest, width: 110, height: 30)
        #expect(summaryLine("age", in: between).contains("81–90 (all 17–90)"), "the figures of age < 20 were dropped:\n\(between.text)")
        #expect(pane.title == "Summary · updating…")
        let second = pane.layOutHoldingWork(newest, width: 110, height: 30)
        #expect(second.count == 1)
        finish(second, in: &pane, context: newest)
        let fresh = render(&pane, newest, width: 110, height: 30)
        #expect(summaryLine("age", in: fresh).contains("30–39 (all 17–90)"), "\(fresh.text)")
        #expect(pane.title == "Summary")
    }

    @Test func theMetricPerBinStaysDrawnUntilTheNewFilterIsMeasured() throws {
        let state = try HistogramOverlayTests.smallState()
        var pane = HistogramPane(column: "x", bins: 4, overlay: .error)
        let before = render(&pane, paneContext(state), width: 40, height: 12)
        #expect(HistogramOverlayTests.marks("◆", in: before).map(\.y) == [9, 5, 1, 7], "\(before.text)")
        let filtered = paneContext(try Explorer.reduce(state, .setFilter("x != 2 or label == prediction")).0)
        let jobs = pane.layOutHoldingWork(filtered, width: 40, height: 12)
        #expect(jobs.count == 1)
        let stale = draw(pane, filtered, width: 40, height: 12)
        #expect(HistogramOverlayTests.marks("◆", in: stale).map(\.y) == [9, 5, 1, 7], "\(stale.text)")
        #expect(pane.title.hasSuffix("updating…"))
        finish(jobs, in: &pane, context: filtered)
        let fresh = draw(pane, filtered, width: 40, height: 12)
        #expect(HistogramOverlayTests.marks("◆", in: fresh).map(\.y) == [9, 9, 1, 7], "\(fresh.text)")
        #expect(pane.title == "Histogram: x")
    }

    @Test func aThresholdStepRemeasuresTheReliabilityCurveOffTheFrame() throws {
        var explorer = Explorer(state: ExplorerState(dataset: adult, roles: adultRoles))
        var pane = HistogramPane(column: "prediction", overlay: .error)
        _ = render(&pane, paneContext(explorer.state))
        try explorer.apply(.previewThreshold(try ScoreThreshold(value: 0.9, dataset: adult, roles: adultRoles)))
        let moved = paneContext(explorer.state)
        let jobs = pane.layOutHoldingWork(moved, width: 80, height: 20)
        #expect(jobs.count == 1, "the new predictions are measured in the background")
        #expect(pane.title.hasSuffix("updating…"))
        finish(jobs, in: &pane, context: moved)
        _ = draw(pane, moved)
        #expect(!pane.title.hasSuffix("updating…"))
    }

    @Test func aRefreshingValueRunsOneJobAtATimeAndComputesTheNewestKeyNext() {
        var value = RefreshingValue<Int, String>()
        let first = value.request(for: 1, label: "test") { _ in "one" }
        #expect(first.count == 1 && value.isWorking && value.value == nil)
        let second = value.request(for: 2, label: "test") { _ in "two" }
        let third = value.request(for: 3, label: "test") { _ in "three" }
        #expect(second.isEmpty && third.isEmpty)
        let handle = jobs(first)[0].handle
        run(jobs(first))
        let received = value.receive(handle)
        #expect(received)
        #expect(value.value == "one" && !value.isFresh, "key 1's value, shown while 3 is computed")
        let next = value.request(for: 3, label: "test") { _ in "three" }
        run(jobs(next))
        let receivedNext = value.receive(jobs(next)[0].handle)
        #expect(receivedNext)
        #expect(value.value == "three" && value.isFresh)
        let again = value.request(for: 3, label: "test") { _ in "again" }
        #expect(again.isEmpty, "a fresh value is not computed again")
    }

    @Test func aFailedJobIsNotStartedAgainUntilTheKeyChanges() {
        struct Broken: Error {}
        var value = RefreshingValue<Int, String>()
        let started = value.request(for: 1, label: "test") { _ in throw Broken() }
        run(jobs(started))
        let received = value.receive(jobs(started)[0].handle)
        #expect(received)
        #expect(value.problem != nil && value.value == nil)
        let same = value.request(for: 1, label: "test") { _ in "one" }
        #expect(same.isEmpty)
        let other = value.request(for: 2, label: "test") { _ in "two" }
        #expect(other.count == 1 && value.problem == nil)
    }

    // MARK: Helpers

    private func jobs(_ commands: [PaneCommand]) -> [JobRequest] {
        commands.compactMap { if case .start(let job) = $0 { job } else { nil } }
    }

    private func run(_ jobs: [JobRequest]) {
        for job in jobs { job.handle.finish(Result { try job.work(job.handle) }) }
    }

    /// Runs `jobs` and hands their ends to `pane`.
    private func finish<P: Pane>(_ jobs: [JobRequest], in pane: inout P, context: PaneContext) {
        run(jobs)
        for job in jobs { _ = pane.update(.jobEnded(job.handle), context: context) }
    }

    /// Renders `pane` as its last layout left it.
    private func draw<P: Pane>(_ pane: P, _ context: PaneContext, width: Int = 80, height: Int = 20) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        pane.render(into: &canvas, context: context)
        return canvas
    }
}

extension Pane {
    /// Lays the pane out once, leaving the work it asks for unstarted; returns that work.
    mutating func layOutHoldingWork(_ context: PaneContext, width: Int, height: Int) -> [JobRequest] {
        update(.layout(width: width, height: height), context: context).compactMap { if case .start(let job) = $0 { job } else { nil } }
    }
}
