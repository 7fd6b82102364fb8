import Foundation
import Testing
import TuttiCore
import TuttiPostgres
import TuttiTerminal
import TuttiTestSupport
@testable import TuttiUI
@testable import tutti

/// The explorer's slices pane over the Adult table in PostgreSQL: slices found on the explorer's
/// sample (the first 3,000 rows), then measured by the engine over the whole table through the
/// explorer's own connection — the figures `tutti slices URL --discover` gives the same slices.
@Suite struct DatabaseSlicesPaneTests {
    /// Updates `pane` with `message`, running the work it starts at once (its end goes back to it).
    private func settle(_ pane: inout SlicesPane, _ message: PaneMessage, _ context: PaneContext) {
        for command in pane.update(message, context: context) {
            guard case .start(let job) = command else { continue }
            job.handle.finish(Result { try job.work(job.handle) })
            settle(&pane, .jobEnded(job.handle), context)
        }
    }

    @Test func thePanesFiguresAreTheEngineFiguresOfTheSlicesCommand() throws {
        let url = try PostgresServer.withAdult().url(query: "table=adult")
        let connection = EngineConnection(url: try DatabaseURL(url), query: nil)
        let sample = try connection.sample(limit: 3000, work: WorkContext())
        #expect(sample.dataset.rowCount == 3000)
        var workspace = Workspace(dataset: sample.dataset, roles: ColumnRoles.infer(from: sample.dataset), theme: .fallback,
                                  glyphs: .unicode)
        var rows = connection.rows()
        // The table's rows as the explorer learns them: the count started with the sample.
        rows.tableRows = try rows.count("", WorkContext())
        #expect(rows.tableRows == 48842)
        workspace.engine = rows
        let context = PaneContext(id: PaneID(1), state: workspace.state, theme: .fallback, glyphs: .unicode, focused: true,
                                  brush: nil, engine: workspace.engineFigures)
        var pane = SlicesPane()
        for _ in 0..<3 { settle(&pane, .layout(width: 220, height: 30), context) }
        #expect(pane.title == "Slices: found by SliceLine · found on sample 3,000 · figures: table of 48,842", "\(pane.title)")
        var canvas = Canvas(width: 220, height: 30)
        pane.render(into: &canvas, context: context)
        let lines = canvas.lines

        let outcome = try CommandRunner.run(["slices", url, "--discover", "--sample", "100000", "--all", "--top", "60",
                                             "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        var command: [String: [String: Any]] = [:]
        for slice in document["slices"] as? [[String: Any]] ?? [] {
            command["\(slice["expression"] ?? "")"] = slice["metrics"] as? [String: Any]
        }
        let overall = try #require(document["overall"] as? [String: Any])
        let error = try #require(overall["error"] as? Double)
        #expect(lines[0].contains("all rows \(NumberFormatting.compact(error))"), "\(lines[0])")

        // Each slice listed, top to bottom, by the conditions Enter selects it with.
        var compared = 0, previous: String?
        for index in 0..<lines.count - 2 {
            var probe = pane
            guard case .dispatch(.select(_, .slice(let predicates)))? = probe.update(.input(.enter), context: context).first
            else { break }
            let expression = SliceReport.expression(predicates)
            guard expression != previous else { break }
            previous = expression
            defer { _ = pane.update(.input(.down), context: context) }
            guard let metrics = command[expression] else { continue }
            let cells = lines[index + 2].split(separator: " ")
            let size = try #require(metrics["size"] as? Int), error = try #require(metrics["error"] as? Double)
            #expect(cells.first == Substring(NumberFormatting.grouped(size)), "\(expression): \(lines[index + 2])")
            #expect(cells.dropFirst(2).first == Substring(NumberFormatting.compact(error)), "\(expression): \(lines[index + 2])")
            compared += 1
        }
        #expect(compared >= 2, "the pane and the command share \(compared) slices:\n\(lines.joined(separator: "\n"))")
    }
}
