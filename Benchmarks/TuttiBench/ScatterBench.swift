import Foundation
import TuttiCore
import TuttiTerminal
import TuttiThemes
import TuttiUI

/// Times the scatter pane on `rows` synthetic points (five Gaussian clusters, a label of five
/// classes): opening it (the points read, the dot grid made), a frame of the whole interface
/// while a rectangle brush moves over it (the histograms following live), the brush step
/// itself (the keymap's input to the new counts of every histogram from the 2-D brush tables),
/// a frame while a histogram is brushed (the plot's dots per histogram bin, tabled when the
/// brush starts, OR-ed over the brushed bins), a frame after the filter changed (every point
/// rastered again; the summary pane recomputes too), and the same with the scatter pane alone
/// (maximized), in wall-clock and CPU time. Headless: a frame is laid out and rendered into a
/// canvas.
enum ScatterBench {
    static let steps = 200

    /// `rows` points around five centres, with a label naming each point's cluster.
    static func dataset(rows: Int) -> Dataset {
        var random = SystemRandomNumberGenerator()
        var xs = [Double](repeating: 0, count: rows), ys = xs
        var labels = [UInt32](repeating: 0, count: rows)
        let centres: [(Double, Double)] = [(0, 0), (4, 1), (-3, 3), (1, 5), (-2, -4)]
        for row in 0..<rows {
            let cluster = Int.random(in: 0..<centres.count, using: &random)
            let radius = (-2 * log(Double.random(in: 1e-12...1, using: &random))).squareRoot()
            let angle = Double.random(in: 0..<(2 * Double.pi), using: &random)
            xs[row] = centres[cluster].0 + radius * cos(angle)
            ys[row] = centres[cluster].1 + radius * sin(angle)
            labels[row] = UInt32(cluster)
        }
        let all = RowSet(rowCount: rows, allSet: true)
        return Dataset(source: "scatter-bench", rowCount: rows, columns: [
            Column(name: "umap_1", data: .float(xs), validity: all), Column(name: "umap_2", data: .float(ys), validity: all),
            Column(name: "label", data: .categorical(codes: labels, dictionary: StringTable(["a", "b", "c", "d", "e"])), validity: all),
        ])
    }

    static func run(rows: Int, width: Int = 200, height: Int = 60) {
        let data = dataset(rows: rows)
        let theme = ThemeChoice.resolve(requested: nil, colors: 256, noColor: false, loader: ThemeLoader(files: ThemeFolders().read())).theme
        let app = App(terminal: RecordingTerminal(width: width, height: height),
                      workspace: Workspace(dataset: data, roles: ColumnRoles.infer(from: data), theme: theme, glyphs: .unicode),
                      jobs: BackgroundJobs(inline: true))
        app.apply(.openHistogram("umap_1"))
        _ = app.frame(width: width, height: height)
        let open = TuttiBench.seconds {
            app.apply(.showPane(.scatter))
            _ = app.frame(width: width, height: height)
        }
        for _ in 0..<12 { app.apply(.send(.down)) }
        for _ in 0..<20 { app.apply(.send(.right)) }
        let still = (0..<20).map { _ in TuttiBench.seconds {
            _ = app.frame(width: width, height: height)
        } }
        let start = TuttiBench.seconds { app.apply(.send(.extendRight)) }
        var update: [Double] = [], frame: [Double] = []
        let moves: [PaneInput] = [.extendRight, .extendDown, .extendRight, .extendDown, .extendLeft, .extendUp, .extendLeft, .extendUp]
        for step in 0..<steps {
            update.append(TuttiBench.seconds { app.apply(.send(moves[step % moves.count])) })
            frame.append(TuttiBench.seconds {
                _ = app.frame(width: width, height: height)
            })
        }
        let brushed = app.workspace.brush?.selectedCount ?? -1
        app.apply(.cancel)
        while app.workspace.panes[app.workspace.focus]?.kind != .histogram { app.apply(.cycleFocus(1)) }
        app.apply(.send(.extendRight))
        var following: [Double] = []
        for step in 0..<40 {
            app.apply(.send(step % 10 < 5 ? .extendRight : .extendLeft))
            following.append(TuttiBench.seconds {
                _ = app.frame(width: width, height: height)
            })
        }
        app.apply(.cancel)
        var refiltered: [Double] = []
        for step in 0..<20 {
            app.apply(.dispatch(.setFilter(step % 2 == 0 ? "umap_1 > 0" : "label != \"c\"")))
            refiltered.append(TuttiBench.seconds {
                _ = app.frame(width: width, height: height)
            })
        }
        // The scatter pane alone (maximized): a frame after a filter change rasters every point
        // once; the other panes (the summary's quantiles) no longer take part.
        while app.workspace.panes[app.workspace.focus]?.kind != .scatter { app.apply(.cycleFocus(1)) }
        app.apply(.toggleMaximized)
        _ = app.frame(width: width, height: height)
        var alone: [Double] = [], aloneCPU: [Double] = []
        for step in 0..<20 {
            app.apply(.dispatch(.setFilter(step % 2 == 0 ? "umap_1 > 0" : "label != \"c\"")))
            let (wall, cpu) = EmbeddingBench.measure { _ = app.frame(width: width, height: height) }
            alone.append(wall)
            aloneCPU.append(cpu)
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] * 1000 }
        func p99(_ values: [Double]) -> Double { values.sorted()[values.count * 99 / 100] * 1000 }
        print("{\"rows\": \(rows), \"terminal\": \"\(width)x\(height)\", \"panes\": \(app.workspace.panes.count), "
              + "\"open_scatter_ms\": \(open * 1000), \"still_frame_median_ms\": \(median(still)), \"brush_start_ms\": \(start * 1000), "
              + "\"brush_step_median_ms\": \(median(update)), \"brush_step_p99_ms\": \(p99(update)), "
              + "\"brushing_frame_median_ms\": \(median(frame)), \"brushing_frame_p99_ms\": \(p99(frame)), \"brushed_rows\": \(brushed), "
              + "\"histogram_brush_frame_median_ms\": \(median(following)), \"refiltered_frame_median_ms\": \(median(refiltered)), "
              + "\"scatter_alone_refiltered_frame_median_ms\": \(median(alone)), \"scatter_alone_refiltered_frame_cpu_median_ms\": \(median(aloneCPU))}")
    }
}
