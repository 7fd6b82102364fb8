import Foundation
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// "Rows like this" in a workspace: `n` on a row of the rows, instance, familiarity and
/// duplicates panes selects the row and its k nearest neighbours (as Core finds them), which
/// every pane then shows; `K` changes k; the selection reads "10 rows like #2".
@Suite struct RowsLikeThisTests {
    /// `row` and the `k` rows Core finds nearest it among the filtered rows of `state`.
    static func expected(_ row: Int, k: Int, state: ExplorerState) throws -> RowSet {
        let columns = try #require(NeighborColumns(state)).columns(in: state.dataset)
        let neighbors = try NearestNeighbors(columns: columns, rows: state.filter.rows).neighbors(ofRow: row, k: k)
        return RowSet(rowCount: state.dataset.rowCount, rows: [row] + neighbors.map(\.row))
    }

    /// A workspace on the Adult data with the rows pane focused on row 2.
    static func onRowTwo() -> TestWorkspace {
        let ws = TestWorkspace()
        ws.apply(.showPane(.rows))
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.send(.down))
        ws.apply(.send(.down))
        _ = ws.frame(width: 120, height: 40)
        return ws
    }

    @Test func nInTheRowsPaneSelectsTheRowAndItsNeighboursForEveryPane() throws {
        let ws = Self.onRowTwo()
        #expect(ws.state.focusedRow == 2)
        #expect(NeighborColumns(ws.state)?.names == ["age", "fnlwgt", "education_num", "capital_gain", "capital_loss", "hours_per_week"])
        ws.apply(.send(.action(.nextMatch)))
        let selection = try #require(ws.state.selection)
        #expect(selection.rows == (try Self.expected(2, k: 10, state: ws.state)))
        #expect(selection.source == .described("10 rows like #2"))
        #expect(ws.message?.text.hasPrefix("selected row #2 and the 10 rows most like it (similarity ") == true, "\(String(describing: ws.message))")
        let frame = ws.frame(width: 120, height: 40)
        #expect(frame.text.contains("11 selected"), "\(frame.text)")
        ws.apply(.filterToSelection)
        #expect(ws.state.filter.expression == "10 rows like #2")
        #expect(ws.state.filteredCount == 11)
    }

    @Test func kStepsAndTheInstancePaneSelectsLikeTheRowsPane() throws {
        let ws = Self.onRowTwo()
        ws.apply(.showPane(.instance))
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.send(.action(.nextNeighborCount)))
        #expect(ws.state.neighborCount == 20)
        ws.apply(.send(.action(.rowsLikeThis)))
        let selection = try #require(ws.state.selection)
        #expect(selection.rows == (try Self.expected(2, k: 20, state: ws.state)))
        #expect(selection.source == .described("20 rows like #2"))
        for _ in 0..<4 { ws.apply(.send(.action(.nextNeighborCount))) }
        #expect(ws.state.neighborCount == 10, "after 100, k starts again at 5: 50, 100, 5, 10")
        ws.apply(.undo)
        #expect(ws.state.selection == nil && ws.state.neighborCount == 10, "undo takes back the selection, not k")
    }

    @Test func nFollowsTheFilterAndTheFamiliarityPanesCursor() throws {
        let data = FamiliarityPaneTests.planted
        let ws = TestWorkspace(Workspace(dataset: data, roles: ColumnRoles.infer(from: data), theme: .fallback, glyphs: .unicode))
        ws.apply(.dispatch(.setFilter("kind == \"b\"")))
        ws.apply(.showPane(.familiarity))
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.send(.down))
        let row = try #require(ws.state.focusedRow, "the familiarity pane's cursor row is the focused row")
        #expect(row >= 15)
        ws.apply(.send(.action(.rowsLikeThis)))
        let selection = try #require(ws.state.selection)
        #expect(selection.rows.count == 11 && selection.rows.members.allSatisfy { $0 >= 15 }, "\(selection.rows.members)")
        #expect(selection.rows == (try Self.expected(row, k: 10, state: ws.state)))
        ws.apply(.showPane(.instance))
        #expect(ws.frame(width: 120, height: 40).text.contains("Instance: row \(row)"))
    }

    @Test func nInTheDuplicatesPaneStartsFromTheClustersFirstRow() throws {
        let csv = "a,b\n1,2\n5,9\n1,2\n7,1\n6,3\n"
        let data = try DatasetLoader.load(bytes: Array(csv.utf8), name: "pairs.csv").dataset
        let state = ExplorerState(dataset: data, roles: ColumnRoles.infer(from: data))
        var pane = DuplicatesPane()
        let context = paneContext(state)
        pane.layOut(context, width: 80, height: 20)
        let commands = pane.send(.action(.rowsLikeThis), context: context)
        let selected = commands.compactMap { command -> (RowSet, SelectionSource)? in
            if case .dispatch(.select(let rows, let source)) = command { return (rows, source) }
            return nil
        }
        #expect(selected.first?.1 == .described("4 rows like #0"), "\(commands)")
        #expect(selected.first?.0.count == 5)
    }

    @Test func withASearchOnNIsTheNextMatchUntilEscEndsTheSearch() throws {
        var pane = RowsPane()
        let context = paneContext(ExplorerState(dataset: adult, roles: adultRoles))
        pane.layOut(context, width: 100, height: 20)
        #expect(pane.label(for: .nextMatch) == "rows like this")
        _ = pane.settle(.find(try CellSearch("Bachelors")), context: context)
        #expect(pane.label(for: .nextMatch) == nil)
        let next = pane.send(.action(.nextMatch), context: context)
        #expect(next.contains { if case .message(let text) = $0 { text.contains("Bachelors") } else { false } }, "\(next)")
        let ended = pane.closeInnerView(), again = pane.closeInnerView()
        #expect(ended && !again, "Esc ends the search once")
        #expect(pane.label(for: .nextMatch) == "rows like this")
    }

    @Test func dataWithoutVectorsOrNumbersSaysSo() throws {
        let data = try DatasetLoader.load(bytes: Array("name\nada\nbob\n".utf8), name: "names.csv").dataset
        var pane = InstancePane()
        let context = paneContext(ExplorerState(dataset: data, roles: ColumnRoles.infer(from: data)))
        pane.layOut(context, width: 60, height: 10)
        let commands = pane.send(.action(.rowsLikeThis), context: context)
        #expect(commands.contains { if case .error(let text) = $0 { text == NeighborColumns.missing } else { false } }, "\(commands)")
    }
}
