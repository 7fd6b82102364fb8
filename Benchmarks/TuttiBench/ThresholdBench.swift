import Foundation
import TuttiCore
import TuttiTerminal
import TuttiUI

/// Times the frames after state changes on `rows` synthetic rows (a 0/1 label, a prediction at
/// 0.5, a score, a region and an age) in the interface, 120 × 40, into a recording terminal: the
/// default layout (summary, histograms of score and label, rows) plus the confusion pane with
/// its per-class metrics, the score histogram drawing its reliability curve (`e`).
///
/// - threshold steps (`→`/`←` while `t` moves the threshold; 60 steps): the key (predictions
///   re-derived, the state updated) and the frame (every pane laid out and rendered);
/// - filter changes (`age >= 40` and `age < 40` in turn; 10 changes): the first frame after the
///   change, and the time from the change until the background work it asked for (the summary
///   of the filtered rows, the metric per bin) has ended and a frame shows its figures ("fresh").
///
/// Background work runs on worker threads, as in the interface; with `inline` it runs on the
/// frame instead (every figure computed before the frame is drawn, as before work moved off the
/// frame). Each frame's wall time and CPU time: with worker threads the UI thread's (what the
/// frame itself costs; the work it starts runs on other threads), inline the process's. Medians
/// and 99th percentiles; prints one JSON line.
enum ThresholdBench {
    static func run(rows: Int, inline: Bool) throws {
        let app = App(terminal: RecordingTerminal(width: 120, height: 40), workspace: workspace(rows: rows),
                      jobs: BackgroundJobs(inline: inline))
        app.apply(.showPane(.confusion))
        _ = app.frame(width: 120, height: 40)
        for _ in app.workspace.panes where (app.workspace.panes[app.workspace.focus] as? HistogramPane)?.column != "score" {
            app.apply(.cycleFocus(1))
        }
        app.handle(.key(KeyEvent(.character("e"))))
        settle(app)
        let overlay = app.workspace.panes.values.contains { ($0 as? HistogramPane)?.overlayMetric != nil }
        let open = TuttiBench.seconds { app.handle(.key(KeyEvent(.character("t")))) }
        settle(app)
        let cpu = inline ? TuttiBench.cpuSeconds : threadSeconds
        var update: [Double] = [], frame: [Double] = [], frameCPU: [Double] = [], total: [Double] = []
        for step in 0..<60 {
            let key = KeyEvent(step % 20 < 10 ? .right : .left)
            let u = TuttiBench.seconds { app.handle(.key(key)) }
            let cpuStart = cpu()
            let f = TuttiBench.seconds { _ = app.frame(width: 120, height: 40) }
            frameCPU.append(cpu() - cpuStart)
            update.append(u); frame.append(f); total.append(u + f)
            settle(app)
        }
        app.handle(.key(KeyEvent(.enter)))
        settle(app)
        var filterFrame: [Double] = [], filterFrameCPU: [Double] = [], filterFresh: [Double] = []
        for change in 0..<10 {
            let start = DispatchTime.now().uptimeNanoseconds
            app.apply(.dispatch(.setFilter(change % 2 == 0 ? "age >= 40" : "age < 40")))
            let cpuStart = cpu()
            filterFrame.append(TuttiBench.seconds { _ = app.frame(width: 120, height: 40) })
            filterFrameCPU.append(cpu() - cpuStart)
            settle(app)
            filterFresh.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        func stats(_ name: String, _ values: [Double]) -> String {
            let sorted = values.sorted()
            return "\"\(name)_median_ms\": \(sorted[sorted.count / 2] * 1000), \"\(name)_p99_ms\": \(sorted[sorted.count * 99 / 100] * 1000)"
        }
        print("{\"rows\": \(rows), \"jobs\": \"\(inline ? "inline" : "threads")\", \"panes\": \(app.workspace.panes.count), "
              + "\"overlay\": \(overlay), \"threshold\": \(app.workspace.state.threshold?.value ?? .nan), \"open_ms\": \(open * 1000), "
              + [stats("update", update), stats("frame", frame), stats("frame_cpu", frameCPU), stats("step", total),
                 stats("filter_frame", filterFrame), stats("filter_frame_cpu", filterFrameCPU),
                 stats("filter_fresh", filterFresh)].joined(separator: ", ") + "}")
    }

    /// The calling thread's CPU time so far.
    private static func threadSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Waits for the background work to end, then draws the frame that shows what it found.
    private static func settle(_ app: App) {
        repeat {
            while app.isBusy { Thread.sleep(forTimeInterval: 0.001) }
            _ = app.frame(width: 120, height: 40)
        } while app.isBusy
    }

    private static func workspace(rows: Int) -> Workspace {
        var random = SplitMix64(seed: 14)
        var labels = [Int64](), predictions = [Int64](), scores = [Double](), regions = [UInt32](), ages = [Int64]()
        for _ in 0..<rows {
            let score = Double.random(in: 0..<1, using: &random)
            labels.append(Double.random(in: 0..<1, using: &random) < score ? 1 : 0)
            predictions.append(score >= 0.5 ? 1 : 0)
            scores.append(score)
            regions.append(UInt32.random(in: 0..<8, using: &random))
            ages.append(Int64.random(in: 18...90, using: &random))
        }
        let all = RowSet(rowCount: rows, allSet: true)
        let dataset = Dataset(source: "synthetic", rowCount: rows, columns: [
            Column(name: "label", data: .integer(labels), validity: all),
            Column(name: "prediction", data: .integer(predictions), validity: all),
            Column(name: "score", data: .float(scores), validity: all),
            Column(name: "region", data: .categorical(codes: regions, dictionary: StringTable((0..<8).map { "r\($0)" })),
                   validity: all),
            Column(name: "age", data: .integer(ages), validity: all),
        ])
        return Workspace(dataset: dataset, roles: ColumnRoles.infer(from: dataset), theme: .fallback, glyphs: .unicode)
    }
}
