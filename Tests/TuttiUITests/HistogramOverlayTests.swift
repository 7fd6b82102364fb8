import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The metric per histogram bin drawn over the bars: markers at the heights of the error rates
/// of a small dataset, the reliability curve and Core's ECE on the score's histogram, the keys,
/// and the view that remembers it.
@Suite struct HistogramOverlayTests {
    /// x = 1, 2, 3, 4 with four rows each, wrong in 0, 2, 4 and 1 of them: error rates 0, 0.5, 1, 0.25.
    static func smallState() throws -> ExplorerState {
        let wrong = [1: 0, 2: 2, 3: 4, 4: 1]
        var csv = "x,label,prediction\n"
        for x in 1...4 {
            for index in 0..<4 { csv += "\(x),1,\(index < wrong[x]! ? 0 : 1)\n" }
        }
        let dataset = try DatasetLoader.load(bytes: Array(csv.utf8), name: "small.csv").dataset
        return ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
    }

    /// The cells below the header (whose legend shows the marks too) holding `mark`, as (x, y),
    /// left to right.
    static func marks(_ mark: Character, in canvas: Canvas) -> [(x: Int, y: Int)] {
        var found: [(x: Int, y: Int)] = []
        for x in 0..<canvas.width {
            for y in 1..<canvas.height where canvas[x, y].character == mark { found.append((x, y)) }
        }
        return found
    }

    @Test func markersStandAtTheErrorRateOfEachBinOnTheRightScale() throws {
        let state = try Self.smallState()
        var pane = HistogramPane(column: "x", bins: 4, overlay: .error)
        // 40 × 12: the count axis takes 2 cells ("4 "), the scale 2 (" 1"); 4 bars of 9 cells;
        // chart lines 1…9, so a rate r stands on line 1 + round((1 − r) × 8).
        let canvas = render(&pane, paneContext(state), width: 40, height: 12)
        let marks = Self.marks("◆", in: canvas)
        #expect(marks.map(\.y) == [9, 5, 1, 7], "\(canvas.text)")
        #expect(marks.map(\.x) == [5, 14, 23, 32], "one marker over the middle of each bar:\n\(canvas.text)")
        #expect(canvas.lines[1].hasSuffix(" 1") && canvas.lines[9].hasSuffix(" 0"), "the scale at the right:\n\(canvas.text)")
        #expect(canvas.lines[0].contains("◆ error"), "the legend: \(canvas.lines[0])")
        #expect(canvas.lines[11].contains("1: 4 rows, 0 selected · error 0.0000"), "\(canvas.lines[11])")
        #expect(pane.title == "Histogram: x", "no ECE without a score")
        // Without the overlay: no marker, and the bars take the scale's room.
        let plain = render(HistogramPane(column: "x", bins: 4), paneContext(state), width: 40, height: 12)
        #expect(Self.marks("◆", in: plain).isEmpty && !plain.lines[0].contains("error"))
    }

    @Test func aFilterMovesTheMarkers() throws {
        var state = try Self.smallState()
        // Keep the right rows of x = 2: its error becomes 0.
        state = try Explorer.reduce(state, .setFilter("x != 2 or label == prediction")).0
        var pane = HistogramPane(column: "x", bins: 4, overlay: .error)
        let canvas = render(&pane, paneContext(state), width: 40, height: 12)
        #expect(Self.marks("◆", in: canvas).map(\.y) == [9, 9, 1, 7], "\(canvas.text)")
    }

    @Test func theScoreHistogramShowsTheReliabilityCurveAndCoresECE() throws {
        let state = ExplorerState(dataset: adult, roles: adultRoles)
        var pane = HistogramPane(column: "score", overlay: .baseRate)
        let canvas = render(&pane, paneContext(state), width: 80, height: 20)
        let evaluator = try SliceEvaluator(dataset: adult, roles: adultRoles)
        let ece = try #require(evaluator.metrics(of: state.filter.rows, filteredCount: adult.rowCount).value(.ece))
        #expect(pane.title == "Histogram: score · ECE \(NumberFormatting.fixed(ece))")
        #expect(canvas.lines[0].contains("◆ positive share") && canvas.lines[0].contains("· diagonal"), "\(canvas.lines[0])")
        let binning = try #require(pane.currentBinning)
        #expect(Self.marks("◆", in: canvas).count + Self.marks("·", in: canvas).count >= binning.binCount,
                "a marker (or the diagonal under it) per bin:\n\(canvas.text)")
        // The first bin (scores near 0) is low, the last (near 1) high.
        let marks = Self.marks("◆", in: canvas)
        #expect(try #require(marks.first).y > 12 && marks.last!.y < 6, "\(canvas.text)")
        // Under a filter the title gives the filtered rows' ECE.
        let filtered = try Explorer.reduce(state, .setFilter("sex == \"Female\"")).0
        _ = render(&pane, paneContext(filtered), width: 80, height: 20)
        let femaleECE = try #require(evaluator.metrics(of: filtered.filter.rows, filteredCount: filtered.filteredCount).value(.ece))
        #expect(pane.title == "Histogram: score · ECE \(NumberFormatting.fixed(femaleECE))" && femaleECE != ece)
    }

    @Test func categoriesGetAMarkerOnEachBar() throws {
        var pane = HistogramPane(column: "sex", overlay: .error)
        let canvas = render(&pane, paneContext(ExplorerState(dataset: adult, roles: adultRoles)), width: 70, height: 8)
        #expect(Self.marks("◆", in: canvas).count == 2, "\(canvas.text)")
        #expect(canvas.lines[0].contains("◆ error 0–1"), "\(canvas.lines[0])")
    }

    @Test func eTogglesTheOverlayAndEStepsThroughTheMetrics() throws {
        let state = ExplorerState(dataset: adult, roles: adultRoles)
        let context = paneContext(state)
        var pane = HistogramPane(column: "age")
        _ = render(&pane, context)
        let on = pane.send(.action(.toggleOverlay), context: context)
        #expect(pane.overlayMetric == .error)
        guard case .message(let text)? = on.first else { throw TuttiError("no message: \(on)") }
        #expect(text.hasPrefix("error per bin"))
        #expect(pane.savedSettings.overlay == "error" && pane.label(for: .toggleOverlay) == "overlay off")
        _ = pane.send(.action(.nextOverlayMetric), context: context)
        let metrics = BinMetricOverlay.metrics(try SliceEvaluator(dataset: adult, roles: adultRoles))
        #expect(pane.overlayMetric == metrics[(metrics.firstIndex(of: .error)! + 1) % metrics.count])
        let second = pane.overlayMetric
        _ = pane.send(.action(.toggleOverlay), context: context)
        #expect(pane.overlayMetric == nil && pane.savedSettings.overlay == nil)
        _ = pane.send(.action(.toggleOverlay), context: context)
        #expect(pane.overlayMetric == second, "e turns on the metric it turned off")
        // On the score, e starts with the reliability curve.
        var score = HistogramPane(column: "score")
        _ = render(&score, context)
        _ = score.send(.action(.toggleOverlay), context: context)
        #expect(score.overlayMetric == .baseRate)
    }

    @Test func withoutLabelOrLossTheKeySaysWhy() throws {
        let dataset = try DatasetLoader.load(bytes: Array("a,b\n1,2\n3,4\n".utf8), name: "t.csv").dataset
        let context = paneContext(ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset)))
        var pane = HistogramPane(column: "a")
        _ = render(&pane, context)
        let commands = pane.send(.action(.toggleOverlay), context: context)
        guard case .error(let text)? = commands.first else { throw TuttiError("no error: \(commands)") }
        #expect(text.contains("no metric to draw per bin") && pane.overlayMetric == nil)
    }

    @Test func theWorkspaceTogglesItWithEAndAViewKeepsIt() throws {
        let ws = TestWorkspace()
        _ = ws.frame(width: 120, height: 40)
        ws.apply(.event(.key(KeyEvent(.tab))))
        let focused = try #require(ws.panes[ws.focus] as? HistogramPane)
        #expect(focused.column == "score")
        ws.apply(.event(.key(.character("e"))))
        let frame = ws.frame(width: 120, height: 40)
        #expect(frame.text.contains("Histogram: score · ECE 0.0"), "\(frame.text)")
        #expect(ws.message?.text.hasPrefix("reliability") == true, "\(String(describing: ws.message))")
        let view = PaneRegistry.view(of: try #require(ws.panes[ws.focus]))
        #expect(view.settings.overlay == "base_rate")
        let restored = try #require(PaneRegistry.make(view) as? HistogramPane)
        #expect(restored.overlayMetric == .baseRate)
        ws.apply(.event(.key(.character("E"))))
        #expect((ws.panes[ws.focus] as? HistogramPane)?.overlayMetric != .baseRate)
        ws.apply(.event(.key(.character("e"))))
        #expect(!ws.frame(width: 120, height: 40).text.contains("ECE"))
    }
}
