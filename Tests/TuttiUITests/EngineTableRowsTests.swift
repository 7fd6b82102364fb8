import Foundation
import Testing
import TuttiCore
import TuttiTerminal
import TuttiTestSupport
@testable import TuttiUI

/// The explorer on a sample opens before the engine has counted the whole table: the status line
/// and the titles show the engine's estimate, marked "≈" ("?" without one), and every one of them
/// shows the exact count once it arrives; the summary waits for it to show the table's figures.
@Suite struct EngineTableRowsTests {
    /// The whole Adult table as an engine (in memory) whose count of all its rows waits for
    /// `release`.
    final class SlowCountEngine: Sendable {
        private let gate = DispatchSemaphore(value: 0)
        private var source: MemorySource { MemorySource(dataset: adult, roles: adultRoles) }

        func release() { gate.signal() }

        func rows(estimate: Int?) -> EngineRows {
            var rows = EngineRows(estimatedRows: estimate, count: { [self] filter, _ in
                if filter.isEmpty { gate.wait() }
                return try source.rowCount(where: filter)
            }, brushTables: { [self] brushed, views, filter, _ in
                try source.brushTables(brushed: brushed, views: views, where: filter)
            }, export: { _, _, _, _, _ in throw TuttiError("not exported in this test") })
            rows.binCounts = { [self] binning, filter, _ in try source.binCounts(of: binning, where: filter) }
            rows.summaries = { [self] filter, topCount, _ in try source.summaries(where: filter, topCount: topCount) }
            return rows
        }
    }

    private static let size = (width: 200, height: 44)

    /// Frames (on worker threads' answers) until `done` holds of the last one; nil after 120 s.
    private func frame(_ ws: TestWorkspace, until done: (Canvas) -> Bool) -> Canvas? {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let canvas = ws.frame(width: Self.size.width, height: Self.size.height)
            if done(canvas) { return canvas }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    private func titles(_ ws: TestWorkspace, _ kind: PaneKind) -> [String] {
        ws.panes.filter { $0.value.kind == kind }.sorted { $0.key < $1.key }.map(\.value.title)
    }

    @Test(arguments: [(50_000, "≈50,000"), (nil, "?")] as [(Int?, String)])
    func theEstimateShowsUntilTheExactCountArrives(estimate: Int?, shown: String) throws {
        let engine = SlowCountEngine()
        let sample = adult.firstRows(3000)
        var workspace = Workspace(dataset: Dataset(source: "adult", rowCount: sample.rowCount, columns: sample.columns),
                                  roles: adultRoles, theme: .fallback, glyphs: .unicode)
        workspace.engine = engine.rows(estimate: estimate)
        let ws = TestWorkspace(workspace, jobs: BackgroundJobs())
        defer { engine.release() }

        let first = ws.frame(width: Self.size.width, height: Self.size.height)
        #expect(first.lines[Self.size.height - 2].contains("sample 3,000 of \(shown) rows"), "\(first.text)")
        // The histograms' counts of the whole table arrive; their titles say the estimate too.
        let estimated = try #require(frame(ws) { _ in
            let histograms = titles(ws, .histogram)
            return !histograms.isEmpty && histograms.allSatisfy { $0.hasSuffix("· table of \(shown)") }
        }, "\(titles(ws, .histogram))")
        #expect(estimated.lines[Self.size.height - 2].contains("sample 3,000 of \(shown) rows"))
        #expect(estimated.lines[Self.size.height - 2].contains("exact count"), "the count is listed as running")
        // The summary's figures are the table's only with its rows counted (its shares are of them).
        #expect(titles(ws, .summary).allSatisfy { !$0.contains("table of") }, "\(titles(ws, .summary))")

        engine.release()
        let exact = try #require(frame(ws) { canvas in
            canvas.lines[Self.size.height - 2].contains("sample 3,000 of 48,842 rows")
                && titles(ws, .summary).allSatisfy { $0.hasSuffix("· table of 48,842") }
        }, "\(ws.frame(width: Self.size.width, height: Self.size.height).text)")
        #expect(!exact.lines[Self.size.height - 2].contains(shown), "\(exact.text)")
        for title in titles(ws, .histogram) { #expect(title.hasSuffix("· table of 48,842"), "\(title)") }
    }
}
