import Foundation
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The rows pane's columns (sizing, resizing, hiding, moving), missing cells, search and
/// going to a row, drawn into a canvas and read back as text.
@Suite struct RowsPaneTests {
    /// Three rows: an id, a long review, and five columns with nothing in them.
    static let reviews: Dataset = {
        let texts = (0..<3).map { "review \($0): " + String(repeating: "good plot, slow middle, great end. ", count: 4) }
        let rows = RowSet(rowCount: 3, allSet: true)
        var columns = [Column(name: "id", data: .integer([10, 11, 12]), validity: rows),
                       Column(name: "review", data: .text(StringTable(texts)), validity: rows)]
        columns += (1...5).map { Column(name: "e\($0)", data: .float([0, 0, 0]), validity: RowSet(rowCount: 3)) }
        return Dataset(source: "reviews.csv", rowCount: 3, columns: columns)
    }()

    func reviewText(_ row: Int) -> String { Self.reviews.columns[1].text(at: row) }

    func workspace() -> TestWorkspace {
        let ws = TestWorkspace()
        ws.apply(.showPane(.rows))
        _ = ws.frame(width: 120, height: 40)
        return ws
    }

    func rowsPane(_ ws: TestWorkspace) throws -> RowsPane { try #require(ws.panes[ws.focus] as? RowsPane) }

    func answer(_ ws: TestWorkspace, _ text: String) {
        ws.apply(.editPrompt { $0.moveEnd(); $0.deleteToStart(); $0.insert(text) })
        ws.apply(.submitPrompt)
    }

    @Test func aTextColumnTakesTheWidthTheOtherColumnsLeave() {
        let context = paneContext(ExplorerState(dataset: Self.reviews, roles: ColumnRoles()), focused: false)
        let wide = render(RowsPane(), context, width: 180, height: 5)
        #expect(wide.lines[1].contains(reviewText(0).trimmingCharacters(in: .whitespaces)), "\(wide.lines[1])")
        #expect(wide.lines[0].contains("e5"))
        let narrow = render(RowsPane(), context, width: 80, height: 5)
        let shown = narrow.lines[1]
        #expect(shown.contains(String(reviewText(0).prefix(40))) && shown.contains("…"), "\(shown)")
        #expect(narrow.lines[0].contains("e5"), "the empty columns still fit: \(narrow.lines[0])")
    }

    @Test func missingCellsShowADimMarker() throws {
        let context = paneContext(ExplorerState(dataset: Self.reviews, roles: ColumnRoles()), focused: false)
        let canvas = render(RowsPane(), context, width: 180, height: 5)
        let x = try #require(canvas.lines[0].range(of: "e1").map { canvas.lines[0].distance(from: canvas.lines[0].startIndex, to: $0.lowerBound) })
        let marks = (x..<(x + 2)).filter { canvas[$0, 2].character == "·" }
        #expect(marks.count == 1, "\(canvas.lines[2])")
        #expect(marks.allSatisfy { canvas[$0, 2].style == Theme.fallback[.muted] })
        let ascii = render(RowsPane(), paneContext(ExplorerState(dataset: Self.reviews, roles: ColumnRoles()), focused: false, glyphs: .ascii), width: 180, height: 5)
        #expect(ascii.lines[2].hasSuffix(".  ."), "\(ascii.lines[2])")
    }

    @Test func theFocusedColumnWidensNarrowsHidesAndMoves() {
        var pane = RowsPane()
        let context = paneContext(ExplorerState(dataset: adult, roles: adultRoles))
        let start = render(&pane, context, width: 100, height: 8).lines[0]
        let workclassAt = { (line: String) in line.range(of: "workclass").map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? -1 }
        _ = pane.send(.action(.widenColumn), context: context)
        _ = pane.send(.action(.widenColumn), context: context)
        let wider = render(&pane, context, width: 100, height: 8).lines[0]
        #expect(workclassAt(wider) == workclassAt(start) + 2 * RowsPane.widthStep)
        _ = pane.send(.action(.narrowColumn), context: context)
        #expect(workclassAt(render(&pane, context, width: 100, height: 8).lines[0]) == workclassAt(start) + RowsPane.widthStep)
        _ = pane.send(.action(.fitColumn), context: context)
        #expect(render(&pane, context, width: 100, height: 8).lines[0] == start)
        #expect(pane.columnWidths.isEmpty)

        _ = pane.send(.action(.hideColumn), context: context)
        let hidden = render(&pane, context, width: 100, height: 8).lines[0]
        #expect(!hidden.contains("age") && hidden.contains("workclass"))
        #expect(pane.shownColumns.count == adult.columns.count - 1)
        guard case .message(let said) = pane.send(.action(.showHiddenColumns), context: context).first else {
            Issue.record("+ said nothing")
            return
        }
        #expect(said == "showing 1 hidden column again")
        #expect(render(&pane, context, width: 100, height: 8).lines[0] == start)

        _ = pane.send(.action(.moveColumnRight), context: context)
        let moved = render(&pane, context, width: 100, height: 8).lines[0]
        #expect(Array(pane.shownColumns.prefix(2)) == ["workclass", "age"])
        #expect(pane.columnCursor == 1)
        #expect(workclassAt(moved) < (moved.range(of: "age").map { moved.distance(from: moved.startIndex, to: $0.lowerBound) } ?? -1))
        _ = pane.send(.action(.moveColumnLeft), context: context)
        #expect(render(&pane, context, width: 100, height: 8).lines[0] == start)
        #expect(!pane.choosesColumns)
    }

    @Test func searchGoesToMatchesInTheSortOrderAndWraps() throws {
        let ws = workspace()
        ws.apply(.send(.action(.sort)))
        ws.apply(.send(.action(.find)))
        #expect(ws.prompt?.purpose == .searchRows)
        answer(ws, "doctorate")
        let education = try #require(adult.column(named: "education"))
        let age = try #require(adult.column(named: "age"))
        let order = RowOrdering.sorted(Array(0..<adult.rowCount), by: age, ascending: true)
        let matches = order.filter { education.text(at: $0) == "Doctorate" }
        _ = ws.frame(width: 120, height: 40)
        #expect(try rowsPane(ws).focusedCell?.row == matches[0])
        #expect(try rowsPane(ws).focusedCell?.column == "education")
        #expect(ws.message?.text.contains("“doctorate” in education of row \(matches[0]) · \(NumberFormatting.grouped(matches.count)) matching rows") == true)
        ws.apply(.send(.action(.nextMatch)))
        _ = ws.frame(width: 120, height: 40)
        #expect(try rowsPane(ws).focusedCell?.row == matches[1])
        ws.apply(.send(.action(.previousMatch)))
        ws.apply(.send(.action(.previousMatch)))
        _ = ws.frame(width: 120, height: 40)
        #expect(try rowsPane(ws).focusedCell?.row == matches.last)
        #expect(ws.message?.text.hasSuffix("wrapped around") == true)
    }

    @Test func aRegularExpressionSearchAndABadOne() throws {
        let ws = workspace()
        ws.apply(.send(.action(.find)))
        ws.apply(.togglePromptColumns)
        #expect(ws.prompt?.regex == true)
        #expect(ws.frame(width: 120, height: 40).lines[38].hasPrefix("find regex:"))
        answer(ws, "(unclosed")
        #expect(ws.prompt?.problem?.contains("not a regular expression") == true)
        answer(ws, "^holand")
        _ = ws.frame(width: 120, height: 40)
        let country = try #require(adult.column(named: "native_country"))
        #expect(try rowsPane(ws).focusedCell.map { country.text(at: $0.row) } == "Holand-Netherlands")
        ws.apply(.send(.action(.find)))
        #expect(ws.prompt?.regex == true && ws.prompt?.editor.text == "^holand", "the prompt offers the last search")
    }

    @Test func colonGoesToARowNumber() throws {
        let ws = workspace()
        ws.apply(.send(.action(.goToRow)))
        #expect(ws.prompt?.purpose == .goToRow)
        answer(ws, "12,345")
        _ = ws.frame(width: 120, height: 40)
        #expect(try rowsPane(ws).focusedCell?.row == 12_345)
        #expect(ws.message?.text == "row 12345")
        ws.apply(.send(.action(.goToRow)))
        answer(ws, "ten")
        #expect(ws.prompt?.problem == "type a row number, as in the # column")
        answer(ws, "99999999")
        #expect(ws.message?.text.hasPrefix("no row 99999999: rows are numbered 0 to") == true)
        ws.apply(.dispatch(.setFilter("age < 20")))
        ws.apply(.send(.action(.goToRow)))
        answer(ws, "0")
        #expect(ws.message?.text == "row 0 does not pass the filter")
    }

    @Test func theChosenColumnsAndWidthsComeBackFromAView() throws {
        var pane = RowsPane()
        let context = paneContext(ExplorerState(dataset: adult, roles: adultRoles))
        _ = render(&pane, context, width: 120, height: 8)
        _ = pane.send(.action(.hideColumn), context: context)
        _ = pane.send(.action(.moveColumnRight), context: context)
        _ = pane.send(.action(.widenColumn), context: context)
        let screen = render(&pane, context, width: 120, height: 8).lines
        let saved = try JSONDecoder().decode(ViewPane.self, from: JSONEncoder().encode(PaneRegistry.view(of: pane)))
        #expect(saved.settings.columns?.prefix(2) == ["fnlwgt", "workclass"])
        #expect(saved.settings.columns?.contains("age") == false)
        #expect(saved.settings.columnWidths?["workclass"] != nil)
        var again = try #require(PaneRegistry.make(saved) as? RowsPane)
        _ = render(&again, context, width: 120, height: 8)
        _ = again.send(.right, context: context)
        #expect(render(&again, context, width: 120, height: 8).lines == screen)
        #expect(PaneRegistry.view(of: RowsPane()).settings == PaneSettings(), "an unchanged pane saves nothing")
    }

    @Test func xExportsTheChosenColumnsInTheSortOrder() throws {
        let ws = workspace()
        ws.apply(.send(.action(.sort)))
        ws.apply(.send(.action(.sort)))
        ws.apply(.send(.right))
        ws.apply(.send(.action(.hideColumn)))
        ws.apply(.send(.action(.moveColumnLeft)))
        _ = ws.frame(width: 120, height: 40)
        #expect(Array(try rowsPane(ws).shownColumns.prefix(2)) == ["fnlwgt", "age"])
        let folder = NSTemporaryDirectory() + "tutti-rows-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        ws.apply(.openPrompt(.exportRows))
        ws.apply(.togglePromptColumns)
        answer(ws, folder + "/chosen.csv")
        #expect(ws.message?.text.contains("filtered rows (nothing selected), sorted by age descending") == true, "\(ws.message?.text ?? "")")
        let back = try DatasetLoader.load(folder + "/chosen.csv").dataset
        #expect(try back.columnNames == rowsPane(ws).shownColumns)
        #expect(back.rowCount == adult.rowCount)
        let ages = try #require(back.column(named: "age"))
        #expect((1..<back.rowCount).allSatisfy { ages.number(at: $0 - 1)! >= ages.number(at: $0)! })
        let fnlwgt = try #require(back.column(named: "fnlwgt"))
        #expect(fnlwgt.text(at: 0) == adult.column(named: "fnlwgt")?.text(at: ws.rowsPane!.listing.order![0]))
    }
}
