import Foundation
import TuttiCore

/// Sharing on a loaded file, loading not timed; prints one JSON line (best of 3 runs each):
///
///     share FILE EXPR OUTDIR   with the rows passing EXPR selected: the dataset fingerprint,
///                              saving the view (capture + atomic write), reading and restoring
///                              it, exporting the selection to OUTDIR/selection.csv (what `x`
///                              does), and building and writing an HTML report with the default
///                              panes (SliceLine and the duplicate search included)
enum ShareBench {
    static func run(path: String, expression: String, folder: String) throws {
        let dataset = try DatasetLoader.load(path).dataset
        let roles = ColumnRoles.infer(from: dataset)
        var explorer = Explorer(state: ExplorerState(dataset: dataset, roles: roles))
        let rows = try FilterExpression(expression, dataset: dataset).evaluate(dataset)
        try explorer.apply(.select(rows, .rows))
        let state = explorer.state
        let layout = LayoutNode.pane(ViewPane(kind: .rows))
        let viewPath = folder + "/view.json", exportPath = folder + "/selection.csv", reportPath = folder + "/report.html"

        let fingerprint = best { _ = DatasetFingerprint.of(dataset) }
        let save = try best {
            try ViewDocument(state: state, datasetPath: path, layout: layout, focus: 0, theme: nil).write(to: viewPath, overwrite: true)
        }
        let restore = try best { _ = try ViewDocument.read(path: viewPath).restore(on: dataset, roles: roles) }
        let export = try best {
            try RowExporter(dataset: dataset, rows: rows).export(to: exportPath, options: ExportOptions(overwrite: true))
        }
        let report = try best {
            let built = try ReportBuilder.build(ReportInput(state: state, datasetName: path))
            try ReportFormat.write(built, to: reportPath, format: .html, overwrite: true)
        }
        let viewBytes = (try? FileManager.default.attributesOfItem(atPath: viewPath)[.size] as? Int) ?? 0
        print("{\"rows\": \(dataset.rowCount), \"selected\": \(rows.count), \"fingerprint_s\": \(fingerprint), "
              + "\"view_save_s\": \(save), \"view_bytes\": \(viewBytes), \"view_restore_s\": \(restore), "
              + "\"export_selection_s\": \(export), \"report_html_s\": \(report)}")
    }

    private static func best(_ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<3 { times.append(try TuttiBench.seconds(body)) }
        return times.min()!
    }
}
