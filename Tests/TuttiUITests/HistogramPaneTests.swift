import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

@Suite struct HistogramPaneTests {
    let state = ExplorerState(dataset: adult, roles: adultRoles)

    @Test func numericBarsUseEighthBlocks() {
        var pane = HistogramPane(column: "age")
        let canvas = render(&pane, paneContext(state))
        #expect(canvas.lines[0].hasPrefix("48,842 rows"))
        #expect(count(["█", "▇", "▆", "▅", "▄", "▃", "▂", "▁"], in: canvas) > 20)
        #expect(count(["▓"], in: canvas) == 0)
        #expect(canvas.lines[canvas.height - 2].contains("15"))
    }

    @Test func selectedPartHasASecondGlyph() {
        var selected = state
        let rows = RowSet(rowCount: adult.rowCount, rows: (0..<adult.rowCount).filter {
            adult.column(named: "sex")!.text(at: $0) == "Female"
        })
        selected = try! Explorer.reduce(selected, .select(rows, .rows)).0
        let canvas = render(HistogramPane(column: "age"), paneContext(selected))
        #expect(count(["▓"], in: canvas) > 5)
        #expect(canvas.lines[0].contains("16,192 selected"))
    }

    @Test func categoriesAreHorizontalBarsWithLabels() {
        let canvas = render(HistogramPane(column: "relationship"), paneContext(state), width: 70, height: 10)
        #expect(canvas.text.contains("Husband"))
        #expect(canvas.text.contains("19,716"))
        #expect(count(["█"], in: canvas) > 10)
    }

    @Test func asciiGlyphsWithoutUnicode() {
        var canvas = render(HistogramPane(column: "age"), paneContext(state, glyphs: .ascii))
        Glyphs.ascii.fit(&canvas)
        #expect(canvas.cells.allSatisfy { $0.character.map { $0.isASCII } ?? true })
        #expect(count(["#"], in: canvas) > 10)
    }

    @Test func shiftArrowsBrushAndSpaceSelectsABin() {
        var pane = HistogramPane(column: "age")
        let context = paneContext(state)
        _ = render(&pane, context)
        let begin = pane.send(.extendRight, context: context)
        guard case .beginBrush(_, _, let bins) = begin.first else {
            Issue.record("no brush began: \(begin)")
            return
        }
        #expect(bins == 0...1)
        let select = pane.send(.space, context: context)
        #expect(select.count == 2)
    }

    @Test func brushPreviewDrivesOtherHistograms() throws {
        let age = try ColumnBinning(dataset: adult, column: "age", bins: 20)
        var sexPane = HistogramPane(column: "sex")
        _ = render(&sexPane, paneContext(state, id: PaneID(2)))
        let preview = BrushPreview(source: PaneID(1), binning: age, anchor: 0, range: 0...age.binCount - 1,
                                   views: [PaneID(2): sexPane.currentBinning!], filter: state.filter.rows)
        #expect(preview.selectedCount == adult.rowCount)
        let canvas = render(&sexPane, paneContext(state, id: PaneID(2), brush: preview), width: 70, height: 8)
        #expect(canvas.lines[0].contains("48,842 selected"))
        #expect(count(["▓"], in: canvas) > 10)
    }

    @Test func textColumnsExplainThemselves() throws {
        let data = try DatasetLoader.load(bytes: Array("t\nalpha one\nbeta two\ngamma three\n".utf8), name: "t.csv").dataset
        let canvas = render(HistogramPane(column: "t"), paneContext(ExplorerState(dataset: data, roles: ColumnRoles())))
        #expect(canvas.text.contains("only numbers, booleans and categories have histograms"))
    }
}
