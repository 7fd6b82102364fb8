import Foundation
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

@Suite struct ExportAndClipboardTests {
    func workspace() -> TestWorkspace { TestWorkspace() }

    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tutti-ui-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func type(_ text: String, into ws: TestWorkspace) {
        ws.apply(.editPrompt { $0.deleteToStart(); $0.moveEnd(); $0.deleteToStart() })
        ws.apply(.editPrompt { $0.insert(text) })
    }

    @Test func exportsTheSelectionAndSaysSo() throws {
        let ws = workspace()
        _ = ws.frame(width: 120, height: 40)
        let selected = try FilterExpression("age >= 60", dataset: adult).evaluate(adult)
        ws.apply(.dispatch(.select(selected, .rows)))
        ws.apply(.openPrompt(.exportRows))
        #expect(ws.prompt?.editor.text == "adult_scored-selection.csv")
        let canvas = ws.frame(width: 120, height: 40)
        #expect(canvas.lines[38].hasPrefix("export to: adult_scored-selection.csv"))
        #expect(canvas.lines[39].contains("\(NumberFormatting.grouped(selected.count)) selected rows"))
        let path = try folder() + "/old.csv"
        type(path, into: ws)
        ws.apply(.submitPrompt)
        #expect(ws.prompt == nil)
        #expect(ws.message?.text.contains("exported \(NumberFormatting.grouped(selected.count)) selected rows") == true)
        let back = try DatasetLoader.load(path).dataset
        #expect(back.rowCount == selected.count)
        #expect(back.columns.count == adult.columns.count)
    }

    @Test func withNothingSelectedItExportsTheFilteredRowsAndVisibleColumnsOnTab() throws {
        let ws = workspace()
        ws.apply(.dispatch(.setFilter("sex == \"Female\"")))
        ws.apply(.showPane(.rows))
        _ = ws.frame(width: 100, height: 40)
        ws.apply(.send(.action(.hideColumn)))
        let visible = (ws.panes[ws.focus] as? RowsPane)?.shownColumns ?? []
        #expect(visible.count == adult.columns.count - 1, "every column but the hidden one, however wide the terminal")
        ws.apply(.openPrompt(.exportRows))
        ws.apply(.togglePromptColumns)
        #expect(ws.frame(width: 100, height: 40).lines[39].contains("visible columns only"))
        let path = try folder() + "/women.jsonl"
        type(path, into: ws)
        ws.apply(.submitPrompt)
        #expect(ws.message?.text.contains("the 16,192 filtered rows (nothing selected)") == true)
        let back = try DatasetLoader.load(path).dataset
        #expect(back.rowCount == 16_192)
        #expect(back.columns.map(\.name) == visible)
    }

    @Test func asksBeforeReplacingAFile() throws {
        let ws = workspace()
        let path = try folder() + "/exists.csv"
        try Data("keep\n1\n".utf8).write(to: URL(fileURLWithPath: path))
        ws.apply(.openPrompt(.exportRows))
        type(path, into: ws)
        ws.apply(.submitPrompt)
        #expect(ws.prompt?.confirmingOverwrite == true)
        #expect(ws.frame(width: 120, height: 40).lines[39].contains("exists: replace it? y replaces"))
        ws.apply(.answerOverwrite(false))
        #expect(ws.prompt?.confirmingOverwrite == false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep\n1\n")
        ws.apply(.submitPrompt)
        ws.apply(.answerOverwrite(true))
        #expect(ws.prompt == nil)
        #expect(try DatasetLoader.load(path).dataset.rowCount == adult.rowCount)
    }

    @Test func badPathsKeepThePromptOpenWithTheProblem() throws {
        let ws = workspace()
        ws.apply(.openPrompt(.exportRows))
        type(try folder() + "/rows.xlsx", into: ws)
        ws.apply(.submitPrompt)
        #expect(ws.prompt?.problem?.contains("xlsx") == true || ws.prompt?.problem?.contains("extension") == true)
        type("/no/such/folder/rows.csv", into: ws)
        ws.apply(.submitPrompt)
        #expect(ws.prompt?.problem != nil)
        ws.apply(.cancel)
        #expect(ws.prompt == nil)
    }

    @Test func rWritesAReportOfTheViewsPanes() throws {
        let ws = workspace()
        ws.apply(.dispatch(.setFilter("age >= 30")))
        ws.apply(.showPane(.confusion))
        ws.apply(.openPrompt(.saveReport))
        #expect(ws.prompt?.editor.text == "adult_scored-report.html")
        let path = try folder() + "/report.md"
        type(path, into: ws)
        ws.apply(.submitPrompt)
        #expect(ws.message?.text == "wrote the report to \(path)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("`age >= 30`") && text.contains("## Confusion matrix") && text.contains("## Histogram: score"))
        #expect(text.contains("## Rows"))
    }

    @Test func aWriteErrorBringsThePromptBackWithTheProblem() {
        let ws = workspace()
        ws.apply(.openPrompt(.exportRows))
        type("/proc/tutti-cannot-write-here.csv", into: ws)
        ws.apply(.submitPrompt)
        #expect(ws.prompt?.purpose == .exportRows)
        #expect(ws.prompt?.editor.text == "/proc/tutti-cannot-write-here.csv")
        #expect(ws.prompt?.problem?.contains("/proc") == true)
    }

    @Test func wAndRNeverWriteOverTheData() throws {
        let ws = workspace()
        let before = try FileManager.default.attributesOfItem(atPath: adult.source)[.size] as? Int
        for purpose in [PromptPurpose.saveView, .saveReport] {
            ws.apply(.openPrompt(purpose))
            type(adult.source, into: ws)
            ws.apply(.submitPrompt)
            ws.apply(.answerOverwrite(true))
            // A view is refused for being the input; a report already for its name (.csv).
            #expect(ws.prompt?.problem.map { $0.contains("refusing to write over the input") || $0.contains("report format") } == true,
                    "\(purpose): \(ws.prompt?.problem ?? "no problem")")
            ws.apply(.cancel)
        }
        #expect(try FileManager.default.attributesOfItem(atPath: adult.source)[.size] as? Int == before)
    }

    @Test func theMinimumSliceSizeStopsAtTheFilteredRows() {
        let ws = workspace()
        ws.apply(.showPane(.slices))
        _ = ws.frame(width: 120, height: 40)
        for _ in 0..<80 {
            ws.apply(.send(.action(.doubleMinimumSize)))
        }
        let pane = ws.panes[ws.focus] as? SlicesPane
        #expect(pane?.options.minimumSize == adult.rowCount)
    }

    @Test func escClosesThePairViewerBeforeClearingTheSelection() {
        let ws = workspace()
        ws.apply(.dispatch(.select(RowSet(rowCount: adult.rowCount, allSet: true), .rows)))
        ws.apply(.showPane(.duplicates))
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.send(.enter))
        #expect((ws.panes[ws.focus] as? DuplicatesPane)?.pair != nil)
        ws.apply(.cancel)
        #expect((ws.panes[ws.focus] as? DuplicatesPane)?.pair == nil)
        #expect(ws.state.selection != nil)
        ws.apply(.cancel)
        #expect(ws.state.selection == nil)
    }

    @Test func aLongMessageTakesTheFooterAndTheNextKeyClearsIt() {
        let ws = workspace()
        ws.apply(.say("saved the view to /a/rather/long/path/that/does/not/fit/beside/the/counts/in/the/status/line/view.json · tutti open it"))
        let lines = ws.frame(width: 100, height: 30).lines
        #expect(lines[29].hasPrefix("saved the view to /a/rather/long"))
        ws.apply(.event(.key(KeyEvent(.down))))
        #expect(ws.message == nil)
        #expect(!ws.frame(width: 100, height: 30).lines[29].hasPrefix("saved"))
    }

    @Test func copiesSelectedIdsWithOSC52AndCapsTheSize() throws {
        let ws = workspace()
        let few = try FilterExpression("age == 90", dataset: adult).evaluate(adult)
        ws.apply(.dispatch(.select(few, .rows)))
        ws.apply(.copy)
        let sequence = try #require(ws.terminal.controlSequences.last)
        #expect(ws.terminal.controlSequences.count == 1)
        #expect(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{07}"))
        let payload = String(sequence.dropFirst(7).dropLast())
        let text = String(decoding: Data(base64Encoded: payload) ?? Data(), as: UTF8.self)
        #expect(text.split(separator: "\n").count == few.count)
        #expect(ws.message?.text.contains("copied \(few.count)") == true)

        ws.apply(.dispatch(.select(RowSet(rowCount: adult.rowCount, allSet: true), .rows)))
        ws.apply(.copy)
        let capped = try #require(ws.terminal.controlSequences.last)
        #expect(ws.terminal.controlSequences.count == 2)
        #expect(capped.utf8.count < ClipboardSequence.limit * 4 / 3 + 100)
        #expect(ws.message?.text.contains("of 48,842") == true)
    }

    @Test func tmuxGetsThePassthroughWrapping() {
        let wrapped = ClipboardSequence.osc52("hi", tmux: true)
        #expect(wrapped == "\u{1B}]52;c;aGk=\u{07}" + "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
        let ws = workspace()
        ws.apply(.event(.key(KeyEvent(.character("y")))))
        #expect(ws.terminal.controlSequences.isEmpty)
        #expect(ws.message?.text.hasPrefix("nothing to copy") == true)
    }

    @Test func theClipboardIsAnEffectTheWorkspaceReturns() {
        var workspace = adultWorkspace()
        workspace.insideTmux = true
        _ = workspace.update(.dispatch(.toggleRow(7)))
        let effects = workspace.update(.event(.key(KeyEvent(.character("y")))))
        guard effects.count == 1, case .clipboard(let sequence) = effects[0] else {
            Issue.record("expected one clipboard effect, got \(effects)")
            return
        }
        #expect(sequence == ClipboardSequence.osc52("7", tmux: true))
        #expect(workspace.message?.text == "copied 1 row numbers to the clipboard")
    }
}

@Suite struct BackgroundJobsTests {
    @Test func escStopsARunningJobAndItsCompletionRuns() throws {
        let jobs = BackgroundJobs()
        let ended = Atomicish()
        var outcome = ""
        let job = JobRequest(label: "waiting") { handle -> Int in
            while !handle.cancellation.isCancelled { usleep(1_000) }
            ended.set()
            throw TuttiError("stopped")
        }
        jobs.start(job) { handle in
            if case .cancelled = handle.phase { outcome = "cancelled" }
        }
        let handle = job.handle
        handle.report(0.5, detail: "half")
        #expect(jobs.running.count == 1 && handle.progressText == " (half) 50%")
        #expect(jobs.cancelAll() == 1)
        #expect(handle.isStopping && jobs.cancelAll() == 0)
        jobs.waitUntilIdle(timeout: .seconds(20))
        #expect(ended.value)
        #expect(jobs.running.isEmpty)
        jobs.deliverCompletions()
        #expect(outcome == "cancelled")
    }

    @Test func aBackgroundValueRecomputesOnlyWhenItsKeyChanges() {
        let jobs = BackgroundJobs(inline: true)
        var value = BackgroundValue<Int, Int>()
        let runs = Atomicish()
        /// Runs what `request` asked to start, hands the end back, and reads the value.
        func ready(_ commands: [PaneCommand]) -> Int? {
            for case .start(let job) in commands {
                jobs.start(job) { handle in
                    let taken = value.receive(handle)
                    #expect(taken)
                }
            }
            if case .ready(let number) = value.status { return number }
            return nil
        }
        #expect(ready(value.request(for: 1, label: "x", work: { _ in runs.set(); return 10 })) == 10)
        #expect(runs.value)
        #expect(value.request(for: 1, label: "x", work: { _ in 99 }).isEmpty)
        #expect(ready([]) == 10)
        #expect(ready(value.request(for: 2, label: "x", work: { _ in 20 })) == 20)
    }
}

/// A flag set from another thread.
final class Atomicish: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
