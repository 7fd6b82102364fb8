import Foundation
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The scatter pane drawn into a canvas: known points at their exact Braille dots (and the
/// ASCII fallback), a rectangle brush that selects what its expression selects while the
/// histograms follow it live, colours with a legend, zoom, and a projection computed in the
/// background.
@Suite struct ScatterPaneTests {
    /// Points on x and y from 0 to 8: with a plot of 4 × 2 cells (8 × 8 dots) a value v falls
    /// on dot v (8 on dot 7).
    static let points: Dataset = {
        let xs: [Double] = [0, 8, 3, 0, 1], ys: [Double] = [8, 0, 5, 0, 1]
        let all = RowSet(rowCount: xs.count, allSet: true)
        return Dataset(source: "points.csv", rowCount: xs.count, columns: [
            Column(name: "x", data: .float(xs), validity: all), Column(name: "y", data: .float(ys), validity: all),
            Column(name: "kind", data: .categorical(codes: [0, 1, 0, 1, 1], dictionary: StringTable(["a", "b"])), validity: all),
        ])
    }()

    func context(_ dataset: Dataset, glyphs: Glyphs = .unicode, focused: Bool = false) -> PaneContext {
        paneContext(ExplorerState(dataset: dataset, roles: ColumnRoles()), focused: focused, glyphs: glyphs)
    }

    @Test func knownPointsLandOnTheirBrailleDots() {
        var pane = ScatterPane()
        let canvas = render(&pane, context(Self.points), width: 6, height: 5)
        #expect(pane.axes == .columns(x: "x", y: "y"))
        // (0, 8): top-left dot of the top-left cell; (3, 5): dot column 3 (right half of cell 1),
        // dot row 2 from the top. (0, 0) and (1, 1) share the bottom-left cell: its dots (0, 3) and
        // (1, 2); (8, 0) is the bottom-right dot of the bottom-right cell.
        #expect(canvas.lines[1] == "8│⠁⠠")
        #expect(canvas.lines[2] == "0│⡠  ⢀")
        #expect(canvas.lines[3] == "  0  8")
        #expect(Glyphs.braille(BrailleDots.bit(dx: 0, dy: 0)) == "⠁" && Glyphs.braille(0xFF) == "⣿")
    }

    @Test func asciiShowsHowManyPointsACellHolds() {
        var pane = ScatterPane()
        let canvas = render(&pane, context(Self.points, glyphs: .ascii), width: 6, height: 5)
        #expect(canvas.lines[1] == "8|..")
        #expect(canvas.lines[2] == "0|:  .")
    }

    @Test func filteredOutPointsStayFaintAndSelectedOnesGetTheirGlyph() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.points, roles: ColumnRoles()))
        try explorer.apply(.setFilter("x > 2"))
        try explorer.apply(.select(RowSet(rowCount: 5, rows: [1]), .rows))
        var pane = ScatterPane()
        let canvas = render(&pane, paneContext(explorer.state, focused: false), width: 6, height: 5)
        #expect(canvas.lines[1] == "8│⠁⠠")
        #expect(canvas.lines[2] == "0│⡠  ●")
        #expect(canvas[2, 1].style.attributes.contains(.dim), "the filtered-out point is faint")
        #expect(!canvas[3, 1].style.attributes.contains(.dim))
        #expect(canvas.lines[0].hasPrefix("2 row"))
    }

    @Test func aHistogramBrushMarksTheDotsOfItsBinsAsTheSelectionWould() throws {
        // Larger data than the plot's cells, some filtered out, a histogram of x brushed over bins.
        let count = 2_000
        let xs = (0..<count).map { Double($0 * 7_919 % 1_000) / 100 }, ys = (0..<count).map { Double($0 * 104_729 % 997) / 99.7 }
        let all = RowSet(rowCount: count, allSet: true)
        let data = Dataset(source: "cloud", rowCount: count, columns: [
            Column(name: "x", data: .float(xs), validity: all), Column(name: "y", data: .float(ys), validity: all),
        ])
        var explorer = Explorer(state: ExplorerState(dataset: data, roles: ColumnRoles()))
        try explorer.apply(.setFilter("y < 7"))
        let binning = try ColumnBinning(dataset: data, column: "x", bins: 10)
        var pane = ScatterPane()
        for range in [2...4, 7...7, 0...9] {
            let brush = BrushPreview(source: PaneID(9), binning: binning, anchor: range.lowerBound, range: range, views: [:],
                                     filter: explorer.state.filter.rows)
            let brushing = render(&pane, paneContext(explorer.state, focused: false, brush: brush), width: 30, height: 12)
            var selected = explorer
            try selected.apply(.select(binning.rows(in: range), .rows))
            var fresh = ScatterPane()
            let committed = render(&fresh, paneContext(selected.state, focused: false), width: 30, height: 12)
            #expect(brushing.lines.dropFirst().dropLast() == committed.lines.dropFirst().dropLast(), "bins \(range)")
            #expect(brushing.lines.joined().contains("●"))
        }
    }

    @Test func colouringByACategoryDrawsALegend() {
        var pane = ScatterPane(colorBy: "kind")
        let state = ExplorerState(dataset: Self.points, roles: ColumnRoles())
        let theme = Theme(name: "t", description: "", colors: 256, styles: [:])
        let context = PaneContext(id: PaneID(1), state: state, theme: theme, glyphs: .unicode, focused: false, brush: nil)
        let canvas = render(&pane, context, width: 30, height: 8)
        #expect(canvas.lines[7].hasPrefix("kind: █ a █ b"))
        let colors = Set((0..<30).map { canvas[$0, 1].style.foreground } + (0..<30).map { canvas[$0, 5].style.foreground })
        #expect(colors.isSuperset(of: [.indexed(33), .indexed(208)]))
    }

    /// A workspace on the Adult data with the scatter pane (age × hours per week) and a histogram.
    func workspace() -> TestWorkspace {
        let ws = TestWorkspace()
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.showPane(.scatter))
        _ = ws.frame(width: 120, height: 40)
        return ws
    }

    func scatter(_ ws: TestWorkspace) throws -> ScatterPane { try #require(ws.panes[ws.focus] as? ScatterPane) }

    @Test func aKeyBrushSelectsTheRowsOfTheExpressionItReports() throws {
        let ws = workspace()
        let first = try scatter(ws)
        #expect(first.axes == .columns(x: "age", y: "fnlwgt"))
        ws.apply(.send(.action(.nextYColumn)))
        guard case .columns("age", let y)? = try scatter(ws).axes, y != "fnlwgt" else {
            Issue.record("A did not change the y column: \(String(describing: try scatter(ws).axes))")
            return
        }
        _ = ws.frame(width: 120, height: 40)
        for _ in 0..<5 { ws.apply(.send(.right)) }
        for _ in 0..<3 { ws.apply(.send(.down)) }
        for input in [PaneInput.extendRight, .extendRight, .extendRight, .extendDown, .extendDown] { ws.apply(.send(input)) }
        let live = try #require(ws.brush)
        #expect(live.rectangle?.columns.count == 4 && live.rectangle?.rows.count == 3)
        let histograms = ws.panes.filter { $0.value is HistogramPane }.map(\.key)
        #expect(!histograms.isEmpty)
        let liveCounts = histograms.map { live.selectedCounts(forPane: $0) }
        let frame = ws.frame(width: 120, height: 40)
        #expect(frame.text.contains("\(NumberFormatting.grouped(live.selectedCount)) selected"))
        ws.apply(.send(.enter))
        #expect(ws.brush == nil)
        let selection = try #require(ws.state.selection)
        guard case .rectangle(let predicates) = selection.source else {
            Issue.record("not a rectangle: \(selection.source)")
            return
        }
        let text = try #require(SelectionExpression.text(for: selection.source, dataset: adult))
        #expect(predicates.map(\.column) == ["age", "age", y, y], "\(text)")
        #expect(try FilterExpression(text, dataset: adult).evaluate(adult) == selection.rows, "\(text)")
        #expect(selection.rows.count == live.selectedCount && live.selectedCount > 0)
        // What the histograms showed live is what they count once the selection is made.
        for (pane, counts) in zip(histograms, liveCounts) {
            let binning = try #require(ws.panes[pane]?.brushBinning)
            #expect(counts == HistogramCounts(binning, filter: ws.state.filter.rows, selection: selection.rows).selected)
        }
    }

    @Test func aMouseDragBrushesAndSpaceSelectsACell() throws {
        let ws = workspace()
        let frames = ws.workspace.frames(width: 120, height: 40)
        let frame = try #require(frames[ws.focus])
        ws.apply(.mousePress(x: frame.x + 10, y: frame.y + 4))
        ws.apply(.mouseDrag(x: frame.x + 20, y: frame.y + 9))
        #expect(ws.brush?.rectangle != nil)
        ws.apply(.mouseRelease(x: frame.x + 20, y: frame.y + 9))
        let dragged = try #require(ws.state.selection)
        let text = try #require(SelectionExpression.text(for: dragged.source, dataset: adult))
        #expect(try FilterExpression(text, dataset: adult).evaluate(adult) == dragged.rows)
        ws.apply(.send(.space))
        #expect(ws.state.selection != dragged)
    }

    @Test func zoomSavesAndResets() throws {
        let ws = workspace()
        ws.apply(.send(.action(.zoomIn)))
        _ = ws.frame(width: 120, height: 40)
        let zoomed = try scatter(ws)
        let saved = zoomed.savedSettings
        #expect(saved.zoom?.count == 4 && saved.xColumn == "age" && saved.yColumn == "fnlwgt")
        #expect(ws.frame(width: 120, height: 40).text.contains("zoom 2×"))
        let restored = try #require(PaneRegistry.make(.scatter, settings: saved) as? ScatterPane)
        #expect(restored.savedSettings == saved)
        ws.apply(.send(.action(.resetZoom)))
        #expect(try scatter(ws).savedSettings.zoom == nil)
    }

    @Test func aProjectionArrivesFromTheBackground() throws {
        let all = RowSet(rowCount: 4, allSet: true)
        let data = Dataset(source: "v.jsonl", rowCount: 4, columns: [
            Column(name: "v", data: .vector(width: 2, values: [0, 0, 1, 1, 2, 2, 3, 3]), validity: all)])
        let projector = VectorProjector(method: "first two values") { column, _ in
            guard case .vector(let width, let values) = column.data else { throw TuttiError("not a vector") }
            return ProjectedPoints(x: (0..<column.rowCount).map { Double(values[$0 * width]) },
                                   y: (0..<column.rowCount).map { -Double(values[$0 * width + 1]) })
        }
        var pane = ScatterPane(projector: projector)
        let canvas = render(&pane, context(data), width: 12, height: 6)
        #expect(pane.axes == .projection(vector: "v"))
        #expect(pane.title == "Scatter: first two values projection of v")
        #expect(pane.savedSettings.vectorColumn == "v")
        // x rises as y falls: the points run from the top left to the bottom right.
        #expect(canvas.lines[1].contains("⠁") && canvas.lines[3].contains("⢀"), "\(canvas.text)")
        var without = ScatterPane(axes: .projection(vector: "v"))
        #expect(render(&without, context(data), width: 40, height: 6).lines[0].hasPrefix("'v' is not a vector column"))
    }

    @Test func theRegistrysScatterProjectsVectorsByPCA() throws {
        let all = RowSet(rowCount: 4, allSet: true)
        // Points on the line (t, 2t): the first component runs along it, the second is flat.
        let column = Column(name: "v", data: .vector(width: 2, values: [0, 0, 1, 2, 2, 4, 3, 6]), validity: all)
        let data = Dataset(source: "v.jsonl", rowCount: 4, columns: [column])
        var pane = try #require(PaneRegistry.make(.scatter) as? ScatterPane)
        _ = render(&pane, context(data), width: 40, height: 8)
        #expect(pane.axes == .projection(vector: "v") && pane.title == "Scatter: PCA projection of v")
        let points = try VectorProjector.pca.project(column, WorkContext())
        let steps = zip(points.x.dropFirst(), points.x).map { abs($0 - $1) }
        for step in steps { #expect(abs(step - 5.0.squareRoot()) < 1e-4) }
        for y in points.y { #expect(abs(y) < 1e-4) }
    }

    @Test func viewFilesKeepTheAxesColourZoomAndRectangle() throws {
        let pane = ViewPane(kind: .scatter, settings: PaneSettings(xColumn: "age", yColumn: "hours_per_week", colorBy: ":correct",
                                                                   zoom: [20, 40, 10, 60]))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let text = String(decoding: try encoder.encode(pane), as: UTF8.self)
        #expect(text.contains("\"x_column\":\"age\"") && text.contains("\"color_by\""))
        let read = try decoder.decode(ViewPane.self, from: Data(text.utf8))
        #expect(read == pane)
        let restored = try #require(PaneRegistry.make(read) as? ScatterPane)
        #expect(restored.axes == .columns(x: "age", y: "hours_per_week") && restored.colorBy == ":correct")
        #expect(restored.viewport.map { [$0.x.lowerBound, $0.x.upperBound, $0.y.lowerBound, $0.y.upperBound] } == [20, 40, 10, 60])
        // A view written before the scatter pane existed still reads.
        let old = try decoder.decode(ViewPane.self, from: Data(#"{"kind":"histogram","settings":{"column":"age","bins":10}}"#.utf8))
        #expect(old.settings.column == "age" && old.settings.xColumn == nil && old.settings.zoom == nil)
        let source = SelectionSource.rectangle([SlicePredicate(column: "age", op: ">=", value: "20"),
                                                SlicePredicate(column: "age", op: "<=", value: "40")])
        #expect(try decoder.decode(SelectionSource.self, from: try encoder.encode(source)) == source)
    }
}
