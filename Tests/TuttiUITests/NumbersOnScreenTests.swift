import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// Every pane kind, the status line, the footer and the overlays drawn on Adult at widths from
/// 40 to 250: no number on screen is anything but one of the values' formatted forms. Each
/// line may hold only the numbers the same line holds when nothing has to be cut (a render
/// 1,000 cells wide), and a rows pane line only its row's values; so `217` shown for 2174 fails.
@Suite struct NumbersOnScreenTests {
    static let widths = [40, 80, 120, 160, 250]
    static let height = 30
    static let wide = 1000

    static let filtered = try! Explorer.reduce(ExplorerState(dataset: adult, roles: adultRoles), .setFilter("age > 30")).0
    static let selected = try! Explorer.reduce(filtered, .select(
        try! FilterExpression("capital_gain > 2000", dataset: adult).evaluate(adult), .rows)).0

    /// Records every number on line `y` of `canvas` that `allowed` does not hold.
    static func expectOnly(_ allowed: Set<String>, _ canvas: Canvas, line y: Int, _ what: String) {
        let line = canvas.lines[y]
        for token in numberTokens(line) where !allowed.contains(token.text) {
            Issue.record("\(what), line \(y): \(token.text) is no value's form in «\(line)»")
        }
    }

    /// Checks `render(width)` at every width against the same render 1,000 cells wide, line by
    /// line; `byLine` false compares with every number of the wide render instead (for panes
    /// whose lines move with the width), and so do the last `wrappedLines` lines (text that
    /// breaks over more lines when narrow).
    static func check(_ what: String, byLine: Bool = true, wrappedLines: Int = 0, _ render: (Int) -> Canvas) {
        let wide = render(Self.wide)
        let everywhere = Set(wide.lines.flatMap { numberTokens($0).map(\.text) })
        let wrapped = Set(wide.lines.suffix(wrappedLines).flatMap { numberTokens($0).map(\.text) })
        for width in widths {
            let canvas = render(width)
            for y in 0..<canvas.height {
                let allowed = !byLine ? everywhere
                    : y >= canvas.height - wrappedLines ? wrapped : Set(numberTokens(wide.lines[y]).map(\.text))
                expectOnly(allowed, canvas, line: y, "\(what) at \(width)")
            }
        }
    }

    @Test func summary() {
        var pane = SummaryPane()
        // The cursor column's figures under the table break over its last two lines when narrow.
        Self.check("summary", wrappedLines: 3) { render(&pane, paneContext(Self.selected), width: $0, height: Self.height) }
    }

    @Test func histograms() {
        for column in ["age", "capital_gain", "score", "workclass", "income"] {
            var pane = HistogramPane(column: column, bins: 10)
            Self.check("histogram of \(column)") { render(&pane, paneContext(Self.selected), width: $0, height: Self.height) }
        }
    }

    /// The rows pane, checked against the data itself: a row's line holds its row number and
    /// its values, whole; columns that do not fit are left out with `›`, and `‹` shows when
    /// the table is scrolled right.
    @Test func rows() {
        for (glyphs, right, left) in [(Glyphs.unicode, "›", "‹"), (.ascii, ">", "<")] {
            for scrolled in [0, 11] {
                var pane = RowsPane()
                let context = paneContext(Self.selected, glyphs: glyphs)
                for _ in 0..<scrolled { _ = pane.send(.right, context: context) }
                let rows = pane.orderedRows(Self.selected)
                for width in Self.widths {
                    var canvas = render(&pane, context, width: width, height: Self.height)
                    glyphs.fit(&canvas)
                    let last = adult.columns.firstIndex { $0.name == pane.visibleColumns.last } ?? 0
                    #expect(canvas.lines[0].hasSuffix(right) == (last < adult.columns.count - 1), "rows at \(width): \(canvas.lines[0])")
                    #expect(canvas.lines[0].hasPrefix(left) == (scrolled > 0), "rows at \(width): \(canvas.lines[0])")
                    #expect(pane.visibleColumns.contains(adult.columns[scrolled].name))
                    for y in 1..<Self.height {
                        let row = rows[y - 1]
                        let values = adult.columns.map { $0.text(at: row) } + [String(row)]
                        Self.expectOnly(Set(values.flatMap { numberTokens($0).map(\.text) }), canvas, line: y, "rows at \(width)")
                    }
                }
            }
        }
    }

    @Test func confusion() throws {
        var pane = ConfusionPane()
        Self.check("confusion") { render(&pane, paneContext(Self.selected), width: $0, height: Self.height) }
        let grouped = try Explorer.reduce(Self.selected, .setGroupColumns(["race"])).0
        var groups = ConfusionPane()
        Self.check("confusion by race", byLine: false) { render(&groups, paneContext(grouped), width: $0, height: Self.height) }
    }

    @Test func slices() throws {
        // The cursor's slice shows whole on lines of its own where the table cuts slices.
        var pane = SlicesPane()
        Self.check("slices", byLine: false) { render(&pane, paneContext(Self.selected), width: $0, height: Self.height) }
        let grouped = try Explorer.reduce(Self.selected, .setGroupColumns(["sex"])).0
        var sections = SlicesPane()
        Self.check("slices by sex", byLine: false) { render(&sections, paneContext(grouped), width: $0, height: Self.height) }
    }

    @Test func duplicates() {
        var pane = DuplicatesPane()
        let context = paneContext(Self.selected)
        Self.check("duplicates") { render(&pane, context, width: $0, height: Self.height) }
        _ = pane.send(.down, context: context)
        _ = pane.send(.enter, context: context)
        Self.check("duplicate pair", byLine: false) { render(&pane, context, width: $0, height: Self.height) }
    }

    /// The status line and the footer under the default layout, the help overlay, and the row
    /// overlay, whose lines hold the row's values.
    @Test func statusFooterAndOverlays() {
        let ws = TestWorkspace(jobs: BackgroundJobs())
        ws.apply(.dispatch(.setFilter("age > 30")))
        ws.apply(.dispatch(.select(Self.selected.selection!.rows, .rows)))
        ws.apply(.say("exported 1,234,567 rows of 48,842 to /tmp/a-rather-long-file-name-for-the-selected-rows-export.csv"))
        let height = 45
        Self.check("status and footer", byLine: false) { width in
            var canvas = Canvas(width: width, height: 2)
            let screen = ws.frame(width: width, height: height)
            for y in 0..<2 { canvas.text(screen.lines[height - 2 + y], x: 0, y: y) }
            return canvas
        }
        ws.apply(.toggleHelp)
        Self.check("help") { width in
            let screen = ws.frame(width: width, height: height)
            let box = min(width - 4, 112), left = (width - box) / 2
            var canvas = Canvas(width: box, height: height - 4)
            for y in 0..<(height - 4) { canvas.text(String(Array(screen.line(1 + y)).dropFirst(left).prefix(box)), x: 0, y: y) }
            return canvas
        }
        ws.apply(.cancel)
        ws.apply(.showPane(.rows))
        _ = ws.frame(width: 120, height: height)
        ws.apply(.send(.enter))
        guard case .row(let row, _)? = ws.overlay else {
            Issue.record("no row overlay")
            return
        }
        let values = adult.columns.map { $0.text(at: row) } + [String(row)]
        let allowed = Set(values.flatMap { numberTokens($0).map(\.text) })
        for width in Self.widths {
            let screen = ws.frame(width: width, height: height)
            let box = min(width - 4, 112), left = (width - box) / 2
            for y in 1..<(height - 3) {
                let inside = String(Array(screen.line(y)).dropFirst(left + 1).prefix(box - 2))
                for token in numberTokens(inside) where !allowed.contains(token.text) {
                    Issue.record("row overlay at \(width), line \(y): \(token.text) in «\(inside)»")
                }
            }
        }
    }
}
