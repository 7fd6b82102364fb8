import Foundation
import TuttiCore
import TuttiTerminal
import TuttiThemes
import TuttiUI

/// Times one brush step in the real interface: the state update (keymap → pane → brush tables),
/// the frame (every pane laid out, then rendered into a canvas), and the flush to the terminal. Run it in a real
/// terminal (Benchmarks/frame_bench.sh runs it in tmux); results go to a file.
enum FrameBench {
    static func run(path: String, output: String) throws {
        let dataset = try DatasetLoader.load(path).dataset
        let terminal = try CursesTerminal()
        var lines: [String] = []
        do {
            defer { terminal.shutdown() }
            let roles = ColumnRoles.infer(from: dataset)
            let theme = ThemeChoice.resolve(requested: nil, colors: 256, noColor: false, loader: ThemeLoader(files: ThemeFolders().read())).theme
            let workspace = Workspace(dataset: dataset, roles: roles, theme: theme, glyphs: .unicode)
            let app = App(terminal: terminal, workspace: workspace)
            // Five panes: summary, rows, two default histograms, and one more.
            app.apply(.openHistogram("age"))
            let size = terminal.size
            terminal.draw(app.frame(width: size.width, height: size.height))
            var update: [Double] = [], render: [Double] = [], flush: [Double] = [], total: [Double] = []
            let start = TuttiBench.seconds { app.handle(.key(KeyEvent(.right, modifiers: .shift))) }
            for step in 0..<300 {
                let key = KeyEvent(step % 20 < 10 ? .right : .left, modifiers: .shift)
                var canvas: Canvas?
                let u = TuttiBench.seconds { app.handle(.key(key)) }
                let r = TuttiBench.seconds { canvas = app.frame(width: size.width, height: size.height) }
                let f = TuttiBench.seconds { terminal.draw(canvas!) }
                update.append(u); render.append(r); flush.append(f); total.append(u + r + f)
            }
            func stats(_ name: String, _ values: [Double]) -> String {
                let sorted = values.sorted()
                return "\"\(name)_median_ms\": \(sorted[sorted.count / 2] * 1000), \"\(name)_p99_ms\": \(sorted[sorted.count * 99 / 100] * 1000)"
            }
            lines.append("{\"rows\": \(dataset.rowCount), \"panes\": \(app.workspace.panes.count), \"terminal\": \"\(size.width)x\(size.height)\", "
                         + "\"brush_start_ms\": \(start * 1000), " + stats("update", update) + ", " + stats("render", render) + ", "
                         + stats("flush", flush) + ", " + stats("frame", total) + "}")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
    }
}
