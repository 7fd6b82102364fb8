import Foundation
import TuttiCore
import TuttiTerminal
import TuttiUI

/// Times one step of the live score threshold on `rows` synthetic rows (a 0/1 label, a
/// prediction at 0.5, a score, a region and an age) in the interface: the key (`→`: the
/// predictions re-derived, the state updated) and the frame (every pane laid out and rendered:
/// the default layout and the confusion pane with its per-class metrics), into a recording
/// terminal, 120 × 40. Median and 99th percentile of 60 steps. Prints one JSON line.
enum ThresholdBench {
    static func run(rows: Int) throws {
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
        let workspace = Workspace(dataset: dataset, roles: ColumnRoles.infer(from: dataset), theme: .fallback, glyphs: .unicode)
        let app = App(terminal: RecordingTerminal(width: 120, height: 40), workspace: workspace,
                      jobs: BackgroundJobs(inline: true))
        app.apply(.showPane(.confusion))
        _ = app.frame(width: 120, height: 40)
        let open = TuttiBench.seconds { app.handle(.key(KeyEvent(.character("t")))) }
        _ = app.frame(width: 120, height: 40)
        var update: [Double] = [], frame: [Double] = [], total: [Double] = []
        for step in 0..<60 {
            let key = KeyEvent(step % 20 < 10 ? .right : .left)
            let u = TuttiBench.seconds { app.handle(.key(key)) }
            let f = TuttiBench.seconds { _ = app.frame(width: 120, height: 40) }
            update.append(u); frame.append(f); total.append(u + f)
        }
        func stats(_ name: String, _ values: [Double]) -> String {
            let sorted = values.sorted()
            return "\"\(name)_median_ms\": \(sorted[sorted.count / 2] * 1000), \"\(name)_p99_ms\": \(sorted[sorted.count * 99 / 100] * 1000)"
        }
        print("{\"rows\": \(rows), \"panes\": \(app.workspace.panes.count), \"threshold\": \(app.workspace.state.threshold?.value ?? .nan), "
              + "\"open_ms\": \(open * 1000), " + stats("update", update) + ", " + stats("frame", frame) + ", " + stats("step", total) + "}")
    }
}
